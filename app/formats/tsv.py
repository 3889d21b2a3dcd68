"""Read the pairs of a two-column TSV: source text, a tab, target text; one pair a line."""

from __future__ import annotations

from app.formats.errors import FormatError
from app.formats.languages import describe_language, primary_subtag

# Header cells naming a column's language, or its role.
LANGUAGE_HEADERS = {
    "ru": {"ru", "rus", "russian", "русский", "русский язык", "ru-ru"},
    "en": {"en", "eng", "english", "английский", "английский язык", "en-us", "en-gb"},
}
SOURCE_HEADERS = {"source", "src", "source text", "original", "оригинал", "исходный текст"}
TARGET_HEADERS = {"target", "tgt", "target text", "translation", "перевод"}


def read_tsv_rows(text: str, name: str, src_lang: str, tgt_lang: str) -> list[tuple[str, str]]:
    """Return each line's two cells, source first; a header row is dropped (and obeyed)."""
    order = f"{describe_language(src_lang)}, a tab, then {describe_language(tgt_lang)}"
    rows: list[tuple[str, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != 2:
            count = f"{len(cells)} column" + ("s" if len(cells) > 1 else " (no tab)")
            raise FormatError(
                f"{name} line {number} has {count}; every row needs exactly two: {order}."
            )
        rows.append((cells[0].strip(), cells[1].strip()))
    roles = header_roles(rows[0], src_lang, tgt_lang) if rows else None
    if roles:
        rows = rows[1:]
    if not rows:
        found = "only a header row" if roles else "no rows"
        raise FormatError(f"{name} has {found}: a TSV of pairs needs lines of {order}.")
    if roles == ("tgt", "src"):  # the header says the columns come the other way round
        rows = [(src, tgt) for tgt, src in rows]
    return rows


def header_roles(cells: tuple[str, str], src_lang: str, tgt_lang: str) -> tuple[str, str] | None:
    """Return ("src", "tgt") or ("tgt", "src") when both cells name a column, else None."""
    first, second = _role(cells[0], src_lang, tgt_lang), _role(cells[1], src_lang, tgt_lang)
    return (first, second) if first and second and first != second else None


def _role(cell: str, src_lang: str, tgt_lang: str) -> str | None:
    word = " ".join(cell.lower().strip(" #:*\"'").split())
    if word in SOURCE_HEADERS or word in _names(src_lang):
        return "src"
    if word in TARGET_HEADERS or word in _names(tgt_lang):
        return "tgt"
    return None


def _names(lang: str) -> set[str]:
    primary = primary_subtag(lang)
    return LANGUAGE_HEADERS.get(primary, set()) | {lang.lower(), primary}
