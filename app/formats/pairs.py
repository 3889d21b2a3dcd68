"""Read pre-aligned input (TSV or TMX) into AlignedPairs."""

from __future__ import annotations

import codecs

from app.formats.decoding import decode_text
from app.formats.errors import FormatError, check_size, display_name
from app.formats.records import AlignedPairs, Span
from app.formats.sniff import binary_kind, extension, looks_like_tmx
from app.formats.tmx import read_tmx_rows
from app.formats.tsv import read_tsv_rows

CELL_SEPARATOR = "\n\n"


def read_pairs(
    data: bytes, filename: str, *, max_bytes: int, src_lang: str = "ru", tgt_lang: str = "en"
) -> AlignedPairs:
    """Read a two-column TSV or a TMX file of pairs, or raise FormatError naming the file."""
    name = display_name(filename)
    check_size(data, name, max_bytes)
    kind = binary_kind(data)
    if kind:
        raise FormatError(f"{name} is not a TSV or TMX file: it looks like {kind}.")
    suffix = extension(filename)
    if suffix == ".csv":
        raise FormatError(
            f"{name} is comma-separated (CSV); save it as tab-separated text "
            "(.tsv), the source in the first column, and import that."
        )
    if (
        suffix == ".tmx"
        or looks_like_tmx(data)
        or (suffix not in {".tsv", ".tab"} and _starts_with_markup(data))
    ):
        rows, file_format = read_tmx_rows(data, name, src_lang, tgt_lang), "tmx"
    else:
        text = decode_text(data, name).text
        rows, file_format = read_tsv_rows(text, name, src_lang, tgt_lang), "tsv"
    if not rows:
        raise FormatError(f"{name} has no pair with any text in it.")
    src_raw, src_spans = join_cells([src for src, _ in rows])
    tgt_raw, tgt_spans = join_cells([tgt for _, tgt in rows])
    spans = list(zip(src_spans, tgt_spans, strict=True))
    return AlignedPairs(src_raw, tgt_raw, spans, file_format, src_lang, tgt_lang)


def _starts_with_markup(data: bytes) -> bool:
    return data.removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"<"


def join_cells(cells: list[str]) -> tuple[str, list[Span]]:
    """Join cells with a blank line between them; return the text and each cell's span."""
    spans, position = [], 0
    for cell in cells:
        spans.append((position, position + len(cell)))
        position += len(cell) + len(CELL_SEPARATOR)
    return CELL_SEPARATOR.join(cells), spans
