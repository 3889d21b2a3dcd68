"""Cosine of span vectors inside the band, from one table of sentence-pair dot products.

pair[s, c] = dot(src_s, tgt_(first[s] + c)). A bead's dot product is the sum of its sentence
pairs; the pair (i-1-da, j-1-db) of the bead ending at node (i, j) is read for every band cell
at once, for the six offsets (da, db) the bead types need, and shared by all types. Pairs
outside the table (only at the edge of a narrow band) count as 0.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from alignment.vectors import Entries, FloatArray, IntArray, banded_dots, span_norms

MAX_SPAN = 3  # most sentences on one side of a bead
GUARD = MAX_SPAN  # zero columns after each table row: shifted reads past the row land there


class SpanSimilarity:
    """Cosines of src[i-a:i] and tgt[j-b:j] for every band cell and bead type."""

    def __init__(
        self,
        src: Entries,
        tgt: Entries,
        lo: IntArray,
        j: IntArray,
        shapes: Sequence[tuple[int, int]],
    ) -> None:
        n, width = src.rows, j.shape[1]
        first = np.maximum(lo[1:] - MAX_SPAN, 0)  # sentence s lives on node row s+1
        pair_width = width + MAX_SPAN + 1
        stride = pair_width + GUARD
        table = np.zeros((n + 1, stride))  # row n stays 0: read for sentences before the first
        table[:n, :pair_width] = banded_dots(src, tgt, first, pair_width)
        flat = table.ravel()
        offsets = {(da, db) for a, b in shapes for da in range(a) for db in range(b)}
        self.parts: dict[tuple[int, int], FloatArray] = {}
        for da in sorted({da for da, _ in offsets}):
            s = np.arange(n + 1) - 1 - da
            base = np.where(s >= 0, s, n) * stride
            row_first = np.where(s >= 0, first[np.maximum(s, 0)], 0)
            at = base[:, None] + np.minimum(j - 1 - row_first[:, None], stride - 1)
            for db in sorted(db for d, db in offsets if d == da):
                self.parts[(da, db)] = flat[at - db]
        self.src_norm = span_norms(src, MAX_SPAN)
        self.tgt_norm = span_norms(tgt, MAX_SPAN)
        self.j = j

    def cosine(self, a: int, b: int) -> FloatArray:
        """Return the cosine of src[i-a:i] and tgt[j-b:j] for every band cell."""
        dots = sum(self.parts[(da, db)] for da in range(a) for db in range(b))
        denom = np.sqrt(self.src_norm[a][:, None] * self.tgt_norm[b][self.j])
        denom += 1e-9
        out: FloatArray = np.asarray(dots) / denom
        return out
