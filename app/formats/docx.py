"""Extract the text of a Word document (DOCX): paragraphs in order, table cells included."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import docx as python_docx

from app.formats.errors import FormatError, describe_size
from app.formats.sniff import OLE_MAGIC, binary_kind, is_zip, zip_kind

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# A DOCX may unpack to this many times the upload limit; more is a zip bomb, not a document.
UNPACK_RATIO = 20
MAX_MEMBERS = 2000
# Subtrees whose text is not the paragraph's own: deleted revisions, properties, text boxes
# (their paragraphs are not in the body's flow) and the fallback copy of alternate content.
SKIPPED = {W + "del", W + "moveFrom", W + "pPr", W + "rPr", W + "txbxContent", MC + "Fallback"}
CHARACTERS = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}


def read_docx(data: bytes, name: str, max_bytes: int) -> str:
    """Return the document's non-empty paragraphs joined by a blank line."""
    check_package(data, name, max_bytes)
    try:
        document = python_docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as error:
        raise FormatError(f"{name} is not a readable Word document: {_reason(error)}.") from None
    paragraphs = [text.strip() for text in block_texts(document.element.body)]
    return "\n\n".join(text for text in paragraphs if text)


def check_package(data: bytes, name: str, max_bytes: int) -> None:
    """Refuse a DOCX that is no ZIP, holds no Word document, or unpacks too far."""
    if data.startswith(OLE_MAGIC):
        raise FormatError(
            f"{name} is an old Word 97-2003 document or a password-protected "
            "one; save it as an unprotected .docx and import it again."
        )
    if not is_zip(data):
        kind = binary_kind(data) or "plain text or another format"
        raise FormatError(f"{name} is not a Word document (DOCX): it looks like {kind}.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FormatError(
            f"{name} is not a Word document (DOCX): its ZIP package is damaged."
        ) from None
    # zipfile never inflates a member past its declared size, so the declared sizes bound
    # what python-docx will read into memory.
    unpacked, limit = sum(member.file_size for member in members), UNPACK_RATIO * max_bytes
    if unpacked > limit or len(members) > MAX_MEMBERS:
        raise FormatError(
            f"{name} unpacks to {describe_size(unpacked)} in {len(members)} parts, "
            f"more than a Word document of its size can hold (at most "
            f"{describe_size(limit)}); it is refused as a possible zip bomb."
        )
    if not any(member.filename == "word/document.xml" for member in members):
        raise FormatError(f"{name} is not a Word document (DOCX): it looks like {zip_kind(data)}.")


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return "a required part is missing from its package"
    if isinstance(error, zipfile.BadZipFile):
        return "its ZIP package is damaged"
    return "its content is not that of a Word document"


def block_texts(container: Any) -> Iterator[str]:
    """Yield the text of each paragraph under `container`, in document order."""
    for child in container:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED:
            continue  # comments, processing instructions, deleted content
        if tag == W + "p":
            yield "".join(run_texts(child))
        else:  # tables, rows, cells, content controls: their paragraphs in order
            yield from block_texts(child)


def run_texts(element: Any) -> Iterator[str]:
    """Yield the pieces of a paragraph's text: text runs, tabs and line breaks."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED:
            continue
        if tag == W + "t":
            yield child.text or ""
        elif tag in CHARACTERS:
            yield CHARACTERS[tag]
        else:
            yield from run_texts(child)
