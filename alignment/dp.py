"""Banded dynamic programming over bead types: best path, and forward/backward sums.

Tables are on nodes (see `scoring.py`): row i of a table holds nodes (i, lo[i] + k), and the
cost array of `scoring.bead_costs` has PAD all-inf rows after the band and one guard column.
Impossible cells are inf (weight 0 in the forward/backward tables).

The 0-1 beads (a target sentence left out) are folded into the other costs: with
P[j] = skip[1] + ... + skip[j], tables hold V - P[j] (best cost), F + P[j] (forward) and
B - P[j] + P[m] (backward), and a bead from column j-b to j costs c - (P[j] - P[j-b]) (`fold`).
A run of 0-1 beads along a row then costs nothing more: a row is one pass over the bead types
and one running min (or sum) along the row. Forward and backward sums are kept as plain
weights, exp(log value - scale[row]): rows share one scale until the newest row's largest value
drifts past e^-300 or e^300; then that row and the ones still to be read are divided by it.
Each row changes the largest value by a bounded factor (a 1-0 bead costs at most a few nats, a
paired bead gains at most the lexical weight), so this is rare and nothing that matters
underflows.

The passes run compiled (`compiled.py`, `_kernels.c`) or, where that cannot be built, in numpy
(`passes.py`); both give the same numbers, bit for bit.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from alignment import passes
from alignment.arrays import FloatArray, IntArray
from alignment.compiled import kernels as compiled_kernels
from alignment.scoring import SKIP_TARGET, TYPES, column_nodes

PAD = 3  # rows of inf after the band in the cost array: the largest source side of a bead
_SRC = np.array([a for a, _ in TYPES], dtype=np.int64)
_TGT = np.array([b for _, b in TYPES], dtype=np.int64)


def skip_prefix(skip: FloatArray, width: int) -> FloatArray:
    """Prefix sums of the 0-1 bead costs per target node, padded so any band row can slice it.

    `skip[j]` is the cost of leaving target sentence j-1 unpaired (skip[0] is not used).
    """
    prefix = np.concatenate([[0.0], np.cumsum(skip[1:])])
    out: FloatArray = np.concatenate([prefix, np.full(width, prefix[-1])])
    return out


def fold(padded: FloatArray, lo: IntArray, skip: FloatArray) -> FloatArray:
    """Fold the 0-1 steps into the bead costs of `scoring.bead_costs`' padded array, in place."""
    n1 = lo.size
    width = padded.shape[2] - 1
    prefix = skip_prefix(skip, width)
    j = column_nodes(lo, width)
    at_end = prefix[j]
    for b in sorted({b for _, b in TYPES if b}):
        steps = at_end - prefix[np.maximum(j - b, 0)]  # P[j] - P[j-b]
        for t in (t for t, (_, tb) in enumerate(TYPES) if tb == b):
            padded[:n1, t, :width] -= steps
    return padded


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


def viterbi(padded: FloatArray, lo: IntArray) -> tuple[FloatArray, npt.NDArray[np.int8]]:
    """Return the best cost V - P[j] of reaching every cell of rows 0..n and the bead type
    that reached it (SKIP_TARGET for a 0-1 step), from folded costs (`fold`)."""
    kernels, lo, width = compiled_kernels(), _rows(lo), padded.shape[2] - 1
    if kernels is None:
        band = padded[: lo.size, :, :width]
        return passes.viterbi(band, lo, passes.gather_index(lo, width, 1))
    table, back = np.empty((lo.size, width)), np.empty((lo.size, width), dtype=np.int8)
    kernels.best_paths(padded, lo, _SRC, _TGT, table, back)
    return table, back


def forward(padded_weights: FloatArray, lo: IntArray) -> tuple[FloatArray, FloatArray]:
    """Return exp(F + P[j] - scale[i]) per cell and scale per row, where F is the log of the
    summed weight of all paths from (0, 0) to the cell; takes exp(-folded costs)."""
    kernels, lo, width = (
        compiled_kernels(),
        np.ascontiguousarray(lo, dtype=np.int64),
        padded_weights.shape[2] - 1,
    )
    if kernels is None:
        band = padded_weights[: lo.size, :, :width]
        return passes.forward(band, passes.gather_index(lo, width, 1))
    table, shifts = np.empty((lo.size, width)), np.zeros(lo.size + 2)
    kernels.forward_sums(padded_weights, lo, _SRC, _TGT, table, shifts, *passes.RANGE)
    # row i was divided at the rescaling of rows i..i+2: its scale sums the shifts up to i+2
    return table, np.cumsum(shifts)[2:]


def backward(padded_weights: FloatArray, lo: IntArray, m: int) -> tuple[FloatArray, FloatArray]:
    """Return exp(B - P[j] + P[m] - scale[i]) per cell and scale per row, where B is the log
    of the summed weight of all paths from the cell to (n, m); takes exp(-folded costs) and
    uses them up (a finished row's weights are multiplied by its sums)."""
    kernels, lo, width = (
        compiled_kernels(),
        np.ascontiguousarray(lo, dtype=np.int64),
        padded_weights.shape[2] - 1,
    )
    if kernels is None:
        return passes.backward(padded_weights, lo, m)
    table, shifts = np.empty((lo.size, width)), np.zeros(lo.size + 2)
    kernels.backward_sums(padded_weights, lo, _SRC, _TGT, table, shifts, *passes.RANGE, m)
    # row i was divided at the rescaling of rows i-2..i: its scale sums those from i-2 on
    return table, np.cumsum(shifts[::-1])[::-1][: lo.size]


def _rows(lo: IntArray) -> IntArray:
    out: IntArray = np.ascontiguousarray(lo, dtype=np.int64)  # as the compiled passes read it
    return out
