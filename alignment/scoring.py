"""Bead costs: length agreement, shared concepts and bead-type priors, in nats, inside a band.

Index convention (shared with `dp.py`): nodes (i, j) with 0 <= i <= n, 0 <= j <= m stand
between sentences; node (i, j) means src[:i] and tgt[:j] are aligned. A band gives each node
row i the columns j = lo[i] + k for k < width. A bead of type (a, b) *ending* at node (i, j)
covers src[i-a:i] and tgt[j-b:j]; `costs[i, t, k]` is the cost of bead type TYPES[t] ending
at node (i, lo[i] + k). Impossible cells (i < a, j < b, j > m, outside the band) are inf.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import ModuleType

import numpy as np

from alignment.arrays import BoolArray, FloatArray, IntArray
from alignment.compiled import kernels
from alignment.similarity import MAX_SPAN, PairTable, SpanNorms, SpanSimilarity
from alignment.vectors import ConceptIndex, Entries, concept_bound

# Bead types with a source side; 0-1 beads (target sentence left out) run along a row in the DP.
TYPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
SKIP_TARGET = len(TYPES)  # back-pointer code of a 0-1 bead
PAD_ROWS = MAX_SPAN
BLOCK_CELLS = 1 << 16  # band cells costed at once: blocks stay in cache, memory stays small


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
    is the band itself. Rows are costed in blocks of about BLOCK_CELLS cells.
    """
    n, m = feat.src.rows, feat.tgt.rows
    # PAD rows and one column of inf after the band: `dp.backward` reads beads ending there
    padded = np.full((n + 1 + PAD_ROWS, len(TYPES), width + 1), np.inf)
    band = _Band(
        feat,
        lo,
        params,
        ConceptIndex(feat.tgt, concept_bound(feat.src, feat.tgt)),
        SpanNorms(feat.src, feat.tgt),
        (_log_lengths(feat.src_len, params), _log_lengths(feat.tgt_len, params)),
        np.zeros(m + 1),
    )
    loops, step = kernels(), max(1, BLOCK_CELLS // width)
    for start in range(0, n + 1, step):
        rows = range(start, min(start + step, n + 1))
        if loops is None:
            _cost_rows(padded[rows.start : rows.stop, :, :width], band, rows)
        else:
            _compiled_rows(loops, padded[rows.start : rows.stop], band, rows)
    return padded, params.null_cost + params.null_evidence * band.tgt_best


@dataclass(frozen=True, slots=True)
class _Band:
    """What every block of band rows is costed from."""

    feat: Features
    lo: IntArray
    params: CostParams
    tgt: ConceptIndex
    norms: SpanNorms
    log_lengths: tuple[list[FloatArray], list[FloatArray]]  # source, target
    tgt_best: FloatArray  # best similarity of each target sentence so far (filled in)


def _cost_rows(costs: FloatArray, band: _Band, rows: range) -> None:
    """Fill the costs of the band cells of node rows `rows` (costs[row - rows.start, t, k])."""
    params, lo = band.params, band.lo[rows.start : rows.stop]
    m = band.feat.tgt.rows
    nodes = column_nodes(lo, costs.shape[2])
    outside = nodes > m
    j = np.minimum(nodes, m)
    similarity = SpanSimilarity(band.feat.src, band.tgt, band.lo, j, rows, band.norms)
    pair = similarity.cosine(1, 1)
    src_null = params.null_cost + params.null_evidence * _best_pairs(pair, outside, j, band)
    # length cost: 0.5 (log ratio / sigma)² = (scaled log ratio)², with sides scaled apart
    scale = np.sqrt(0.5) / params.length_sigma
    src_log = [
        (x[rows.start : rows.stop] + np.log(params.ratio)) * scale for x in band.log_lengths[0]
    ]
    tgt_log = {b: (band.log_lengths[1][b] * scale)[j] for b in {b for _, b in TYPES if b}}
    for t, (a, b) in enumerate(TYPES):
        cost = costs[:, t, :]
        if b == 0:
            cost[...] = src_null[:, None]
        else:
            np.subtract(tgt_log[b], src_log[a][:, None], out=cost)
            np.square(cost, out=cost)
            cost += params.priors[(a, b)] + params.match_cost
            lexical = pair if (a, b) == (1, 1) else similarity.cosine(a, b)
            lexical *= params.lexical_weight
            cost -= lexical
        _forbid(cost, band.feat, lo, rows.start, outside, a, b)


def _compiled_rows(loops: ModuleType, costs: FloatArray, band: _Band, rows: range) -> None:
    """Fill costs[row - rows.start, t, k] with the compiled loops: the numbers of `_cost_rows`,
    bit for bit, without its temporary arrays."""
    params, feat = band.params, band.feat
    pairs = PairTable(feat.src, band.tgt, band.lo, costs.shape[2] - 1, rows)
    scale = np.sqrt(0.5) / params.length_sigma
    src_log = np.stack([(x + np.log(params.ratio)) * scale for x in band.log_lengths[0]])
    tgt_log = np.stack([x * scale for x in band.log_lengths[1]])
    cost0 = np.array([params.priors.get(t, 0.0) + params.match_cost for t in TYPES])
    has_nulls = feat.src_null.any() or feat.tgt_null.any()
    nulls = [
        np.concatenate([[0.0], np.cumsum(x)]) if has_nulls else np.zeros(0)
        for x in (feat.src_null, feat.tgt_null)
    ]
    sides = [np.array([side[k] for side in TYPES], dtype=np.int64) for k in (0, 1)]
    loops.span_costs(
        pairs.table,
        pairs.first,
        np.ascontiguousarray(band.lo, dtype=np.int64),
        *sides,
        np.stack(band.norms.src),
        np.stack(band.norms.tgt),
        src_log,
        tgt_log,
        cost0,
        *nulls,
        costs,
        band.tgt_best,
        pairs.s0,
        rows.start,
        rows.stop,
        feat.tgt.rows,
        params.lexical_weight,
        params.null_cost,
        params.null_evidence,
    )


def _log_lengths(lengths: FloatArray, params: CostParams) -> list[FloatArray]:
    """Per span length L: log(characters of the L sentences ending at each node + smoothing)."""
    cum = np.concatenate([[0.0], np.cumsum(lengths)])
    nodes = np.arange(cum.size)
    return [
        np.log(cum - cum[np.maximum(nodes - span, 0)] + params.length_smoothing)
        for span in range(MAX_SPAN + 1)
    ]


def _forbid(
    cost: FloatArray, feat: Features, lo: IntArray, first: int, outside: BoolArray, a: int, b: int
) -> None:
    """Set impossible beads of one type to inf in a block of rows starting at node row `first`:
    before the text starts, past its end, or taking a sentence a reviewer confirmed as unpaired.
    """
    cost[: max(a - first, 0)] = np.inf
    cost[outside] = np.inf
    short = np.flatnonzero(lo < b)  # rows whose band starts before target node b
    if short.size:
        cost[short[:, None], np.arange(cost.shape[1])] = np.where(
            column_nodes(lo[short], cost.shape[1]) < b, np.inf, cost[short]
        )
    if b and (feat.src_null.any() or feat.tgt_null.any()):
        rows = np.arange(first, first + cost.shape[0])
        src_nulls = np.concatenate([[0.0], np.cumsum(feat.src_null)])
        tgt_nulls = np.concatenate([[0.0], np.cumsum(feat.tgt_null)])
        j = np.minimum(column_nodes(lo, cost.shape[1]), feat.tgt.rows)
        taken = (src_nulls[rows] > src_nulls[np.maximum(rows - a, 0)])[:, None]
        taken = taken | (tgt_nulls[j] > tgt_nulls[np.maximum(j - b, 0)])
        cost[taken] = np.inf


def _best_pairs(pair: FloatArray, outside: BoolArray, j: IntArray, band: _Band) -> FloatArray:
    """Return each row's best similarity to a sentence across the band; keep each target
    sentence's best in `band.tgt_best`.

    A sentence that resembles some sentence across the band is dearer to leave out than one
    that resembles none: left-out runs of a partial translation have nothing to resemble.
    """
    pair = np.where(outside, 0.0, np.maximum(pair, 0.0))
    np.maximum.at(band.tgt_best, j.ravel(), pair.ravel())
    best: FloatArray = pair.max(axis=1)
    return best
