"""Parse imported files: plain bytes in, frozen dataclasses out; no Flask, no database.

- `read_text` reads one language version: plain text (UTF-8 with or without BOM, UTF-16
  with BOM, Windows-1251 and other legacy code pages when detected), the archive-page text
  format (metadata parsed into fields, the website chrome left outside the body) and DOCX.
- `read_pairs` reads pre-aligned input: a two-column TSV or a TMX translation memory.
- `detect_kind` says which of the two a file is for.

Bad input raises `FormatError`, whose `message` is one sentence naming the file.
"""

from app.formats.errors import FormatError
from app.formats.pairs import read_pairs
from app.formats.records import AlignedPairs, ArchivalMetadata, SourceText
from app.formats.sniff import detect_kind
from app.formats.source import read_text

__all__ = [
    "AlignedPairs",
    "ArchivalMetadata",
    "FormatError",
    "SourceText",
    "detect_kind",
    "read_pairs",
    "read_text",
]
