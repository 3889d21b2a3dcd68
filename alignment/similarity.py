"""Cosine of span vectors inside the band, from a table of sentence-pair dot products.

pair[s, c] = dot(src_s, tgt_(first[s] + c)). A bead's dot product is the sum of its sentence
pairs; the pair (i-1-da, j-1-db) of the bead ending at node (i, j) is read for every band cell
at once, for the six offsets (da, db) the bead types need, and shared by all types. Pairs
outside the table (only at the edge of a narrow band) count as 0. The band is worked through
in blocks of rows (`SpanSimilarity` covers one), so memory stays small for long texts.
"""

from __future__ import annotations

import numpy as np

from alignment.arrays import FloatArray, IntArray
from alignment.vectors import ConceptIndex, Entries, banded_dots, row_slice, span_norms

MAX_SPAN = 3  # most sentences on one side of a bead
GUARD = MAX_SPAN  # zero columns after each table row: shifted reads past the row land there
OFFSETS = ((0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (2, 0))  # (da, db) of the bead types


class SpanNorms:
    """Square roots of |sum of the L sentences ending before node i|² for both sides."""

    def __init__(self, src: Entries, tgt: Entries) -> None:
        self.src = [np.sqrt(x) for x in span_norms(src, MAX_SPAN)]
        self.tgt = [np.sqrt(x) for x in span_norms(tgt, MAX_SPAN)]


class PairTable:
    """Dot products of the sentence pairs the beads ending in node rows `rows` can hold.

    table[r, c] = dot(src_(s0 + r), tgt_(first[r] + c)); the last row is zeros (no sentence),
    and so are the GUARD columns after each row (shifted reads past a row land there).
    """

    def __init__(
        self, src: Entries, tgt: ConceptIndex, lo: IntArray, width: int, rows: range
    ) -> None:
        s0, s1 = max(rows.start - MAX_SPAN, 0), max(rows.stop - 1, 0)  # sentences read
        self.s0 = s0
        self.first = np.zeros(s1 - s0 + 1, dtype=np.int64)  # the last row: no sentence
        self.first[:-1] = np.maximum(lo[s0 + 1 : s1 + 1] - MAX_SPAN, 0)  # s: node row s+1
        pair_width = width + MAX_SPAN + 1
        self.table = np.zeros((s1 - s0 + 1, pair_width + GUARD))
        dots = banded_dots(row_slice(src, s0, s1), tgt, self.first[:-1], pair_width)
        self.table[:-1, :pair_width] = dots


class SpanSimilarity:
    """Cosines of src[i-a:i] and tgt[j-b:j] for the band cells of node rows `rows`."""

    def __init__(
        self,
        src: Entries,
        tgt: ConceptIndex,
        lo: IntArray,
        j: IntArray,
        rows: range,
        norms: SpanNorms,
    ) -> None:
        pairs = PairTable(src, tgt, lo, j.shape[1], rows)
        s0, first, stride = pairs.s0, pairs.first, pairs.table.shape[1]
        last = first.size - 1  # the row of no sentence
        flat = pairs.table.ravel()
        self.parts: dict[tuple[int, int], FloatArray] = {}
        for da in sorted({da for da, _ in OFFSETS}):
            s = np.arange(rows.start, rows.stop) - 1 - da
            local = np.where(s >= s0, s - s0, last)  # sentences before the first: none
            at = (local * stride)[:, None] + np.minimum(j - 1 - first[local, None], stride - 1)
            for db in sorted(db for d, db in OFFSETS if d == da):
                self.parts[(da, db)] = flat[at - db]
        self.src_root = [x[rows.start : rows.stop, None] for x in norms.src]
        self.tgt_root = norms.tgt
        self.j = j
        self._dots: dict[tuple[int, int], FloatArray] = {(1, 1): self.parts[(0, 0)]}
        self._roots: dict[int, FloatArray] = {}

    def cosine(self, a: int, b: int) -> FloatArray:
        """Return the cosine of src[i-a:i] and tgt[j-b:j] for every cell of the block."""
        out = self.dots(a, b).copy()
        denom = self._tgt_root(b) * self.src_root[a]
        denom += 1e-9
        out /= denom
        return out

    def dots(self, a: int, b: int) -> FloatArray:
        """Return the dot products of src[i-a:i] and tgt[j-b:j], built on smaller spans."""
        found = self._dots.get((a, b))
        if found is None:
            if b > 1:  # add the pairs with target sentence j-b
                found = self.dots(a, b - 1) + self.parts[(0, b - 1)]
                for da in range(1, a):
                    found += self.parts[(da, b - 1)]
            else:  # add the pair with source sentence i-a
                found = self.dots(a - 1, b) + self.parts[(a - 1, 0)]
            self._dots[(a, b)] = found
        return found

    def _tgt_root(self, b: int) -> FloatArray:
        found = self._roots.get(b)
        if found is None:
            found = self._roots[b] = self.tgt_root[b][self.j]
        return found
