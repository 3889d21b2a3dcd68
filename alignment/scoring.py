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

from alignment.similarity import MAX_SPAN, SpanSimilarity
from alignment.vectors import BoolArray, Entries, FloatArray, IntArray

# Bead types with a source side; 0-1 beads (target sentence left out) run along a row in the DP.
TYPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
SKIP_TARGET = len(TYPES)  # back-pointer code of a 0-1 bead
PAD_ROWS = MAX_SPAN


def _default_priors() -> dict[tuple[int, int], float]:
    return {(1, 1): 0.0, (2, 1): 2.0, (1, 2): 2.0, (2, 2): 4.5, (3, 1): 4.5, (1, 3): 4.5}


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
    j = np.minimum(column_nodes(lo, width), m)
    # PAD rows and one column of inf after the band: `dp.backward` reads beads ending there
    padded = np.full((n + 1 + PAD_ROWS, len(TYPES), width + 1), np.inf)
    costs = padded[: n + 1, :, :width]
    similarity = SpanSimilarity(feat.src, feat.tgt, lo, j, [s for s in TYPES if s[1]])
    outside = column_nodes(lo, width) > m
    src_null, skip = _null_costs(similarity.cosine(1, 1), outside, j, m, params)
    src_log, tgt_log = _log_lengths(feat.src_len, params), _log_lengths(feat.tgt_len, params)
    for t, (a, b) in enumerate(TYPES):
        if b == 0:
            costs[:, t, :] = src_null[:, None]
        else:
            log_ratio = tgt_log[b][j] - src_log[a][:, None] - np.log(params.ratio)
            cost = costs[:, t, :]
            np.multiply(log_ratio, log_ratio, out=cost)
            cost *= 0.5 / params.length_sigma**2
            cost += params.priors[(a, b)] + params.match_cost
            cost -= params.lexical_weight * similarity.cosine(a, b)
        _forbid(costs[:, t, :], feat, lo, outside, a, b)
    return padded, skip


def _log_lengths(lengths: FloatArray, params: CostParams) -> list[FloatArray]:
    """Per span length L: log(characters of the L sentences ending at each node + smoothing)."""
    cum = np.concatenate([[0.0], np.cumsum(lengths)])
    nodes = np.arange(cum.size)
    return [
        np.log(cum - cum[np.maximum(nodes - span, 0)] + params.length_smoothing)
        for span in range(MAX_SPAN + 1)
    ]


def _forbid(
    cost: FloatArray, feat: Features, lo: IntArray, outside: BoolArray, a: int, b: int
) -> None:
    """Set impossible beads of one type to inf: before the text starts, past its end, or taking
    a sentence a reviewer confirmed as unpaired."""
    cost[:a] = np.inf
    cost[outside] = np.inf
    short = np.flatnonzero(lo < b)  # rows whose band starts before target node b
    if short.size:
        cost[short[:, None], np.arange(cost.shape[1])] = np.where(
            column_nodes(lo[short], cost.shape[1]) < b, np.inf, cost[short]
        )
    if b and (feat.src_null.any() or feat.tgt_null.any()):
        rows = np.arange(cost.shape[0])
        src_nulls = np.concatenate([[0.0], np.cumsum(feat.src_null)])
        tgt_nulls = np.concatenate([[0.0], np.cumsum(feat.tgt_null)])
        j = np.minimum(column_nodes(lo, cost.shape[1]), feat.tgt.rows)
        taken = (src_nulls[rows] > src_nulls[np.maximum(rows - a, 0)])[:, None]
        taken = taken | (tgt_nulls[j] > tgt_nulls[np.maximum(j - b, 0)])
        cost[taken] = np.inf


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
