"""Bead costs: length agreement, shared concepts and bead-type priors, in nats, inside a band.

Index convention (shared with `dp.py`): nodes (i, j) with 0 <= i <= n, 0 <= j <= m stand
between sentences; node (i, j) means src[:i] and tgt[:j] are aligned. A band gives each node
row i the columns j = lo[i] + k for k < width. A bead of type (a, b) *ending* at node (i, j)
covers src[i-a:i] and tgt[j-b:j]; `costs[i, t, k]` is the cost of bead type TYPES[t] ending
at node (i, lo[i] + k). Impossible cells (i < a, j < b, j > m, outside the band) are inf.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from alignment.vectors import BoolArray, Entries, FloatArray, IntArray, banded_dots, span_norms

# Bead types with a source side; 0-1 beads (target sentence left out) run along a row in the DP.
TYPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
SKIP_TARGET = len(TYPES)  # back-pointer code of a 0-1 bead
MAX_SPAN = 3  # most sentences on one side of a bead
PAD_ROWS = MAX_SPAN


def _default_priors() -> dict[tuple[int, int], float]:
    return {(1, 1): 0.0, (2, 1): 2.5, (1, 2): 2.5, (2, 2): 4.5, (3, 1): 5.0, (1, 3): 5.0}


@dataclass(frozen=True, slots=True)
class CostParams:
    """The few numbers of the cost model (tuned on the dev sets, shared by all documents)."""

    ratio: float = 1.1  # English characters per Russian character
    length_sigma: float = 0.2  # spread of log(length ratio) for a true bead
    length_smoothing: float = 20.0  # characters added to both lengths: short lines vary more
    lexical_weight: float = 25.0  # nats per unit of cosine similarity
    match_cost: float = 3.0  # paid by every bead with both sides: pairing needs evidence
    null_cost: float = 1.0  # one sentence left without counterpart...
    null_evidence: float = 4.0  # ...plus this times its best similarity to any sentence
    priors: dict[tuple[int, int], float] = field(default_factory=_default_priors)


@dataclass(frozen=True, slots=True)
class Features:
    """What the costs are computed from: sparse concept vectors and sentence lengths."""

    src: Entries
    tgt: Entries
    src_len: FloatArray  # characters per sentence
    tgt_len: FloatArray
    src_null: FloatArray  # 1.0 where a reviewer confirmed the sentence has no counterpart
    tgt_null: FloatArray


def column_nodes(lo: IntArray, width: int) -> IntArray:
    """Return the target node j of every band cell, shape (rows, width)."""
    return lo[:, None] + np.arange(width)[None, :]


def bead_costs(
    feat: Features, lo: IntArray, width: int, params: CostParams
) -> tuple[FloatArray, FloatArray]:
    """Return costs[i, t, k] for every bead type ending at every band cell (inf if impossible),
    and skip[j], the cost of the 0-1 bead ending at target node j.

    The array has PAD_ROWS more rows and one more column, all inf; `costs[:n+1, :, :width]`
    is the band itself.
    """
    n, m = feat.src.rows, feat.tgt.rows
    nodes_j = column_nodes(lo, width)
    outside = nodes_j > m
    j = np.minimum(nodes_j, m)
    rows_i = np.arange(n + 1)
    # PAD rows and one column of inf after the band: `dp.backward` reads beads ending there
    padded = np.full((n + 1 + PAD_ROWS, len(TYPES), width + 1), np.inf)
    costs = padded[: n + 1, :, :width]
    src_cum = np.concatenate([[0.0], np.cumsum(feat.src_len)])
    tgt_cum = np.concatenate([[0.0], np.cumsum(feat.tgt_len)])
    src_nulls = np.concatenate([[0.0], np.cumsum(feat.src_null)])
    tgt_nulls = np.concatenate([[0.0], np.cumsum(feat.tgt_null)])
    similarity = SpanSimilarity(feat, lo, width)
    src_null, skip = _null_costs(similarity.cosine(1, 1, j), outside, j, m, params)
    for t, (a, b) in enumerate(TYPES):
        if b == 0:
            cost = np.broadcast_to(src_null[:, None], (n + 1, width))
        else:
            src_len = src_cum[rows_i] - src_cum[np.maximum(rows_i - a, 0)]
            tgt_len = tgt_cum[j] - tgt_cum[np.maximum(j - b, 0)]
            cost = (
                params.priors[(a, b)]
                + params.match_cost
                + _length_cost(src_len[:, None], tgt_len, params)
                - params.lexical_weight * similarity.cosine(a, b, j)
            )
        impossible = outside | (j < b) | (rows_i < a)[:, None]
        if b:  # a paired bead may not take a sentence confirmed as unpaired
            impossible |= (src_nulls[rows_i] > src_nulls[np.maximum(rows_i - a, 0)])[:, None]
            impossible |= tgt_nulls[j] > tgt_nulls[np.maximum(j - b, 0)]
        costs[:, t, :] = np.where(impossible, np.inf, cost)
    return padded, skip


def _null_costs(
    pair_sim: FloatArray, outside: BoolArray, j: IntArray, m: int, params: CostParams
) -> tuple[FloatArray, FloatArray]:
    """Cost of leaving each source (per node row) and target (per node column) sentence unpaired.

    A sentence that resembles some sentence across the band is dearer to leave out than one
    that resembles none: left-out runs of a partial translation have nothing to resemble.
    """
    pair_sim = np.where(outside, 0.0, np.maximum(pair_sim, 0.0))
    src_best = pair_sim.max(axis=1)
    tgt_best = np.zeros(m + 1)
    np.maximum.at(tgt_best, j.ravel(), pair_sim.ravel())
    evidence = params.null_evidence
    return params.null_cost + evidence * src_best, params.null_cost + evidence * tgt_best


def _length_cost(src_len: FloatArray, tgt_len: FloatArray, params: CostParams) -> FloatArray:
    """Gaussian cost of the log ratio of target to expected length."""
    smooth = params.length_smoothing
    log_ratio = np.log((tgt_len + smooth) / (params.ratio * src_len + smooth))
    return np.asarray(0.5 * (log_ratio / params.length_sigma) ** 2)


class SpanSimilarity:
    """Cosine of span vectors, built from one banded table of sentence-pair dot products.

    pair[s, c] = dot(src_s, tgt_(first[s] + c)); a span's dot product is the sum of its
    sentence pairs, read from rows s = i-1-da at column j-1-db-first[s]. Pairs outside the
    table (only at the edge of a narrow band) count as 0.
    """

    def __init__(self, feat: Features, lo: IntArray, width: int) -> None:
        n = feat.src.rows
        self.first = np.maximum(lo[1:] - MAX_SPAN, 0)  # sentence s lives on node row s+1
        self.pair_width = width + MAX_SPAN + 1
        pair = banded_dots(feat.src, feat.tgt, self.first, self.pair_width)
        guard = np.zeros((n + 1, self.pair_width + 1))  # last row and column read as 0
        guard[:n, : self.pair_width] = pair
        self.flat = guard.ravel()
        self.src_norm = span_norms(feat.src, MAX_SPAN)
        self.tgt_norm = span_norms(feat.tgt, MAX_SPAN)
        self.lo, self.width, self.rows = lo, width, n

    def cosine(self, a: int, b: int, j: IntArray) -> FloatArray:
        """Return the cosine of src[i-a:i] and tgt[j-b:j] for every band cell."""
        stride = self.pair_width + 1
        dots = np.zeros(j.shape)
        rows_i = np.arange(self.rows + 1)
        for da in range(a):
            s = rows_i - 1 - da
            valid = s >= 0
            s_safe = np.where(valid, s, self.rows)  # the guard row
            first = np.where(valid, self.first[np.maximum(s, 0)], 0)
            for db in range(b):
                col = np.clip(j - 1 - db - first[:, None], -1, self.pair_width)
                col = np.where(col < 0, self.pair_width, col)  # before the table: guard
                dots += self.flat[s_safe[:, None] * stride + col]
        denom = np.sqrt(self.src_norm[a][:, None] * self.tgt_norm[b][j]) + 1e-9
        return np.asarray(dots / denom)
