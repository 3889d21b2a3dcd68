"""Banded dynamic programming over bead types: best path, and forward/backward sums.

Tables are on nodes (see `scoring.py`): row i of a table holds nodes (i, lo[i] + k). Each table
has 3 extra all-inf rows in front (so rows i-1..i-3 always exist) and one inf guard column
at the end, and is read through one flat view: a column index clipped to [-1, width] falls on
a guard cell (index -1 of a row is the previous row's guard), so cells outside the band read
as inf without a test. Impossible cells are inf (-inf in the log-sum tables), never None.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from alignment.scoring import SKIP_TARGET, TYPES
from alignment.vectors import FloatArray, IntArray

PAD = 3  # rows of inf in front of every table: the largest source side of a bead
_SRC = np.array([a for a, _ in TYPES])
_TGT = np.array([b for _, b in TYPES])


def gather_index(
    lo: IntArray, width: int, sign: int, row_size: int = 0, type_size: int = 0
) -> npt.NDArray[np.int32]:
    """Flat index, per cell and bead type, of the bead's other end in a padded table.

    sign=1: the bead ends at the cell and starts at row i-a (tables padded in front);
    sign=-1: the bead starts at the cell and ends at row i+a (tables padded at the end).
    A table row holds `row_size` values (default width + 1); with `type_size`, bead type t
    reads at offset t * type_size inside the row (the cost array keeps one row per type).
    """
    n1 = lo.size
    lo32 = lo.astype(np.int32)
    rows = np.arange(n1, dtype=np.int32)[:, None]
    other = np.clip(rows - sign * _SRC[None, :], 0, n1 - 1)
    shift = lo32[:, None] - lo32[other] - sign * _TGT[None, :].astype(np.int32)
    cols = shift[:, :, None] + np.arange(width, dtype=np.int32)[None, None, :]
    np.maximum(cols, -1, out=cols)
    np.minimum(cols, width, out=cols)
    row_size = row_size or width + 1
    table_row = (rows - sign * _SRC[None, :] + (PAD if sign == 1 else 0)) * row_size
    table_row += np.arange(len(TYPES), dtype=np.int32)[None, :] * type_size
    cols += table_row.astype(np.int32)[:, :, None]
    index: npt.NDArray[np.int32] = cols
    return index


def skip_prefix(skip: FloatArray, width: int) -> FloatArray:
    """Prefix sums of the 0-1 bead costs per target node, padded so any band row can slice it.

    `skip[j]` is the cost of leaving target sentence j-1 unpaired (skip[0] is not used).
    """
    prefix = np.concatenate([[0.0], np.cumsum(skip[1:])])
    out: FloatArray = np.concatenate([prefix, np.full(width, prefix[-1])])
    return out


def viterbi(
    costs: FloatArray, lo: IntArray, skip: FloatArray, index: npt.NDArray[np.int32]
) -> tuple[FloatArray, npt.NDArray[np.int8]]:
    """Fill the best-cost table and back-pointers (bead type index, SKIP_TARGET for 0-1)."""
    n1, _, width = costs.shape
    table = np.full((n1 + PAD, width + 1), np.inf)
    flat = table.ravel()
    back = np.zeros((n1, width), dtype=np.int8)
    prefix = skip_prefix(skip, width)
    cols = np.arange(width)
    for i in range(n1):
        steps = prefix[lo[i] : lo[i] + width]
        cand = flat[index[i]] + costs[i]
        best_type = cand.argmin(axis=0)
        best = cand[best_type, cols]
        if i == 0 and lo[0] == 0:
            best[0] = 0.0  # the start node
        row = np.minimum.accumulate(best - steps) + steps
        table[i + PAD, :width] = row
        back[i] = np.where(row < best - 1e-9, SKIP_TARGET, best_type)  # rounding of +-steps
    return table[PAD:, :width], back


def traceback(
    back: npt.NDArray[np.int8],
    lo: IntArray,
    m: int,
) -> list[tuple[int, int, int]]:
    """Walk back from node (n, m); return (i, j, type) of every bead's end node, in order."""
    i, j = back.shape[0] - 1, m
    path = []
    while i > 0 or j > 0:
        t = int(back[i, j - lo[i]])
        path.append((i, j, t))
        if t == SKIP_TARGET:
            j -= 1
        else:
            i, j = i - TYPES[t][0], j - TYPES[t][1]
    path.reverse()
    return path


def forward(
    costs: FloatArray, lo: IntArray, skip: FloatArray, index: npt.NDArray[np.int32]
) -> FloatArray:
    """Return F[i, k]: log of the summed weight exp(-cost) of all paths from (0, 0) to the cell."""
    n1, _, width = costs.shape
    table = np.full((n1 + PAD, width + 1), -np.inf)
    flat = table.ravel()
    prefix = skip_prefix(skip, width)
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(n1):
            steps = prefix[lo[i] : lo[i] + width]
            into = _logsumexp(flat[index[i]] - costs[i])
            if i == 0 and lo[0] == 0:
                into[0] = 0.0
            table[i + PAD, :width] = np.logaddexp.accumulate(into + steps) - steps
    return table[PAD:, :width]


def backward(padded_costs: FloatArray, lo: IntArray, skip: FloatArray, m: int) -> FloatArray:
    """Return B[i, k]: log of the summed weight of all paths from the cell to (n, m).

    Takes the padded cost array of `scoring.bead_costs` (PAD more rows, one more column).
    """
    n1 = lo.size
    _, n_types, width = padded_costs.shape
    width -= 1
    table = np.full((n1 + PAD, width + 1), -np.inf)  # pad rows at the end here
    flat = table.ravel()
    index = gather_index(lo, width, -1)
    # a bead's cost is stored at its end cell, in a cost array with one inf guard column
    ends = gather_index(lo, width, -1, n_types * (width + 1), width + 1)
    cost_flat = padded_costs.ravel()
    prefix = skip_prefix(skip, width)
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(n1 - 1, -1, -1):
            steps = prefix[lo[i] : lo[i] + width]
            out = _logsumexp(flat[index[i]] - cost_flat[ends[i]])
            if i == n1 - 1:
                out[m - lo[i]] = 0.0
            table[i, :width] = np.logaddexp.accumulate((out - steps)[::-1])[::-1] + steps
    return table[:n1, :width]


def _logsumexp(cand: FloatArray) -> FloatArray:
    """Log-sum-exp over bead types (the caller silences log(0) warnings)."""
    top = np.fmax(cand.max(axis=0), -1e300)  # all -inf: exp(-inf) = 0, log(0) = -inf
    out: FloatArray = np.log(np.exp(cand - top).sum(axis=0)) + top
    return out
