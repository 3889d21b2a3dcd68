"""Properties of split_sentences on any text: offsets round-trip and nothing is lost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from alignment import split_sentences

# Pieces archival text is made of, so generated texts hit the splitter's rules often.
PIECES = [
    "Ким Ир Сен",
    "тов.",
    "А. М.",
    "Пузанов",
    "г.",
    "гг.",
    "т. е.",
    "т.д.",
    "и др.",
    "им.",
    "1957",
    "14 сентября",
    "25.XII.57",
    "№ 260",
    "Nº 1886/Ts",
    "Cde.",
    "N. S.",
    "A.M.",
    "Khrushchev",
    "U.S.",
    "p.m.",
    "No.",
    "I",
    "the",
    "visited",
    "[me]",
    "[signature]",
    "(A. PUZANOV)",
    "[faded stamp:",
    "1958]",
    "Torb[[enkov]]",
    "«Мы",
    "едем»",
    '"We',
    'go"',
    "...",
    "…",
    ".",
    "?",
    "!",
    ",",
    ":",
    ";",
    "-",
    "–",
    "—",
    "(",
    ")",
    "[",
    "]",
    "1.",
    "а)",
    "1 - Gromyko",
    "Отп. 5 экз.",
    "ДНЕВНИК",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\xa0",
]
archival_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=40).map(
    lambda pieces: " ".join(pieces)
)
any_text = archival_text | st.text(max_size=200)
language = st.sampled_from(["ru", "en"])


@settings(max_examples=300, deadline=None)
@given(text=any_text, lang=language)
def test_segments_are_ordered_trimmed_slices_of_the_text(text: str, lang: str) -> None:
    segments = split_sentences(text, lang)
    previous_end = 0
    for segment in segments:
        assert previous_end <= segment.start < segment.end <= len(text)
        assert text[segment.start : segment.end] == segment.text == str(segment)
        assert segment.text == segment.text.strip()
        previous_end = segment.end


@settings(max_examples=300, deadline=None)
@given(text=any_text, lang=language)
def test_no_character_is_lost_outside_segments(text: str, lang: str) -> None:
    covered = bytearray(len(text))
    for segment in split_sentences(text, lang):
        covered[segment.start : segment.end] = b"\x01" * (segment.end - segment.start)
    lost = [ch for ch, inside in zip(text, covered, strict=True) if not inside and not ch.isspace()]
    assert lost == []


@settings(max_examples=200, deadline=None)
@given(text=archival_text, lang=language)
def test_a_blank_line_ends_every_segment_but_a_bracketed_note(text: str, lang: str) -> None:
    for segment in split_sentences(text, lang):
        lines = segment.text.split("\n")
        if any(not line.strip() for line in lines):
            assert segment.text.startswith("[")
