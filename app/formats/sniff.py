"""Recognise a file's kind from its first bytes and its name."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PureWindowsPath

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Signatures at offset 0 and what to call the file in a message.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"%PDF-", "a PDF document"),
    (OLE_MAGIC, "an old-style Microsoft Office file (such as a Word 97-2003 .doc)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    *((magic, "a ZIP archive") for magic in ZIP_MAGIC),
)

# A ZIP's members say which office format it is.
ZIP_KINDS: tuple[tuple[str, str], ...] = (
    ("word/document.xml", "a Word document (DOCX)"),
    ("xl/workbook.xml", "an Excel workbook (XLSX)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (PPTX)"),
    ("content.xml", "an OpenDocument file (such as ODT)"),
)

PAIR_EXTENSIONS = {".tsv", ".tab", ".tmx", ".csv"}
TEXT_EXTENSIONS = {".docx", ".doc", ".pdf"}
TMX_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<tmx\b", re.S
)
SNIFF_BYTES = 65536


def extension(filename: str) -> str:
    """Return the file name's extension, lower-case with its dot ("" when it has none)."""
    return PureWindowsPath(filename).suffix.lower()


def is_zip(data: bytes) -> bool:
    """Tell whether the bytes start like a ZIP package."""
    return data.startswith(ZIP_MAGIC)


def zip_kind(data: bytes) -> str:
    """Name the office format inside a ZIP, or call it a ZIP archive."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "a damaged ZIP archive"
    for member, kind in ZIP_KINDS:
        if member in names:
            return kind
    return "a ZIP archive"


def binary_kind(data: bytes) -> str | None:
    """Name the binary format the bytes start with, or None when no signature matches."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return zip_kind(data) if kind == "a ZIP archive" else kind
    if data[4:8] == b"ftyp":
        return "a video or image file (MP4, MOV or HEIC)"
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "a media file (WebP, WAV or AVI)"
    return None


def looks_like_tmx(data: bytes) -> bool:
    """Tell whether the bytes open a TMX document."""
    return TMX_START.match(data[:4096]) is not None


def looks_like_tsv(data: bytes) -> bool:
    """Tell whether every non-blank line (two at least) holds exactly one tab."""
    lines = [line for line in data[:SNIFF_BYTES].splitlines() if line.strip()]
    if len(data) > SNIFF_BYTES:
        lines = lines[:-1]  # the cut may fall inside the last line
    return len(lines) >= 2 and all(line.count(b"\t") == 1 for line in lines)


def detect_kind(data: bytes, filename: str) -> str:
    """Return "pairs" for pre-aligned input (TSV, TMX) and "text" for one language version."""
    suffix = extension(filename)
    if suffix in PAIR_EXTENSIONS:
        return "pairs"
    if suffix in TEXT_EXTENSIONS or is_zip(data) or binary_kind(data):
        return "text"
    if looks_like_tmx(data) or looks_like_tsv(data):
        return "pairs"
    return "text"
