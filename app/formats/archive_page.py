"""Read the archive-page text format: a document as the archive's website shows it.

The page opens with website chrome ("Search in", "Digital Archive ...", "• Citation",
"get citation", "• share document"), the date, a summary and a citation line, then a line
such as "English HTML"; the document itself follows that line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain

from app.formats.citation import (
    find_date,
    find_reference,
    find_repository,
    find_translator,
    split_citation,
)
from app.formats.records import ArchivalMetadata

HEADER_LINES = 80  # the chrome sits at the top; look no further for it
CHROME = {"search in", "citation", "get citation", "share document"}
BODY_MARKER = re.compile(r"[^\W\d_]+ (?:html|transcript|transcription|translation)", re.I)
QUOTES = '"“«„'
URL = re.compile(r"https?://\S+[^\s.,;)\]]")


@dataclass(frozen=True)
class Line:
    """One line of the page: its span in the text and its words without bullets."""

    start: int
    end: int
    text: str
    key: str  # lower-case, bullets and spacing dropped: what chrome is recognised by


@dataclass(frozen=True)
class ArchivePage:
    """Where the document starts in a page, and what the page's header says."""

    body_start: int
    metadata: ArchivalMetadata


def split_lines(text: str, limit: int) -> list[Line]:
    """Return the first `limit` lines of `text` with their offsets."""
    lines, start = [], 0
    for raw in text.split("\n", limit)[:limit]:
        stripped = raw.strip()
        key = " ".join(stripped.lstrip("•·*-–— \t").lower().split())
        lines.append(Line(start, start + len(raw), stripped, key))
        start += len(raw) + 1
    return lines


def is_chrome(line: Line) -> bool:
    """Tell whether a line is website chrome rather than information about the document."""
    return line.key in CHROME or line.key.startswith("digital archive") or _is_body_marker(line)


def _is_body_marker(line: Line) -> bool:
    return BODY_MARKER.fullmatch(line.key) is not None


def read_archive_page(text: str) -> ArchivePage | None:
    """Recognise an archive page by its chrome and read its header, or return None."""
    lines = split_lines(text, HEADER_LINES)
    chrome = [index for index, line in enumerate(lines) if is_chrome(line)]
    if len({lines[index].key for index in chrome}) < 3:
        return None
    markers = [index for index in chrome if _is_body_marker(lines[index])]
    header_end = markers[0] if markers else chrome[-1]
    body_start = lines[header_end].end
    return ArchivePage(body_start, header_metadata(lines[:header_end]))


def header_metadata(header: list[Line]) -> ArchivalMetadata:
    """Read title, date, summary, citation, reference and translator from the header lines."""
    citation_at = _citation_index(header)
    citation = header[citation_at].text if citation_at is not None else None
    title, rest = split_citation(citation) if citation else (None, "")
    reference = find_reference(rest)
    date = next(filter(None, (find_date(line.text, whole=True) for line in header)), None)
    date = date or find_date(rest)
    urls = URL.findall("\n".join(line.text for line in header))
    metadata = ArchivalMetadata(
        title=title,
        date=date.date if date else None,
        date_text=date.text if date else None,
        summary=_summary(header, citation_at),
        citation=citation,
        repository=find_repository(rest, reference) if citation else None,
        source_url=urls[0] if urls else None,
        translator=find_translator(rest),
    )
    return reference.fill(metadata) if reference else metadata


def _citation_index(header: list[Line]) -> int | None:
    """Find the citation: the first quoted line after "get citation", else any quoted line."""
    after = next((i for i, line in enumerate(header) if line.key == "get citation"), -1)
    for index in chain(range(after + 1, len(header)), range(after + 1)):
        if header[index].text[:1] in QUOTES and split_citation(header[index].text)[0]:
            return index
    return None


def _summary(header: list[Line], citation_at: int | None) -> str | None:
    """Return the lines between "get citation" and the citation, or the line just before it."""
    if citation_at is None:
        return None
    before = header[:citation_at]
    starts = [i + 1 for i, line in enumerate(before) if line.key == "get citation"]
    # Without "get citation" above the citation, take the nearest line of prose.
    nearest = [line for line in before if line.text][-1:]
    candidates = before[starts[-1] :] if starts else nearest
    texts = [line.text for line in candidates if line.text and not is_chrome(line)]
    if not texts or find_date(texts[0], whole=True):
        return None
    return " ".join(texts)
