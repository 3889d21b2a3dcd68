"""Small named rules that tell what a line or a segment of an archival document is.

Each rule is one predicate on the stripped text. `line_kind` tries the line rules in order;
a line no rule claims is prose and goes to the sentence splitter.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from alignment.types import SegmentKind

_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь)"
)
_YEAR_WORD = r"(?:\s*(?:г\.?|года?))?"
_PLACE = r"(?:(?:г\.\s*)?[^\W\d_][\w-]+,\s+)?"  # "Пхеньян, " before a date
_DATE_LINE = re.compile(
    rf"^{_PLACE}(?:"
    rf"\[?\d{{1,2}}\]?\s+{_MONTHS}\s+\d{{4}}{_YEAR_WORD}"  # 1 October 1957, [23] December 1957
    rf"|{_MONTHS}\s+\d{{1,2}},\s+\d{{4}}"  # October 01, 1957
    rf"|{_MONTHS}\s+\d{{4}}{_YEAR_WORD}"  # December 1957, декабрь 1957 г.
    rf"|\d{{1,2}}\.(?:[IVX]{{1,4}}|\d{{1,2}})\.(?:\d{{4}}|\d{{2}}){_YEAR_WORD}"  # 25.XII.57
    r")\.?$",
    re.IGNORECASE,
)
_PERIOD_LINE = re.compile(r"^(?:за период|for the period)\b.*\d{4}", re.IGNORECASE)
_NUMBER_SIGN = re.compile(r"(?:№|N[º°o]\.?)\s*\d", re.IGNORECASE)
_CLASSIFICATION = re.compile(
    r"^(?:(?:совершенно|сов\.)\s*секретно|секретно|(?:top|strictly)\s+secret|secret"
    r"|экз\.\s*единств\w*)\.?$",
    re.IGNORECASE,
)
_SIGNATURE_MARK = re.compile(r"\[(?:[^\]\[]*\s)?(?:signature|подпись)\]", re.IGNORECASE)
# "(A. PUZANOV)", "/А. ПУЗАНОВ/": initials and a surname in capitals closing the line.
_SIGNED_NAME = re.compile(r"[(/]\s*(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s*){1,3}[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+\s*[)/]$")
_NUMBERED_RECIPIENT = re.compile(r"^\d{1,2}\s*[-–—]\s*\S")  # "1 - Gromyko", "5 – в дело"
_TYPIST_OR_COPIES = re.compile(
    r"^(?:отп|отпеч|отпечатано|печ|напеч|напечатано|исп|исполнитель|размн|рассылка"
    r"|distribution|(?:typed|printed|prepared|drafted)\s+by)\b"
    r"|\bcop(?:y|ies)\s+printed\.?$|^\d+\s+cop(?:y|ies)\b|\d\s*экз\.?$",
    re.IGNORECASE,
)
# A handwritten resolution typed without brackets: "В дело. Н. Торб.", "т. Курдюкову И. Ф.
# Ознакомиться. Н. Федоренко": an addressee or order, closed by initials and a short name.
_RESOLUTION_OPENING = re.compile(
    r"^(?:т\.|тов\.|в дело|в цк|ознакомиться|доложить|согласен|учесть|переговорить)", re.IGNORECASE
)
_RESOLUTION_SIGNED = re.compile(r"(?:[А-ЯЁ]\.\s*){1,2}(?:[А-ЯЁ][а-яё]*\.?)?(?:\s+\d+)?$")
_CLOSING_MARKS = "\"'»”’)]"
_SENTENCE_END = ".?!…:;"
_STAMP_WORDS = re.compile(r"stamp|seal|штамп|печать", re.IGNORECASE)

MAX_HEADING_WORDS = 12


def word_count(text: str) -> int:
    """Return the number of whitespace-separated words."""
    return len(text.split())


def is_signature_line(line: str) -> bool:
    """Tell whether a line is a signature: "[signature] (A. PUZANOV)", "[подпись]"."""
    if word_count(line) > 10:
        return False
    return bool(_SIGNATURE_MARK.search(line) or _SIGNED_NAME.search(line))


def is_note_tail(line: str) -> bool:
    """Tell whether a short line closes a bracket it did not open: "to file. N. T. 2]"."""
    return line.endswith("]") and line.count("]") > line.count("[") and word_count(line) <= 8


def is_distribution_line(line: str) -> bool:
    """Tell whether a line is one of a distribution list: "1 - Gromyko", "Отп. 5 экз."."""
    if _NUMBERED_RECIPIENT.match(line):
        return word_count(line) <= 6
    return bool(_TYPIST_OR_COPIES.search(line)) and word_count(line) <= 8


def is_resolution_line(line: str) -> bool:
    """Tell whether a line is a resolution typed without brackets: "В дело. Н. Торб."."""
    return (
        word_count(line) <= 10
        and bool(_RESOLUTION_OPENING.match(line))
        and bool(_RESOLUTION_SIGNED.search(line))
    )


def is_document_number_line(line: str) -> bool:
    """Tell whether a line is a document number: "Incoming Nº 02821s", "Вх. № 02821с"."""
    head = " ".join(line.split()[:3])  # the number sign opens the line: "Вх. № ...", "Copy No. 2"
    return bool(_NUMBER_SIGN.search(head)) and word_count(line) <= 7 and line[-1] not in ".?!…"


def is_date_line(line: str) -> bool:
    """Tell whether a line is only a date: "1 октября 1957 года", "25.XII.57"."""
    return bool(_DATE_LINE.match(line))


def is_period_line(line: str) -> bool:
    """Tell whether a line gives a journal's period: "за период с 1 по 25 октября 1957 года"."""
    return bool(_PERIOD_LINE.match(line)) and word_count(line) <= MAX_HEADING_WORDS


def is_classification_mark(line: str) -> bool:
    """Tell whether a line is a secrecy mark: "Секретно", "Сов. секретно", "Top Secret"."""
    return bool(_CLASSIFICATION.match(line))


def is_caps_title(line: str) -> bool:
    """Tell whether a line is a short title in capitals: "ДНЕВНИК", "JOURNAL"."""
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters) and word_count(line) <= 8


# Line rules in the order they are tried. Heading rules give way when the next line
# continues the sentence (see `alignment.segment`); the others always stand alone
# ("ДНЕВНИК" above "посла СССР в КНДР" is still a line of its own).
LineRule = tuple[SegmentKind, Callable[[str], bool]]
STANDALONE_RULES: tuple[LineRule, ...] = (
    (SegmentKind.SIGNATURE, is_signature_line),
    (SegmentKind.NOTE, is_note_tail),
    (SegmentKind.LIST_LINE, is_distribution_line),
    (SegmentKind.HEADING, is_caps_title),
)
# Rules for a line that opens a paragraph: inside wrapped prose such a line is prose.
OPENING_RULES: tuple[LineRule, ...] = ((SegmentKind.NOTE, is_resolution_line),)
HEADING_RULES: tuple[LineRule, ...] = (
    (SegmentKind.HEADING, is_document_number_line),
    (SegmentKind.HEADING, is_date_line),
    (SegmentKind.HEADING, is_period_line),
    (SegmentKind.HEADING, is_classification_mark),
)


def first_matching_kind(line: str, rules: tuple[LineRule, ...]) -> SegmentKind | None:
    """Return the kind of the first rule that claims the line, or None."""
    return next((kind for kind, rule in rules if rule(line)), None)


def bracket_block_kind(block: str) -> SegmentKind:
    """Return the kind of a bracketed description: "[faded stamp: ...]", "[подпись]"."""
    label = block[1:].split(":", 1)[0] if ":" in block else block
    if _STAMP_WORDS.search(label):
        return SegmentKind.STAMP
    if _SIGNATURE_MARK.fullmatch(block):
        return SegmentKind.SIGNATURE
    return SegmentKind.NOTE


def is_unterminated(text: str) -> bool:
    """Tell whether text ends without sentence punctuation (closing quotes aside)."""
    stripped = text.rstrip(_CLOSING_MARKS + " ")
    return not stripped or stripped[-1] not in _SENTENCE_END


def prose_kind(piece: str) -> SegmentKind:
    """Return heading for a short unterminated piece of prose, sentence otherwise."""
    if is_unterminated(piece) and word_count(piece) <= MAX_HEADING_WORDS:
        return SegmentKind.HEADING
    return SegmentKind.SENTENCE
