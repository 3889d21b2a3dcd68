"""Read one language version of a document: plain text, archive page or DOCX."""

from __future__ import annotations

import re

from app.formats.decoding import decode_text
from app.formats.docx import read_docx
from app.formats.errors import FormatError, check_size, display_name
from app.formats.plaintext import text_source
from app.formats.records import SourceText
from app.formats.sniff import PAIR_EXTENSIONS, extension, is_zip, looks_like_tmx, zip_kind

HTML_START = re.compile(r"\s*(?:<!doctype html|<html[\s>])", re.I)


def read_text(data: bytes, filename: str, *, max_bytes: int) -> SourceText:
    """Read a text file (UTF-8, UTF-16, Windows-1251), an archive page or a DOCX.

    Raises FormatError, with a sentence naming the file, for anything else.
    """
    name = display_name(filename)
    check_size(data, name, max_bytes)
    if extension(filename) in PAIR_EXTENSIONS or looks_like_tmx(data):
        raise FormatError(
            f"{name} holds aligned pairs (TSV or TMX); import it as a pair of "
            "texts already aligned, not as one text."
        )
    if extension(filename) == ".docx" or (is_zip(data) and zip_kind(data).endswith("(DOCX)")):
        return text_source(read_docx(data, name, max_bytes), "docx", name, plain_format="docx")
    decoded = decode_text(data, name)
    if HTML_START.match(decoded.text):
        raise FormatError(
            f"{name} is a web page (HTML), not plain text; save the page as text and import that."
        )
    return text_source(decoded.text, decoded.encoding, name)
