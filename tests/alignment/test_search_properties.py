"""Properties of the search: the banded DP finds the exhaustive optimum and covers everything."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment import align
from alignment.band import band_around, connected, full_band
from alignment.concepts import WordTable
from alignment.dp import backward, fold, forward, skip_prefix, traceback, viterbi
from alignment.scoring import SKIP_TARGET, TYPES, CostParams, bead_costs
from alignment.search import features as build_features
from alignment.vectors import ConceptVectors, Tokens
from tests.alignment.journal_pairs import SRC, TGT

WORDS = [
    "посол",
    "министр",
    "делегация",
    "Пхеньян",
    "1957",
    "ноября",
    "сказал",
    "дом",
    "ambassador",
    "minister",
    "delegation",
    "Pyongyang",
    "November",
    "said",
    "house",
]
sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
PARAMS = CostParams()


def features(src: list[str], tgt: list[str]):  # type: ignore[no-untyped-def]
    tokens = (Tokens.of(src), Tokens.of(tgt))
    table = WordTable()
    expanded = (
        table.expand(table.lookup(tokens[0].vocab), {}),
        table.expand(table.lookup(tokens[1].vocab), {}),
    )
    lengths = (np.array([len(s) for s in src], float), np.array([len(t) for t in tgt], float))
    nulls = (np.zeros(len(src)), np.zeros(len(tgt)))
    return build_features(ConceptVectors(tokens), expanded, lengths, nulls)


def brute_force(costs: np.ndarray, skip: np.ndarray, lo: np.ndarray, n: int, m: int) -> float:
    """The cheapest bead sequence from (0, 0) to (n, m), by trying every one (memoised)."""
    best: dict[tuple[int, int], float] = {(0, 0): 0.0}

    def cost_to(i: int, j: int) -> float:
        if (i, j) in best:
            return best[(i, j)]
        options = [cost_to(i, j - 1) + skip[j]] if j > 0 else []
        for t, (a, b) in enumerate(TYPES):
            if i >= a and j >= b:
                options.append(cost_to(i - a, j - b) + costs[i, t, j - lo[i]])
        best[(i, j)] = min(options)
        return best[(i, j)]

    return cost_to(n, m)


def path_cost(
    path: list[tuple[int, int, int]], costs: np.ndarray, skip: np.ndarray, lo: np.ndarray
) -> float:
    return sum(skip[j] if t == SKIP_TARGET else costs[i, t, j - lo[i]] for i, j, t in path)


def search(feat, lo: np.ndarray, width: int):  # type: ignore[no-untyped-def]
    """Return the costs, the best cost of reaching (n, m) and the best path."""
    n, m = feat.src.rows, feat.tgt.rows
    padded, skip = bead_costs(feat, lo, width, PARAMS)
    costs = padded[: n + 1, :, :width].copy()
    table, back = viterbi(fold(padded, lo, skip), lo)
    best = table[n, m - lo[n]] + skip_prefix(skip, width)[m]  # the table holds V - P[j]
    return costs, skip, best, traceback(back, lo, m)


@settings(max_examples=60, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=4), st.lists(sentences, min_size=1, max_size=4))
def test_full_table_search_finds_the_exhaustive_optimum(src: list[str], tgt: list[str]) -> None:
    feat = features(src, tgt)
    lo, width = full_band(len(src), len(tgt))
    costs, skip, best, path = search(feat, lo, width)
    optimum = brute_force(costs, skip, lo, len(src), len(tgt))
    assert np.isclose(best, optimum)
    assert np.isclose(path_cost(path, costs, skip, lo), optimum)


@settings(max_examples=40, deadline=None)
@given(st.lists(sentences, min_size=2, max_size=6), st.integers(0, 3))
def test_banded_search_matches_the_full_search_when_the_band_holds_the_path(
    src: list[str], margin: int
) -> None:
    tgt = list(src)
    feat = features(src, tgt)
    lo_full, width_full = full_band(len(src), len(tgt))
    _, _, best_full, path_full = search(feat, lo_full, width_full)
    anchors = [(j - 1, j - 1) for _, j, _ in path_full[:-1] if j > 0]
    lo, width = band_around(anchors, len(src), len(tgt))
    _, _, best, path = search(feat, lo, width)
    assert np.isclose(best, best_full)
    assert [(i, j) for i, j, _ in path] == [(i, j) for i, j, _ in path_full]


@settings(max_examples=30, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=5), st.lists(sentences, min_size=1, max_size=5))
def test_forward_and_backward_agree_on_the_total(src: list[str], tgt: list[str]) -> None:
    feat = features(src, tgt)
    n, m = len(src), len(tgt)
    lo, width = full_band(n, m)
    padded, skip = bead_costs(feat, lo, width, PARAMS)
    costs, prefix = padded[: n + 1, :, :width].copy(), skip_prefix(skip, width)
    weights = np.exp(-fold(padded, lo, skip))
    fwd, fwd_scale = forward(weights, lo)
    bwd, bwd_scale = backward(weights, lo, m)
    log_total = np.log(fwd[n, m]) + fwd_scale[n] - prefix[m]  # the table holds F + P[j]
    assert np.isclose(log_total, -brute_force_sum(costs, skip, n, m))
    assert np.isclose(np.log(bwd[0, 0]) + bwd_scale[0] - prefix[m], log_total)  # B - P[j] + P[m]


def brute_force_sum(costs: np.ndarray, skip: np.ndarray, n: int, m: int) -> float:
    """-log of the summed weight exp(-cost) of every bead sequence (full table, memoised)."""
    total: dict[tuple[int, int], float] = {(0, 0): 1.0}

    def weight_to(i: int, j: int) -> float:
        if (i, j) not in total:
            out = weight_to(i, j - 1) * np.exp(-skip[j]) if j > 0 else 0.0
            for t, (a, b) in enumerate(TYPES):
                if i >= a and j >= b:
                    out += weight_to(i - a, j - b) * np.exp(-costs[i, t, j])
            total[(i, j)] = out
        return total[(i, j)]

    return float(-np.log(weight_to(n, m)))


def covers_once(beads, n: int, m: int) -> bool:  # type: ignore[no-untyped-def]
    src = [i for b in beads for i in b.src]
    tgt = [j for b in beads for j in b.tgt]
    return src == list(range(n)) and tgt == list(range(m)) and all(b.src or b.tgt for b in beads)


@settings(max_examples=40, deadline=None)
@given(st.lists(sentences, max_size=8), st.lists(sentences, max_size=8))
def test_any_input_gives_monotone_beads_covering_every_sentence_once(
    src: list[str], tgt: list[str]
) -> None:
    result = align(src, tgt)
    assert covers_once(result.beads, len(src), len(tgt))
    assert all(0.0 <= b.confidence <= 1.0 for b in result.beads)
    assert all(max(len(b.src), len(b.tgt)) <= 3 for b in result.beads)


@settings(max_examples=20, deadline=None)
@given(st.lists(sentences, min_size=1, max_size=10, unique=True))
def test_identical_texts_align_one_to_one(text: list[str]) -> None:
    beads = align(text, text).beads
    assert [(b.src, b.tgt) for b in beads] == [((i,), (i,)) for i in range(len(text))]


def test_a_translation_aligns_one_to_one_with_high_confidence() -> None:
    beads = align(SRC, TGT).beads
    assert [(b.src, b.tgt) for b in beads] == [((i,), (i,)) for i in range(len(SRC))]
    assert min(b.confidence for b in beads) > 0.9


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 11), st.integers(2, 5), st.sampled_from(["src", "tgt"]))
def test_a_left_out_run_comes_out_as_one_run_of_null_beads(
    start: int, length: int, side: str
) -> None:
    stop = min(start + length, len(SRC) - 1)
    src = SRC if side == "tgt" else SRC[:start] + SRC[stop:]
    tgt = TGT if side == "src" else TGT[:start] + TGT[stop:]
    beads = align(src, tgt).beads
    nulls = [b for b in beads if not (b.src and b.tgt)]
    kept = [i for i in range(len(SRC)) if not start <= i < stop]
    assert len(nulls) == stop - start
    left_out = [b.src[0] if b.src else b.tgt[0] for b in nulls]
    assert left_out == list(range(start, stop))
    shift = stop - start
    expected = [((k,), (k if k < start else k - shift,)) for k in kept]
    if side == "src":
        expected = [(t, s) for s, t in expected]
    assert [(b.src, b.tgt) for b in beads if b.src and b.tgt] == expected


@settings(max_examples=25, deadline=None)
@given(st.sets(st.integers(0, len(SRC) - 1), max_size=6), st.sampled_from([None, 3]))
def test_anchors_come_back_unchanged(picked: set[int], dropped: int | None) -> None:
    tgt = TGT if dropped is None else TGT[:dropped] + TGT[dropped + 1 :]
    gold = [((i,), (i if dropped is None or i < dropped else i - 1,)) for i in range(len(SRC))]
    if dropped is not None:
        gold[dropped] = ((dropped,), ())
    anchors = [gold[i] for i in sorted(picked)]
    beads = align(SRC, tgt, anchors=anchors).beads
    sides = [(b.src, b.tgt) for b in beads]
    assert all(a in sides for a in anchors)
    assert covers_once(beads, len(SRC), len(tgt))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 400), min_size=1, max_size=60),
    st.integers(1, 80),
    st.integers(0, 400),
)
def test_band_rows_always_connect_start_and_end(raw: list[int], width: int, m: int) -> None:
    width = min(max(width, -(-(m + 1) // len(raw)) + 2), m + 1)
    lo = connected(np.array(raw, dtype=np.int64), width, m)
    assert lo[0] == 0
    assert lo[-1] <= m < lo[-1] + width
    assert all(0 <= b - a <= width - 1 for a, b in zip(lo, lo[1:], strict=False))


@settings(max_examples=15, deadline=None)
@given(
    st.lists(sentences, min_size=1, max_size=40),
    st.lists(sentences, min_size=1, max_size=40),
)
def test_banded_search_on_any_shape_covers_every_sentence(src: list[str], tgt: list[str]) -> None:
    import alignment.band as band

    saved = band.FULL_CELLS
    band.FULL_CELLS = 0  # force the band even on tiny inputs
    try:
        result = align(src, tgt)
    finally:
        band.FULL_CELLS = saved
    assert covers_once(result.beads, len(src), len(tgt))
