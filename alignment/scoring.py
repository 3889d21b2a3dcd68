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

from alignment.vectors import Entries, FloatArray, IntArray, banded_dots, spans, squared_norms

# Bead types with a source side; 0-1 beads (target sentence left out) run along a row in the DP.
TYPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
SKIP_TARGET = len(TYPES)  # back-pointer code of a 0-1 bead


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
    null_cost: float = 1.5  # one sentence left without counterpart
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


def bead_costs(feat: Features, lo: IntArray, width: int, params: CostParams) -> FloatArray:
    """Return costs[i, t, k] for every bead type ending at every band cell (inf if impossible)."""
    n, m = feat.src.rows, feat.tgt.rows
    nodes_j = column_nodes(lo, width)
    outside = nodes_j > m
    j = np.minimum(nodes_j, m)
    rows_i = np.arange(n + 1)
    costs = np.full((n + 1, len(TYPES), width), np.inf)
    src_cum = np.concatenate([[0.0], np.cumsum(feat.src_len)])
    tgt_cum = np.concatenate([[0.0], np.cumsum(feat.tgt_len)])
    src_nulls = np.concatenate([[0.0], np.cumsum(feat.src_null)])
    tgt_nulls = np.concatenate([[0.0], np.cumsum(feat.tgt_null)])
    for t, (a, b) in enumerate(TYPES):
        if b == 0:
            cost = np.full((n + 1, width), params.null_cost * a)
        else:
            src_len = src_cum[rows_i] - src_cum[np.maximum(rows_i - a, 0)]
            tgt_len = tgt_cum[j] - tgt_cum[np.maximum(j - b, 0)]
            cost = (
                params.priors[(a, b)]
                + params.match_cost
                + _length_cost(src_len[:, None], tgt_len, params)
                - params.lexical_weight * _similarity(feat, a, b, lo, width, j)
            )
        impossible = outside | (j < b) | (rows_i < a)[:, None]
        if b:  # a paired bead may not take a sentence confirmed as unpaired
            impossible |= (src_nulls[rows_i] > src_nulls[np.maximum(rows_i - a, 0)])[:, None]
            impossible |= tgt_nulls[j] > tgt_nulls[np.maximum(j - b, 0)]
        costs[:, t, :] = np.where(impossible, np.inf, cost)
    return costs


def _length_cost(src_len: FloatArray, tgt_len: FloatArray, params: CostParams) -> FloatArray:
    """Gaussian cost of the log ratio of target to expected length."""
    smooth = params.length_smoothing
    log_ratio = np.log((tgt_len + smooth) / (params.ratio * src_len + smooth))
    return np.asarray(0.5 * (log_ratio / params.length_sigma) ** 2)


def _similarity(
    feat: Features, a: int, b: int, lo: IntArray, width: int, j: IntArray
) -> FloatArray:
    """Cosine of the concept vectors of src[i-a:i] and tgt[j-b:j] for every band cell."""
    dots = banded_dots(spans(feat.src, a), spans(feat.tgt, b), lo, width)
    src_norm = squared_norms(feat.src, a)
    tgt_norm = squared_norms(feat.tgt, b)
    denom = np.sqrt(src_norm[:, None] * tgt_norm[j]) + 1e-9
    return np.asarray(dots / denom)
