"""The plain values the readers return."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArchivalMetadata:
    """What an archive says about a document; every field is None when the file does not say."""

    title: str | None = None
    date: datetime.date | None = None  # only when day, month and year are all given
    date_text: str | None = None  # the date as written: "October 01, 1957", "1957"
    summary: str | None = None
    citation: str | None = None  # the archive's citation line, whole
    repository: str | None = None  # "History and Public Policy Program Digital Archive"
    archive: str | None = None  # "AVPRF", "АВП РФ"
    fond: str | None = None
    opis: str | None = None
    delo: str | None = None
    listy: str | None = None  # "257-307"
    source_url: str | None = None
    translator: str | None = None
    notes: str | None = None
    # Beyond the fields above, which keep their order:
    reference: str | None = None  # the archival reference, whole: "AVPRF F. 0102, Op. 13, ..."
    papka: str | None = None  # folder ("P. 32", "п. 32"), between opis and delo when given

    @property
    def is_empty(self) -> bool:
        """Tell whether the file carried no metadata at all."""
        return all(value is None for value in vars(self).values())


@dataclass(frozen=True)
class SourceText:
    """One language version of a document, as imported.

    `raw` is the decoded text, verbatim after newline normalisation (CRLF and CR become LF;
    a byte-order mark is dropped). For DOCX it is the document's paragraphs, table cells
    included, joined by a blank line. `raw[body_start:body_end]` is the document itself, the
    part to segment and align; an archive page's header and website chrome lie outside it.
    """

    raw: str
    body_start: int
    body_end: int
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "windows-1251", "koi8-r", "cp866",
    #                "windows-1252" or "docx"
    format: str  # "text", "docx" or "archive-page"
    metadata: ArchivalMetadata = field(default_factory=ArchivalMetadata)

    @property
    def body(self) -> str:
        """Return the document itself, without header or chrome."""
        return self.raw[self.body_start : self.body_end]


Span = tuple[int, int]


@dataclass(frozen=True)
class AlignedPairs:
    """Pre-aligned input: each side's cells joined by a blank line, one span per pair and side.

    An empty cell is an empty span at the place it would stand.
    """

    src_raw: str
    tgt_raw: str
    spans: list[tuple[Span, Span]]
    format: str  # "tsv" or "tmx"
    src_lang: str
    tgt_lang: str

    def texts(self) -> list[tuple[str, str]]:
        """Return each pair's source and target text."""
        return [(self.src_raw[s0:s1], self.tgt_raw[t0:t1]) for (s0, s1), (t0, t1) in self.spans]
