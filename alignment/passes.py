"""The DP passes in numpy, for machines where `_kernels.c` cannot be built (see `dp.py`).

Each table has 3 extra rows in front (so rows i-1..i-3 always exist) and one guard column at
the end, and is read through one flat view with a gather index: a column index clipped to
[-1, width] falls on a guard cell (index -1 of a row is the previous row's guard), so cells
outside the band read as impossible without a test. A row is one gather, one reduction over
bead types and one running min (or sum) along the row: four numpy calls, whose start-up,
not arithmetic, is what a band of a few dozen columns costs.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import numpy.typing as npt

from alignment.arrays import FloatArray, IntArray
from alignment.scoring import SKIP_TARGET, TYPES

PAD = 3  # rows in front of every table: the largest source side of a bead
TIE = 1e-9  # a 0-1 step wins a tie only when cheaper by more than rounding
# Cells of a gather index converted to intp at once: chunks this small reuse freed memory
# instead of asking the system for fresh pages every time.
CHUNK_CELLS = 1 << 14
SMALL, LARGE = np.exp(-300.0), np.exp(300.0)  # forward/backward rows are rescaled outside
RANGE = (float(SMALL), float(LARGE))  # the same bounds for the compiled passes
_SRC = np.array([a for a, _ in TYPES])
_TGT = np.array([b for _, b in TYPES])


def gather_index(
    lo: IntArray,
    width: int,
    sign: int,
    row_size: int = 0,
    type_size: int = 0,
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


def _chunks(
    index: npt.NDArray[np.int32], reverse: bool = False
) -> Iterator[tuple[int, npt.NDArray[np.intp]]]:
    """Yield (first row, index rows as intp) in chunks: numpy gathers fastest with intp."""
    rows = max(1, CHUNK_CELLS // (index.shape[1] * index.shape[2]))
    starts = range(0, index.shape[0], rows)
    for start in reversed(starts) if reverse else starts:
        yield start, index[start : start + rows].astype(np.intp)


def viterbi(
    costs: FloatArray, lo: IntArray, index: npt.NDArray[np.int32]
) -> tuple[FloatArray, npt.NDArray[np.int8]]:
    """Fill the best-cost table (V - P[j]) and back-pointers (bead type, SKIP_TARGET for 0-1).

    `costs` are folded (`fold`), rows 0..n of the band.
    """
    n1, _, width = costs.shape
    table = np.full((n1 + PAD, width + 1), np.inf)
    table[PAD, :width] = 0.0  # row 0: the start node, then 0-1 steps that cost nothing here
    flat = table.ravel()
    rows = table[PAD:, :width]
    for start, chunk in _chunks(index):
        for i in range(max(start, 1), start + chunk.shape[0]):
            cand = flat[chunk[i - start]]
            cand += costs[i]
            np.minimum.accumulate(np.minimum.reduce(cand, 0), out=rows[i])
    return rows, _back_pointers(table, costs, index)


def _back_pointers(
    table: FloatArray, costs: FloatArray, index: npt.NDArray[np.int32]
) -> npt.NDArray[np.int8]:
    """Return the bead type that reached every cell of a filled best-cost table."""
    flat = table.ravel()
    back = np.zeros(table[PAD:, :-1].shape, dtype=np.int8)
    for start, chunk in _chunks(index):
        rows = slice(start, start + chunk.shape[0])
        cand = flat[chunk.transpose(1, 0, 2)]  # (type, row, column)
        cand += costs[rows].transpose(1, 0, 2)
        best, best_type = cand[0], back[rows]
        for t in range(1, len(TYPES)):
            better = cand[t] < best
            best_type[better] = t  # the first type wins a tie, as argmin does
            np.minimum(best, cand[t], out=best)
        if start == 0:
            best[0, 0] = 0.0
        reached = table[PAD + rows.start : PAD + rows.stop, :-1]
        best_type[reached < best - TIE] = SKIP_TARGET
    return back


# Forward and backward sums are kept as plain weights, exp(log value - scale[row]), which
# numpy multiplies and adds far faster than it takes logs. Rows share one scale until the
# newest row's largest value drifts past SMALL or LARGE; then that row and the ones still to
# be read are divided by it. Each row changes the largest value by a bounded factor (a 1-0
# bead costs at most a few nats, a paired bead gains at most the lexical weight), so this is
# rare and nothing that matters underflows.


def forward(weights: FloatArray, index: npt.NDArray[np.int32]) -> tuple[FloatArray, FloatArray]:
    """Return exp(F + P[j] - scale[i]) per cell and scale per row, where F is the log of the
    summed weight of all paths from (0, 0) to the cell.

    `weights` are exp(-folded costs) (`fold`), rows 0..n of the band.
    """
    n1, _, width = weights.shape
    table = np.zeros((n1 + PAD, width + 1))
    table[PAD, :width] = 1.0  # row 0: the start node, then 0-1 steps
    flat = table.ravel()
    rows = table[PAD:, :width]
    shifts = np.zeros(n1 + PAD - 1)  # log of the factor rows were divided by, per event row
    for start, chunk in _chunks(index):
        for i in range(max(start, 1), start + chunk.shape[0]):
            into = flat[chunk[i - start]]
            into *= weights[i]
            row = np.add.accumulate(np.add.reduce(into, 0), out=rows[i])
            top = row[-1]
            if not SMALL < top < LARGE and top > 0.0:
                table[i + 1 : i + PAD + 1] /= top  # this row and the two before it
                shifts[i] = np.log(top)
    # row i was divided at the events of rows i..i+2: its scale sums the shifts up to i+2
    return rows, np.cumsum(shifts)[PAD - 1 :]


def backward(padded_weights: FloatArray, lo: IntArray, m: int) -> tuple[FloatArray, FloatArray]:
    """Return exp(B - P[j] + P[m] - scale[i]) per cell and scale per row, where B is the log
    of the summed weight of all paths from the cell to (n, m).

    Takes exp(-folded costs) for the whole padded array (PAD more rows, one more column) and
    uses it up: once a row is done, its weights are multiplied by its values, so a row above
    reads the weight of a bead times the sum beyond its end in one gather.
    """
    n1 = lo.size
    _, n_types, width = padded_weights.shape
    width -= 1
    # rows are kept right to left, so that a sum towards the end is a cumulative sum
    table = np.zeros((n1, width))
    table[n1 - 1, width - 1 - (m - lo[-1]) :] = 1.0  # row n: the end node, then 0-1 steps
    padded_weights[n1 - 1, :, :width] *= table[n1 - 1, ::-1]
    shifts = np.zeros(n1 + PAD - 1)
    # a bead's weight is stored at its end cell; cells listed right to left
    ends = gather_index(lo, width, -1, n_types * (width + 1), width + 1)[:, :, ::-1]
    weight_flat = padded_weights.ravel()
    for start, chunk in _chunks(ends, reverse=True):
        for i in range(min(start + chunk.shape[0], n1 - 1) - 1, start - 1, -1):
            out = weight_flat[chunk[i - start]]
            row = np.add.accumulate(np.add.reduce(out, 0), out=table[i])
            top = row[-1]
            if not SMALL < top < LARGE and top > 0.0:
                row /= top
                table[i + 1 : i + PAD] /= top
                padded_weights[i + 1 : i + PAD] /= top
                shifts[i + PAD - 1] = np.log(top)
            padded_weights[i, :, :width] *= row[::-1]
    return table[:, ::-1], np.cumsum(shifts[::-1])[::-1][:n1]
