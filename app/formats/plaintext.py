"""Build a SourceText from decoded text: an archive page, or plain text whose first or last
line may be an archival reference."""

from __future__ import annotations

from app.formats.archive_page import read_archive_page
from app.formats.citation import Reference, find_reference
from app.formats.errors import FormatError
from app.formats.records import ArchivalMetadata, SourceText


def text_source(text: str, encoding: str, name: str, *, plain_format: str = "text") -> SourceText:
    """Return the SourceText of `text`, finding the archive page's header or a reference line."""
    page = read_archive_page(text)
    if page:
        start, end = _trim(text, page.body_start)
        if start == end:
            raise FormatError(f"{name} has an archive page's header but no document after it.")
        return SourceText(text, start, end, encoding, "archive-page", page.metadata)
    start, end = _trim(text, 0)
    if start == end:
        found = "only whitespace" if text else "no text at all"
        raise FormatError(f"{name} holds {found}: there is nothing to import.")
    start, end, metadata = _without_reference_line(text, start, end)
    return SourceText(text, start, end, encoding, plain_format, metadata)


def _trim(text: str, start: int) -> tuple[int, int]:
    """Return the span of `text[start:]` without leading and trailing whitespace."""
    end = len(text.rstrip())
    while start < end and text[start].isspace():
        start += 1
    return start, max(start, end)


def _without_reference_line(text: str, start: int, end: int) -> tuple[int, int, ArchivalMetadata]:
    """Take a first or last line that is only an archival reference out of the body, into
    the metadata ("АВП РФ, ф. 0102, оп. 13, п. 32, д. 5, л. 257-307")."""
    first_end = text.find("\n", start, end)
    last_start = text.rfind("\n", start, end) + 1
    if first_end < 0:  # one line: keep it as the text rather than import nothing
        return start, end, ArchivalMetadata()
    if reference := whole_line_reference(text[start:first_end]):
        return _trim(text[:end], first_end)[0], end, reference.fill(ArchivalMetadata())
    if reference := whole_line_reference(text[last_start:end]):
        return start, len(text[:last_start].rstrip()), reference.fill(ArchivalMetadata())
    return start, end, ArchivalMetadata()


def whole_line_reference(line: str) -> Reference | None:
    """Return the archival reference a line consists of, or None."""
    line = line.strip()
    reference = find_reference(line)
    if (
        reference is None
        or reference.start != 0
        or line[reference.end :].strip(" .;") != ""
        or not (reference.archive and reference.delo)
    ):
        return None
    return reference
