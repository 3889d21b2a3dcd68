"""One alignment problem without anchors inside: band, costs, best path and bead posteriors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from alignment.arrays import FloatArray, IntArray
from alignment.band import anchor_chain, choose_band, is_small, rare_pairs
from alignment.dp import backward, fold, forward, traceback, viterbi
from alignment.scoring import SKIP_TARGET, TYPES, CostParams, Features, bead_costs
from alignment.vectors import row_slice

_SRC = np.array([a for a, _ in TYPES])
_TGT = np.array([b for _, b in TYPES])


class Found(NamedTuple):
    """A bead found by the search, with its posterior probability under the cost model."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    posterior: float


def sub_features(feat: Features, s0: int, s1: int, t0: int, t1: int) -> Features:
    """Return the features of src[s0:s1] and tgt[t0:t1]."""
    return Features(
        row_slice(feat.src, s0, s1),
        row_slice(feat.tgt, t0, t1),
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
    return [Found((s,), (t,), 1.0) for s, t in chain]


def solve(feat: Features, params: CostParams, temperature: float | None) -> list[Found]:
    """Align all sentences of `feat`; with a temperature, also compute bead posteriors."""
    n, m = feat.src.rows, feat.tgt.rows
    if n == 0 or m == 0:
        return [Found((i,), (), 1.0) for i in range(n)] + [Found((), (j,), 1.0) for j in range(m)]
    lo, width = choose_band(feat.src, feat.tgt)
    padded, skip = bead_costs(feat, lo, width, params)
    padded = fold(padded, lo, skip)
    _, back = viterbi(padded, lo)
    path = traceback(back, lo, m)
    if temperature is None:
        return [_found(i, j, t, 0.0) for i, j, t in path]
    cost = _path_costs(path, padded, lo)
    padded *= -1.0 / temperature  # in place: the array is the largest the search holds
    weights = np.exp(padded, out=padded)
    fwd = Scaled(*forward(weights, lo))
    bwd = Scaled(*backward(weights, lo, m))
    posterior = path_posteriors(path, cost, fwd, bwd, lo)
    return [_found(i, j, t, p) for (i, j, t), p in zip(path, posterior, strict=True)]


@dataclass(frozen=True, slots=True)
class Scaled:
    """A forward or backward table stored as values times exp(-scale) per row (see `dp.py`)."""

    table: FloatArray
    scale: FloatArray

    def log(self, rows: IntArray, cols: IntArray) -> FloatArray:
        """Return the log of the true (folded) values at the given cells."""
        with np.errstate(divide="ignore"):
            out: FloatArray = np.log(self.table[rows, cols]) + self.scale[rows]
        return out


def _path_costs(path: list[tuple[int, int, int]], costs: FloatArray, lo: IntArray) -> FloatArray:
    """Folded cost of every bead of the path (0 for 0-1 beads, folded into the others)."""
    i, j, t = (np.array(v, dtype=np.int64) for v in zip(*path, strict=True))
    paired = t != SKIP_TARGET
    t = np.where(paired, t, 0)
    return np.where(paired, costs[i, t, j - lo[i]], 0.0)


def path_posteriors(
    path: list[tuple[int, int, int]], cost: FloatArray, fwd: Scaled, bwd: Scaled, lo: IntArray
) -> list[float]:
    """Posterior of every bead of the path, from its folded cost and the scaled tables."""
    total = float(bwd.log(np.zeros(1, np.int64), np.zeros(1, np.int64))[0])
    i, j, t = (np.array(v, dtype=np.int64) for v in zip(*path, strict=True))
    paired = t != SKIP_TARGET
    a = np.where(paired, _SRC[np.where(paired, t, 0)], 0)
    b = np.where(paired, _TGT[np.where(paired, t, 0)], 1)
    log_p = fwd.log(i - a, j - b - lo[i - a]) - cost + bwd.log(i, j - lo[i]) - total
    out = np.exp(np.minimum(log_p, 0.0))
    for k in np.flatnonzero(b == 0):  # unpaired: summed over where it can sit
        out[k] = _unpaired_source(fwd, bwd, lo, float(cost[k]), int(i[k]), total)
    for k in np.flatnonzero(~paired):
        out[k] = _unpaired_target(fwd, bwd, lo, int(j[k]), total)
    posterior: list[float] = out.tolist()
    return posterior


# An unpaired sentence's bead may sit at many places between the other side's unpaired
# sentences, all meaning the same; its confidence is the probability that it is unpaired at all.


def _unpaired_source(
    fwd: Scaled, bwd: Scaled, lo: IntArray, cost: float, i: int, total: float
) -> float:
    """Probability that source sentence i-1 is unpaired (a 1-0 bead ending on row i)."""
    width = fwd.table.shape[1]
    k = np.arange(width)
    before = k + lo[i] - lo[i - 1]
    inside = before < width
    weight = fwd.table[i - 1, before[inside]] @ bwd.table[i, k[inside]]
    log_p = np.log(weight) if weight > 0.0 else -np.inf
    return float(np.exp(min(log_p + fwd.scale[i - 1] + bwd.scale[i] - cost - total, 0.0)))


def _unpaired_target(fwd: Scaled, bwd: Scaled, lo: IntArray, j: int, total: float) -> float:
    """Probability that target sentence j-1 is unpaired (a 0-1 bead ending in column j)."""
    width = fwd.table.shape[1]
    rows = np.flatnonzero((lo <= j - 1) & (lo + width > j))
    log_p = fwd.log(rows, j - 1 - lo[rows]) + bwd.log(rows, j - lo[rows]) - total
    return float(min(np.exp(log_p).sum(), 1.0))


def _found(i: int, j: int, t: int, posterior: float) -> Found:
    a, b = (0, 1) if t == SKIP_TARGET else TYPES[t]
    return Found(tuple(range(i - a, i)), tuple(range(j - b, j)), posterior)
