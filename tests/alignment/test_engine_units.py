"""Small engine functions: their doctests, transliteration, dates and anchors."""

from __future__ import annotations

import doctest

import pytest

from alignment import (
    align,
    anchors,
    formats,
    ibm1,
    tokens,
    translit,
)
from alignment.anchors import normalize_anchors
from alignment.tokens import sentence_words, words
from alignment.translit import cognate_key


@pytest.mark.parametrize("module", [anchors, formats, ibm1, tokens, translit])
def test_doctests(module: object) -> None:
    assert doctest.testmod(module).failed == 0  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ru", "en"),
    [
        ("Пузанов", "Puzanov"),
        ("делегация", "delegation"),
        ("Хрущёв", "Khrushchev"),
        ("конференция", "conference"),
        ("Громыко", "Gromyko"),
    ],
)
def test_names_and_cognates_share_a_key(ru: str, en: str) -> None:
    assert cognate_key(ru) == cognate_key(en)


def test_unrelated_words_do_not_share_a_key() -> None:
    assert cognate_key("правительство") != cognate_key("government")


@pytest.mark.parametrize("text", ["25.XII.57", "25.12.1957"])
def test_archival_dates_meet_english_month_names(text: str) -> None:
    assert "december" in words(text)


def test_batch_tokenizing_matches_one_by_one() -> None:
    texts = ["Тов. Ким: «Когда?»", "No. 5, 14.09.1957", ""]
    assert sentence_words(texts) == [words(t) for t in texts]


@pytest.mark.parametrize(
    "bad", [[((1,), (1,)), ((0,), (0,))], [((0, 2), (0,))], [((), ())], [((5,), (0,))]]
)
def test_bad_anchors_are_refused(bad: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> None:
    with pytest.raises(ValueError):
        normalize_anchors(bad, 3, 3)


def test_a_language_pair_without_lexicon_aligns_by_length_and_numbers() -> None:
    src = ["Ich war am 5. Mai da.", "Es war kalt und dunkel in der langen Nacht."]
    tgt = ["I was there on 5 May.", "It was cold and dark in the long night."]
    beads = align(src, tgt, src_lang="de", tgt_lang="en").beads
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), (1,))]
