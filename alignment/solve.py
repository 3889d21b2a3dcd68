"""One alignment problem without anchors inside: band, costs, best path and bead posteriors."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from alignment.band import anchor_chain, choose_band, is_small, rare_pairs
from alignment.dp import backward, forward, gather_index, traceback, viterbi
from alignment.scoring import SKIP_TARGET, TYPES, CostParams, Features, bead_costs
from alignment.vectors import Entries, FloatArray, IntArray


@dataclass(frozen=True, slots=True)
class Found:
    """A bead found by the search, with its posterior probability under the cost model."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    posterior: float
    cost: float


def slice_entries(entries: Entries, start: int, stop: int) -> Entries:
    """Keep the rows start..stop-1 of sparse vectors sorted by row, renumbered from 0."""
    first, last = np.searchsorted(entries.row, [start, stop], side="left")
    return Entries(
        entries.row[first:last] - start,
        entries.concept[first:last],
        entries.weight[first:last],
        stop - start,
    )


def sub_features(feat: Features, s0: int, s1: int, t0: int, t1: int) -> Features:
    """Return the features of src[s0:s1] and tgt[t0:t1]."""
    return Features(
        slice_entries(feat.src, s0, s1),
        slice_entries(feat.tgt, t0, t1),
        feat.src_len[s0:s1],
        feat.tgt_len[t0:t1],
        feat.src_null[s0:s1],
        feat.tgt_null[t0:t1],
    )


def sure_pairs(feat: Features, params: CostParams) -> list[Found]:
    """Return sure 1-1 pairs to learn from: the anchor chain of a long text, else the best path."""
    n, m = feat.src.rows, feat.tgt.rows
    if is_small(n, m) or n == 0 or m == 0:
        return solve(feat, params, None)
    chain = anchor_chain(rare_pairs(feat.src, feat.tgt))
    return [Found((s,), (t,), 1.0, 0.0) for s, t in chain]


def solve(feat: Features, params: CostParams, temperature: float | None) -> list[Found]:
    """Align all sentences of `feat`; with a temperature, also compute bead posteriors."""
    n, m = feat.src.rows, feat.tgt.rows
    if n == 0 or m == 0:
        return [Found((i,), (), 1.0, params.null_cost) for i in range(n)] + [
            Found((), (j,), 1.0, params.null_cost) for j in range(m)
        ]
    lo, width = choose_band(feat.src, feat.tgt)
    padded, skip = bead_costs(feat, lo, width, params)
    costs = padded[: n + 1, :, :width]
    index = gather_index(lo, width, 1)
    _, back = viterbi(costs, lo, skip, index)
    path = traceback(back, lo, m)
    if temperature is None:
        return [_found(i, j, t, lo, costs, skip, 0.0) for i, j, t in path]
    if temperature != 1.0:
        padded, skip = padded / temperature, skip / temperature
    fwd = forward(padded[: n + 1, :, :width], lo, skip, index)
    del index  # memory for the backward pass
    bwd = backward(padded, lo, skip, m)
    total = fwd[n, m - lo[n]]
    out = []
    for i, j, t in path:
        if t == SKIP_TARGET:
            posterior = _unpaired_target(fwd, bwd, lo, skip, j, total)
        elif TYPES[t] == (1, 0):
            posterior = _unpaired_source(fwd, bwd, lo, padded[i, t, 0], i, total)
        else:
            a, b = TYPES[t]
            log_p = fwd[i - a, j - b - lo[i - a]] - padded[i, t, j - lo[i]] + bwd[i, j - lo[i]]
            posterior = float(np.exp(min(log_p - total, 0.0)))
        out.append(_found(i, j, t, lo, costs, skip, posterior))
    return out


# An unpaired sentence's bead may sit at many places between the other side's unpaired
# sentences, all meaning the same; its confidence is the probability that it is unpaired at all.


def _unpaired_source(
    fwd: FloatArray, bwd: FloatArray, lo: IntArray, cost: float, i: int, total: float
) -> float:
    """Probability that source sentence i-1 is unpaired (a 1-0 bead ending on row i)."""
    width = fwd.shape[1]
    k = np.arange(width)
    before = k + lo[i] - lo[i - 1]
    inside = before < width
    log_p = fwd[i - 1, np.minimum(before, width - 1)] - cost + bwd[i, k] - total
    return float(min(np.exp(log_p[inside]).sum(), 1.0))


def _unpaired_target(
    fwd: FloatArray, bwd: FloatArray, lo: IntArray, skip: FloatArray, j: int, total: float
) -> float:
    """Probability that target sentence j-1 is unpaired (a 0-1 bead ending in column j)."""
    width = fwd.shape[1]
    rows = np.flatnonzero((lo <= j - 1) & (lo + width > j))
    log_p = fwd[rows, j - 1 - lo[rows]] - skip[j] + bwd[rows, j - lo[rows]] - total
    return float(min(np.exp(log_p).sum(), 1.0))


def _found(
    i: int, j: int, t: int, lo: IntArray, costs: FloatArray, skip: FloatArray, posterior: float
) -> Found:
    a, b = (0, 1) if t == SKIP_TARGET else TYPES[t]
    cost = float(skip[j]) if t == SKIP_TARGET else float(costs[i, t, j - lo[i]])
    return Found(tuple(range(i - a, i)), tuple(range(j - b, j)), posterior, cost)
