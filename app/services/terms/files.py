"""Reading a glossary file of either format, and writing one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from app.services.errors import InvalidInput
from app.services.terms.csvfile import read_csv, write_csv
from app.services.terms.records import TermRecord
from app.services.terms.tbx import read_tbx, write_tbx

FORMATS = ("csv", "tbx")
MAX_BYTES = 5_000_000


def read_glossary_file(filename: str, data: bytes) -> list[TermRecord]:
    """Parse a CSV or TBX glossary (chosen by extension, else by content)."""
    if not data.strip():
        raise InvalidInput("The glossary file is empty.")
    if len(data) > MAX_BYTES:
        raise InvalidInput("The glossary file is larger than 5 MB.")
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".tbx", ".xml") or (suffix != ".csv" and data.lstrip().startswith(b"<")):
        records = read_tbx(data)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InvalidInput("The glossary CSV must be UTF-8 text.") from error
        records = read_csv(text)
    if not records:
        raise InvalidInput("The glossary file has no entries.")
    return records


def write_glossary_file(records: Sequence[TermRecord], fmt: str, title: str) -> tuple[str, str]:
    """Return (content, media type) of a glossary written as CSV or TBX."""
    if fmt == "tbx":
        return write_tbx(records, title), "application/x-tbx+xml"
    if fmt == "csv":
        return write_csv(records), "text/csv"
    raise InvalidInput(f"Unknown glossary format {fmt!r}: use csv or tbx.")
