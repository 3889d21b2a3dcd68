"""Build a SourceText from decoded text: an archive page, or plain text with an optional
archival reference as its first line."""

from __future__ import annotations

from app.formats.archive_page import read_archive_page
from app.formats.citation import find_reference
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
    metadata, body_start = reference_header(text, start)
    if body_start < end:
        start = _trim(text, body_start)[0]
    else:  # the reference is all there is: keep it as the text rather than import nothing
        metadata = ArchivalMetadata()
    return SourceText(text, start, end, encoding, plain_format, metadata)


def _trim(text: str, start: int) -> tuple[int, int]:
    """Return the span of `text[start:]` without leading and trailing whitespace."""
    end = len(text.rstrip())
    while start < end and text[start].isspace():
        start += 1
    return start, max(start, end)


def reference_header(text: str, start: int) -> tuple[ArchivalMetadata, int]:
    """Read a first line that is nothing but an archival reference ("АВП РФ, ф. 0102, оп. 13,
    п. 32, д. 5, л. 257-307"); return its fields and where the text after it starts."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[start:line_end].rstrip()
    reference = find_reference(line)
    if (
        reference is None
        or reference.start != 0
        or line[reference.end :].strip(" .;") != ""
        or not (reference.archive and reference.delo)
    ):
        return ArchivalMetadata(), start
    return reference.fill(ArchivalMetadata()), line_end
