"""The band the DP searches: around a path through sure sentence pairs, so work grows linearly.

Sure pairs are sentences sharing concepts rare on both sides (names, numbers, rare words);
the longest chain of them that increases on both sides is the anchor path. Between two
consecutive anchors the true path stays inside their rectangle, so the band covers those
rectangles, widened by a margin. When the widest rectangle would cost too much memory, the
band width is set by the usual rectangles and wider ones are covered around their diagonal.
Rows are then shifted so that consecutive rows overlap and the end node is inside.
"""

from __future__ import annotations

import bisect

import numpy as np

from alignment.arrays import IntArray, stable_order
from alignment.vectors import Entries

FULL_CELLS = 40_000  # below this many nodes (200 x 200) the whole table is searched
MARGIN = 12  # rows and columns added around the anchor rectangles
CELL_BUDGET = 1_000_000  # band cells always affordable (about 200 bytes each at the peak)
WIDTH_QUANTILE = 0.98  # beyond the budget, the rectangles wider than this share of rows get
# a diagonal band instead
RARE = 2  # a concept is rare when it occurs in at most this many sentences of each side


def full_band(n: int, m: int) -> tuple[IntArray, int]:
    """Return the band that holds every node."""
    return np.zeros(n + 1, dtype=np.int64), m + 1


def is_small(n: int, m: int) -> bool:
    """Tell whether the whole table of an n x m problem is searched."""
    return (n + 1) * (m + 1) <= FULL_CELLS


def choose_band(src: Entries, tgt: Entries) -> tuple[IntArray, int]:
    """Return (lo, width): the whole table when small, else a band around the anchor path."""
    n, m = src.rows, tgt.rows
    if is_small(n, m):
        return full_band(n, m)
    return band_around(anchor_chain(rare_pairs(src, tgt)), n, m)


def rare_pairs(src: Entries, tgt: Entries) -> list[tuple[int, int]]:
    """Return sentence pairs sharing a concept found once on each side, or two rare ones."""
    n_concepts = int(max(src.concept.max(initial=0), tgt.concept.max(initial=0))) + 1
    df_src = np.bincount(src.concept, minlength=n_concepts)
    df_tgt = np.bincount(tgt.concept, minlength=n_concepts)
    rare = (df_src >= 1) & (df_src <= RARE) & (df_tgt >= 1) & (df_tgt <= RARE)
    s_keep, t_keep = rare[src.concept], rare[tgt.concept]
    s_rows, s_con = src.row[s_keep], src.concept[s_keep]
    t_rows, t_con = tgt.row[t_keep], tgt.concept[t_keep]
    order = stable_order(t_con, n_concepts)
    t_rows, t_con = t_rows[order], t_con[order]
    start = np.searchsorted(t_con, s_con, side="left")
    count = np.searchsorted(t_con, s_con, side="right") - start
    entry = np.repeat(np.arange(s_con.size), count)
    offsets = np.cumsum(count) - count
    hit = start[entry] + np.arange(entry.size) - offsets[entry]
    key = s_rows[entry] * (tgt.rows + 1) + t_rows[hit]
    hapax = (df_src[s_con[entry]] == 1) & (df_tgt[s_con[entry]] == 1)
    bound = (src.rows + 1) * (tgt.rows + 1)
    keys, first = _distinct(key, bound)
    shared = np.diff(np.append(first, key.size)) >= 2  # the pair shares two rare concepts
    good, _ = _distinct(np.concatenate([keys[shared], key[hapax]]), bound)
    pairs = zip((good // (tgt.rows + 1)).tolist(), (good % (tgt.rows + 1)).tolist(), strict=True)
    return list(pairs)


def _distinct(keys: IntArray, bound: int) -> tuple[IntArray, IntArray]:
    """Return the distinct keys in order, and where each first stands in the sorted keys."""
    ordered = keys[stable_order(keys, bound)]
    first = np.flatnonzero(np.diff(ordered, prepend=-1) != 0)
    return ordered[first], first


def anchor_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the longest chain of pairs increasing strictly in both sentence numbers."""
    ordered = sorted(pairs, key=lambda p: (p[0], -p[1]))
    tails: list[int] = []  # smallest target ending a chain of each length
    tail_at: list[int] = []
    before = [-1] * len(ordered)
    for k, (_, t) in enumerate(ordered):
        pos = bisect.bisect_left(tails, t)
        before[k] = tail_at[pos - 1] if pos else -1
        if pos == len(tails):
            tails.append(t)
            tail_at.append(k)
        else:
            tails[pos], tail_at[pos] = t, k
    chain = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(ordered[k])
        k = before[k]
    return chain[::-1]


def band_around(anchors: list[tuple[int, int]], n: int, m: int) -> tuple[IntArray, int]:
    """Cover the rectangles between consecutive anchor nodes, widened by MARGIN."""
    nodes = [(0, 0)] + [(s + 1, t + 1) for s, t in anchors] + [(n, m)]
    a_i = np.array([p[0] for p in nodes])
    a_j = np.array([p[1] for p in nodes])
    rows = np.arange(n + 1)
    before = np.searchsorted(a_i, np.maximum(rows - MARGIN, 0), side="right") - 1
    after = np.searchsorted(a_i, np.minimum(rows + MARGIN, n), side="left")
    lo = np.maximum(a_j[before] - MARGIN, 0)
    hi = np.minimum(a_j[np.minimum(after, a_i.size - 1)] + MARGIN, m)
    extent = hi - lo + 1
    usual = int(np.quantile(extent, WIDTH_QUANTILE))  # a few wide rectangles set no width
    affordable = CELL_BUDGET // (n + 1)  # a wider band costs too much memory
    widest = int(extent.max())
    width = widest if widest <= affordable else max(min(usual, affordable), 4 * MARGIN)
    width = min(width, m + 1)
    # a text much longer on the target side needs rows wide enough to get across it
    width = min(max(width, -(-(m + 1) // (n + 1)) + 2 * MARGIN), m + 1)
    too_wide = hi - lo + 1 > width
    diagonal = _diagonal(a_i, a_j, rows)
    lo = np.where(too_wide, np.clip(diagonal - width // 2, 0, max(m + 1 - width, 0)), lo)
    return connected(lo.astype(np.int64), width, m), width


def _diagonal(a_i: IntArray, a_j: IntArray, rows: IntArray) -> IntArray:
    """Column of the straight line between the anchors around each row."""
    prev = np.clip(np.searchsorted(a_i, rows, side="right") - 1, 0, a_i.size - 2)
    span = np.maximum(a_i[prev + 1] - a_i[prev], 1)
    frac = (rows - a_i[prev]) / span
    return np.asarray(a_j[prev] + frac * (a_j[prev + 1] - a_j[prev]), dtype=np.int64)


def connected(lo: IntArray, width: int, m: int) -> IntArray:
    """Shift band rows so that (0, 0) and (n, m) are inside and consecutive rows overlap.

    Each row starts at most width-1 columns after the previous one (so a path can always
    step down), the first row starts at 0 and the last row reaches m.
    """
    step = width - 1
    rows = np.arange(lo.size)
    lo = np.maximum.accumulate(np.clip(lo, 0, m))
    lo[-1] = max(lo[-1], m - step)
    lo = rows * step + np.maximum.accumulate((lo - rows * step)[::-1])[::-1]  # end reachable
    lo[0] = 0
    lo = rows * step + np.minimum.accumulate(lo - rows * step)  # no row starts too late
    return np.asarray(np.clip(lo, 0, max(m + 1 - width, 0)), dtype=np.int64)
