"""Work done for many words or sentences at once gives what the one-at-a-time code gives."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import alignment.concepts as concepts
from alignment import Bead, align
from alignment.lexicon import Lexicon, en_stem, ru_stem, stem_many
from alignment.tokens import BREAK, sentence_words, words_with_breaks
from alignment.translit import cognate_key, cognate_keys
from alignment.vectors import ConceptIndex, Entries, banded_dots, span_norms
from tests.alignment.journal_pairs import SRC, TGT

LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяABCkhszcy xq-_.,!?«»0123456789²¹Nº\n"
texts = st.lists(st.text(alphabet=LETTERS, max_size=40), max_size=6)
tokens = st.lists(st.text(alphabet=LETTERS.replace(" ", ""), min_size=1, max_size=12), max_size=20)


@settings(max_examples=80, deadline=None)
@given(texts)
def test_words_of_many_sentences_are_the_words_of_each(sentences: list[str]) -> None:
    flat = [w for sent in sentence_words(sentences) for w in [*sent, BREAK]][:-1]
    assert words_with_breaks(sentences) == (flat if sentences else [])


@settings(max_examples=80, deadline=None)
@given(tokens)
def test_keys_and_stems_of_many_words_are_those_of_each(batch: list[str]) -> None:
    assert cognate_keys(batch) == [(cognate_key(w), cognate_key(w, short=True)) for w in batch]
    assert stem_many(batch, "ru") == [ru_stem(w) for w in batch]
    assert stem_many(batch, "en") == [en_stem(w) for w in batch]


def dense(entries: Entries, n_concepts: int) -> np.ndarray:
    out = np.zeros((entries.rows, n_concepts))
    np.add.at(out, (entries.row, entries.concept), entries.weight)
    return out


@st.composite
def sparse_vectors(draw: st.DrawFn) -> Entries:
    rows = draw(st.integers(1, 8))
    cells = draw(st.sets(st.tuples(st.integers(0, rows - 1), st.integers(0, 5)), max_size=30))
    ordered = sorted(cells)
    weights = draw(st.lists(st.floats(0.1, 3.0), min_size=len(ordered), max_size=len(ordered)))
    row = np.array([r for r, _ in ordered], dtype=np.int64)
    concept = np.array([c for _, c in ordered], dtype=np.int64)
    return Entries(row, concept, np.array(weights, dtype=np.float64), rows)


@settings(max_examples=60, deadline=None)
@given(sparse_vectors(), sparse_vectors(), st.integers(1, 6))
def test_banded_dot_products_match_dense_ones(a: Entries, b: Entries, width: int) -> None:
    lo = np.minimum(np.arange(a.rows + 1) // 2, b.rows)
    got = banded_dots(a, ConceptIndex(b, 6), lo, width)
    full = dense(a, 6) @ np.vstack([dense(b, 6), np.zeros((width + a.rows, 6))]).T
    for i in range(a.rows):
        assert np.allclose(got[i], full[i, lo[i] : lo[i] + width])


@settings(max_examples=60, deadline=None)
@given(sparse_vectors())
def test_norms_of_sentence_spans_match_dense_ones(entries: Entries) -> None:
    x = dense(entries, 6)
    norms = span_norms(entries, 3)
    for length in range(4):
        for node in range(length, entries.rows + 1):
            span = x[node - length : node].sum(axis=0)
            assert np.isclose(norms[length][node], span @ span)


def same(a: list[Bead], b: list[Bead]) -> bool:
    """Same beads, confidences equal but for rounding."""
    return [(x.src, x.tgt) for x in a] == [(y.src, y.tgt) for y in b] and np.allclose(
        [x.confidence for x in a], [y.confidence for y in b], atol=1e-9
    )


def test_a_collection_lexicon_does_not_stay_behind_for_the_next_document() -> None:
    before = align(SRC, TGT).beads
    misleading = Lexicon()
    for ru, en in zip(SRC, TGT[::-1], strict=False):  # every sentence paired with a wrong one
        misleading.add_term(ru, en)
    assert not same(align(SRC, TGT, lexicon=misleading).beads, before)
    assert same(align(SRC, TGT).beads, before)


def test_results_do_not_depend_on_the_words_seen_before(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = align(SRC, TGT).beads
    monkeypatch.setattr(concepts, "MAX_WORDS", 10)  # every call starts a fresh word table
    align(TGT[:3], SRC[:3])
    assert same(align(SRC, TGT).beads, before)


def test_superscript_digits_such_as_footnote_marks_are_aligned() -> None:
    beads = align(["Первое ¹", "Второе ²"], ["First ¹", "Second ²"]).beads
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), (1,))]


def test_a_side_of_numbers_only_is_aligned() -> None:
    beads = align(["1957", "12"], ["Посол 1957", "x 12"]).beads
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), (1,))]
