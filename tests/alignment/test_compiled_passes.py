"""The compiled DP passes give the numpy passes' numbers, and the engine works without them."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alignment.compiled as compiled
import alignment.dp as dp
from alignment import align, ibm1, scoring
from alignment.band import connected
from alignment.scoring import TYPES, CostParams, Features
from tests.alignment.journal_pairs import SRC, TGT
from tests.alignment.test_search_properties import features


@st.composite
def bands(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, int]:
    """A band (lo, folded costs with some impossible beads) of a small random problem."""
    n, m = draw(st.integers(1, 12)), draw(st.integers(1, 12))
    width = min(draw(st.integers(2, 8)) + -(-(m + 1) // (n + 1)), m + 1)
    starts = draw(st.lists(st.integers(0, m), min_size=n + 1, max_size=n + 1))
    lo = connected(np.array(sorted(starts), dtype=np.int64), width, m)
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    costs = np.full((n + 1 + dp.PAD, len(TYPES), width + 1), np.inf)
    # costs far from 0 make the sums drift past e^+-300 within a few rows: rows get rescaled
    shift = draw(st.sampled_from([0.0, -70.0, 70.0]))
    band = rng.normal(2.0 + shift, 3.0, size=(n + 1, len(TYPES), width))
    band[rng.random(band.shape) < 0.2] = np.inf
    costs[: n + 1, :, :width] = band
    return lo, costs, m


@settings(max_examples=80, deadline=None)
@given(bands())
def test_compiled_passes_match_the_numpy_passes_bit_for_bit(band) -> None:  # type: ignore[no-untyped-def]
    if compiled.kernels() is None:
        pytest.skip("no C compiler on this machine: the numpy passes are the only ones")
    lo, costs, m = band
    fast = (
        dp.viterbi(costs, lo),
        dp.forward(np.exp(-costs), lo),
        dp.backward(np.exp(-costs), lo, m),
    )
    saved = dp.compiled_kernels
    dp.compiled_kernels = lambda: None  # type: ignore[assignment]
    try:
        slow = (
            dp.viterbi(costs, lo),
            dp.forward(np.exp(-costs), lo),
            dp.backward(np.exp(-costs), lo, m),
        )
    finally:
        dp.compiled_kernels = saved  # type: ignore[assignment]
    for got, expected in zip(fast, slow, strict=True):
        for a, b in zip(got, expected, strict=True):
            assert np.array_equal(a, b)


def test_without_the_compiled_loops_the_engine_aligns_with_numpy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = [(b.src, b.tgt) for b in align(SRC, TGT).beads]
    monkeypatch.setenv("SVERKA_NO_COMPILED", "1")
    compiled.kernels.cache_clear()
    try:
        assert compiled.kernels() is None
        assert [(b.src, b.tgt) for b in align(SRC, TGT).beads] == expected
    finally:
        monkeypatch.delenv("SVERKA_NO_COMPILED")
        compiled.kernels.cache_clear()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.integers(0, 8), st.integers(0, 30)), min_size=1, max_size=80
    )
)
def test_compiled_em_matches_the_numpy_em_bit_for_bit(entries: list[tuple[int, int, int]]) -> None:
    if compiled.kernels() is None:
        pytest.skip("no C compiler on this machine: numpy EM is the only one")
    ru, en, token = (np.array(column, dtype=np.int64) for column in zip(*entries, strict=True))
    fast = ibm1.em_arrays(ru, en, token, 9, 5)
    saved = ibm1.kernels
    ibm1.kernels = lambda: None  # type: ignore[assignment]
    try:
        slow = ibm1.em_arrays(ru, en, token, 9, 5)
    finally:
        ibm1.kernels = saved  # type: ignore[assignment]
    for a, b in zip(fast, slow, strict=True):
        assert np.array_equal(a, b)


WORDS = ["посол", "делегация", "Пхеньян", "1957", "сказал", "ambassador", "delegation", "said"]
sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(sentences, min_size=1, max_size=9),
    st.lists(sentences, min_size=1, max_size=9),
    st.integers(0, 2**16),
    st.integers(2, 40),
)
def test_compiled_bead_costs_match_the_numpy_costs_bit_for_bit(
    src: list[str], tgt: list[str], seed: int, block: int
) -> None:
    if compiled.kernels() is None:
        pytest.skip("no C compiler on this machine: numpy costs are the only ones")
    rng = np.random.default_rng(seed)
    n, m = len(src), len(tgt)
    feat = features(src, tgt)
    nulls = (rng.random(n) < 0.2).astype(float), (rng.random(m) < 0.2).astype(float)
    feat = Features(feat.src, feat.tgt, feat.src_len, feat.tgt_len, *nulls)
    width = min(max(int(rng.integers(2, m + 2)), -(-(m + 1) // (n + 1)) + 2), m + 1)
    lo = connected(np.sort(rng.integers(0, m + 1, size=n + 1)), width, m)
    saved_block, scoring.BLOCK_CELLS = scoring.BLOCK_CELLS, block  # blocks of a row or more
    try:
        fast = scoring.bead_costs(feat, lo, width, CostParams())
        saved = scoring.kernels
        scoring.kernels = lambda: None  # type: ignore[assignment]
        try:
            slow = scoring.bead_costs(feat, lo, width, CostParams())
        finally:
            scoring.kernels = saved  # type: ignore[assignment]
    finally:
        scoring.BLOCK_CELLS = saved_block
    assert np.array_equal(fast[0], slow[0]) and np.array_equal(fast[1], slow[1])
