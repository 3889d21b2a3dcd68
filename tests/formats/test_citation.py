"""Citation fields as archives write them: dates, archival references, translators."""

from __future__ import annotations

import datetime

import pytest

from app.formats.citation import find_date, find_reference, find_translator, split_citation


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("October 01, 1957", datetime.date(1957, 10, 1)),
        ("Sept. 5, 1957", datetime.date(1957, 9, 5)),
        ("1 October 1957", datetime.date(1957, 10, 1)),
        ("1 октября 1957 г.", datetime.date(1957, 10, 1)),
        ("01.10.1957", datetime.date(1957, 10, 1)),
        ("October 1957", None),
        ("1957", None),
        ("c. 1957", None),
        ("February 30, 1957", None),
    ],
)
def test_dates_keep_their_text_and_give_a_calendar_date_only_for_a_day(text, date):
    found = find_date(text, whole=True)
    assert found is not None
    assert (found.text, found.date) == (text, date)


@pytest.mark.parametrize("text", ["Copy Nº 1", "Search in", "Pak 12, 1957"])
def test_lines_that_are_not_dates(text):
    assert find_date(text, whole=True) is None


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "AVPRF F. 0102, Op. 13, Delo 5, Listy 257-307",
            ("AVPRF", "0102", "13", None, "5", "257-307"),
        ),
        (
            "RGANI, Fond 5, Opis 30, Delo 1, Listy 1–5",
            ("RGANI", "5", "30", None, "1", "1-5"),
        ),
        (
            "АВП РФ, ф. 0102, оп. 13, п. 32, д. 5, л. 257-307",
            ("АВП РФ", "0102", "13", "32", "5", "257-307"),
        ),
        ("GARF, f. R-5446, op. 1, d. 7, ll. 20-21", ("GARF", "R-5446", "1", None, "7", "20-21")),
        ("F. 0102, Op. 13, Delo 5", (None, "0102", "13", None, "5", None)),
    ],
)
def test_archival_references(text, fields):
    reference = find_reference(text)
    assert reference is not None
    found = (reference.archive, reference.fond, reference.opis, reference.papka)
    assert found + (reference.delo, reference.listy) == fields


def test_reference_stops_before_the_next_sentence():
    rest = "Digital Archive, AVPRF F. 0102, Op. 14, Delo 6, Listy 26-29. Translated for X by Y."
    reference = find_reference(rest)
    assert reference is not None
    assert reference.text == "AVPRF F. 0102, Op. 14, Delo 6, Listy 26-29"


def test_no_reference_without_a_fond():
    assert find_reference("History and Public Policy Program Digital Archive, Delo 5") is None


@pytest.mark.parametrize(
    ("text", "translator"),
    [
        ("Listy 1-3. Translated for NKIDP by Gary Goldberg.", "Gary Goldberg"),
        ("Translated by A. B. Smith. Obtained for CWIHP.", "A. B. Smith"),
        ("Translated by Jane Roe and John Doe", "Jane Roe and John Doe"),
        ("Listy 1-3. Translated for NKIDP.", None),
        ("Contributed by John Doe.", None),
        ("Translated by " + "a run-on phrase that is no name " * 5, None),
    ],
)
def test_translator_is_the_name_after_translated_by(text, translator):
    assert find_translator(text) == translator


@pytest.mark.parametrize(
    ("citation", "title"),
    [
        (
            '"Journal of A.M. Puzanov for 1 October 1957," October 01, 1957, X',
            "Journal of A.M. Puzanov for 1 October 1957",
        ),
        ("“Record of a Conversation”, March 05, 1958, X", "Record of a Conversation"),
        ("No quotes here, 1958", None),
    ],
)
def test_title_is_the_quoted_start_of_the_citation(citation, title):
    assert split_citation(citation)[0] == title
