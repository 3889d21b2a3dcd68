"""Read the fields of an archive's citation: title, date, repository, reference, translator."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

from app.formats.records import ArchivalMetadata

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "января", "январь"),
            ("february", "feb", "февраля", "февраль"),
            ("march", "mar", "марта", "март"),
            ("april", "apr", "апреля", "апрель"),
            ("may", "мая", "май"),
            ("june", "jun", "июня", "июнь"),
            ("july", "jul", "июля", "июль"),
            ("august", "aug", "августа", "август"),
            ("september", "sep", "sept", "сентября", "сентябрь"),
            ("october", "oct", "октября", "октябрь"),
            ("november", "nov", "ноября", "ноябрь"),
            ("december", "dec", "декабря", "декабрь"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"[A-Za-zА-Яа-яЁё]{3,9}\.?"
# "October 01, 1957", "October 1957", "1 October 1957", "1 октября 1957 г.", "01.10.1957", "1957".
DATE = re.compile(
    rf"(?P<md>(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),\s*(?P<y1>\d{{4}}))"
    rf"|(?P<dm>(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}})(?:\s*г\.)?)"
    r"|(?P<num>(?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>\d{4}))"
    rf"|(?P<my>(?P<m4>{_MONTH})\s+(?P<y4>\d{{4}})(?:\s*г\.)?)"
    r"|(?P<y>(?:c\.\s*|ca\.\s*)?(?P<y5>1[5-9]\d\d|20\d\d)(?:\s*г\.)?)"
)

# Reference items: the names archives give to fond, opis, papka, delo and listy.
REFERENCE_KEYS = {
    "fond": ("f", "fond", "ф", "фонд"),
    "opis": ("op", "opis", "opis'", "оп", "опись"),
    "papka": ("p", "papka", "п", "папка"),
    "delo": ("d", "delo", "д", "дело"),
    "listy": ("l", "ll", "list", "listy", "л", "лл", "лист", "листы"),
}
KEY_FIELD = {key: field for field, keys in REFERENCE_KEYS.items() for key in keys}
FOND = re.compile(r"(?<!\w)(?:[Ff]|[Ff]ond|[фФ]|[фФ]онд)\.?\s*(?P<value>[\w/-]*\d[\w/-]*)")
ITEM = re.compile(
    r"\s*[,.;]\s*(?P<key>[A-Za-zА-Яа-яЁё']+)\.?\s*"
    r"(?P<value>\d[\w/]*(?:\s*[-–—]\s*\d[\w/]*)?(?:\s*(?:об|ob)\.)?)"
)
QUOTED_TITLE = re.compile(r"\s*[“\"«„](?P<title>.+?)(?:,[”\"»“]|[”\"»“],)\s*(?P<rest>.*)", re.S)
TRANSLATED_BY = re.compile(r"\bTranslated\b[^\n]*?\bby\s+(?P<name>[^\n]+)")
# Longer than these, a "name" is a misread sentence: leave the field empty instead.
LONGEST_NAME = 100
LONGEST_REPOSITORY = 300
SENTENCE_END = re.compile(r"(?<=\w\w)\.(?:\s|$)")


@dataclass(frozen=True)
class Reference:
    """An archival reference as found in a line: its text, its span, and its fields."""

    text: str
    start: int
    end: int
    archive: str | None = None
    fond: str | None = None
    opis: str | None = None
    papka: str | None = None
    delo: str | None = None
    listy: str | None = None

    def fill(self, metadata: ArchivalMetadata) -> ArchivalMetadata:
        """Return `metadata` with this reference's fields set."""
        return replace(
            metadata,
            reference=self.text,
            archive=self.archive,
            fond=self.fond,
            opis=self.opis,
            papka=self.papka,
            delo=self.delo,
            listy=self.listy,
        )


@dataclass(frozen=True)
class DateFound:
    """A date as written, where it ends, and the calendar date when it names a day."""

    text: str
    end: int
    date: datetime.date | None


def find_date(text: str, *, whole: bool = False) -> DateFound | None:
    """Find a date at the start of `text` (all of `text` when `whole`)."""
    match = (DATE.fullmatch if whole else DATE.match)(text.strip())
    if not match:
        return None
    groups = match.groupdict()
    year = int(groups["y1"] or groups["y2"] or groups["y3"] or groups["y4"] or groups["y5"])
    month = _month(groups["m1"] or groups["m2"] or groups["m3"] or groups["m4"])
    if (groups["md"] or groups["dm"] or groups["my"]) and month is None:
        return None  # a word that is not a month name
    day = int(groups["d1"] or groups["d2"] or groups["d3"] or 0)
    offset = len(text) - len(text.lstrip())
    return DateFound(match.group(0), offset + match.end(), _calendar_date(year, month, day))


def _month(word: str | None) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else MONTHS.get(word.rstrip(".").lower())


def _calendar_date(year: int, month: int | None, day: int) -> datetime.date | None:
    if not (month and day):
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def find_reference(text: str) -> Reference | None:
    """Find an archival reference ("AVPRF F. 0102, Op. 13, Delo 5, Listy 257-307") in `text`."""
    fond = FOND.search(text)
    if not fond:
        return None
    fields = {"fond": fond.group("value")}
    end = fond.end()
    while item := ITEM.match(text, end):
        field = KEY_FIELD.get(item.group("key").lower())
        if field is None or field in fields:
            break
        fields[field] = re.sub(r"\s*[-–—]\s*", "-", item.group("value"))
        end = item.end()
    start, archive = _archive_before(text, fond.start())
    return Reference(text[start:end], start, end, archive, **fields)


def _archive_before(text: str, fond_start: int) -> tuple[int, str | None]:
    """Return where the archive's name starts before the fond, and the name if it is one."""
    before = text[:fond_start].rstrip()
    if before.endswith((",", ".", ";")):  # "АВП РФ, ф. 0102": the name is the chunk before
        before = before[:-1].rstrip()
    start = max(before.rfind(","), before.rfind(". "), before.rfind("\n")) + 1
    name = before[start:].strip()
    start += len(before[start:]) - len(before[start:].lstrip())
    # An archive is named by an acronym or a short name with at least two capitals.
    if sum(char.isupper() for char in name) >= 2 and len(name) <= LONGEST_NAME:
        return start, name
    return fond_start, None


def find_translator(text: str) -> str | None:
    """Return NAME from "Translated [for ...] by NAME." in `text`, or None."""
    match = TRANSLATED_BY.search(text)
    if not match:
        return None
    name = SENTENCE_END.split(match.group("name"), maxsplit=1)[0].strip().rstrip(".").strip()
    return name if 0 < len(name) <= LONGEST_NAME else None


def split_citation(citation: str) -> tuple[str | None, str]:
    """Split a citation into its quoted title and the rest."""
    match = QUOTED_TITLE.match(citation)
    if not match:
        return None, citation
    return match.group("title").strip().rstrip(",").strip() or None, match.group("rest")


def find_repository(rest: str, reference: Reference | None) -> str | None:
    """Return the repository: the part of the citation between the date and the reference."""
    date = find_date(rest)
    start = date.end if date else 0
    end = reference.start if reference and reference.start >= start else len(rest)
    chunk = re.split(r",\s|\.\s|\.$", rest[start:end].strip(" ,"), maxsplit=1)[0].strip(" ,.")
    if not chunk or chunk.startswith("Translated") or FOND.match(chunk):
        return None
    return chunk if len(chunk) <= LONGEST_REPOSITORY else None
