"""Turn a text file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, or a
legacy Russian code page (Windows-1251 first, then KOI8-R and DOS 866) or Windows-1252 when
the bytes read as plausible text in it."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from app.formats.errors import FormatError
from app.formats.sniff import binary_kind

RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
RUSSIAN_VOWELS = frozenset("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
CYRILLIC_CODE_PAGES = ("windows-1251", "koi8-r", "cp866")
# Non-letters a Windows-1252 English or French text plausibly holds.
WESTERN_PUNCTUATION = frozenset("“”‘’„–—…•«»°§©®™€£¢¥·×\u00a0¿¡")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Decoded:
    """Text with newlines normalised to LF, and the encoding it was read in."""

    text: str
    encoding: str


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, name: str) -> Decoded:
    """Decode a text file's bytes, or refuse them with a message naming `name`."""
    kind = binary_kind(data)
    if kind:
        raise FormatError(f"{name} is not text: it looks like {kind}.")
    text, encoding = _decode(data, name)
    if len(CONTROL.findall(text)) > len(text) / 100:
        raise FormatError(
            f"{name} is not text: it is full of control characters, as binary files are."
        )
    return Decoded(normalise_newlines(text), encoding)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        payload = data[len(codecs.BOM_UTF8) :]
        try:
            return payload.decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as error:
            raise FormatError(
                f"{name} starts with a UTF-8 byte-order mark but is not valid "
                f"UTF-8 ({_where(payload, error)})."
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _plausible_utf16(data)
        if text is not None:
            return text, "utf-16"
    if b"\x00" in data:
        raise _nul_error(data, name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        legacy = _decode_legacy(data)
        if legacy:
            return legacy
        raise FormatError(
            f"{name} is neither valid UTF-8 ({_where(data, error)}) nor "
            "recognisable Windows-1251 Russian text; save it as UTF-8 and import "
            "it again."
        ) from None


def _where(data: bytes, error: UnicodeDecodeError) -> str:
    """Say where the first undecodable byte is, as a line and column of bytes."""
    line = data.count(b"\n", 0, error.start) + 1
    column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
    return f"byte 0x{data[error.start]:02X} at line {line}, column {column}"


def _nul_error(data: bytes, name: str) -> FormatError:
    half = data[1::2] if data[1:2] == b"\x00" else data[0::2]
    if half and half.count(0) >= 0.9 * len(half):
        return FormatError(
            f"{name} looks like UTF-16 text without a byte-order mark; save it "
            "as UTF-8 and import it again."
        )
    return FormatError(f"{name} is not text: it contains NUL bytes, as binary files do.")


def _plausible_utf16(data: bytes) -> str | None:
    """Decode UTF-16 with a BOM if the result is mostly Latin, Cyrillic and punctuation."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        return None
    common = sum(1 for char in text if ord(char) < 0x0530 or 0x2000 <= ord(char) < 0x2200)
    return text if text and common >= 0.9 * len(text) else None


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Try the Russian code pages, then Windows-1252; keep the first reading that makes sense."""
    for encoding in (*CYRILLIC_CODE_PAGES, "windows-1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        plausible = is_plausible_western if encoding == "windows-1252" else is_plausible_russian
        if plausible(text):
            return text, encoding
    return None


def is_plausible_russian(text: str) -> bool:
    """Tell whether the non-ASCII part of `text` reads as Russian words."""
    non_ascii = [char for char in text if ord(char) > 127 and not char.isspace()]
    letters = [char for char in non_ascii if char in RUSSIAN_LETTERS]
    if len(letters) < 0.75 * len(non_ascii):
        return False
    words = [word for word in WORD.findall(text) if RUSSIAN_LETTERS.intersection(word)]
    mixed = [word for word in words if not RUSSIAN_LETTERS.issuperset(word)]
    if sum(len(word) >= 3 for word in words) < 2 or len(mixed) > 0.2 * len(words):
        return False
    if len(letters) < 30:  # too few letters for the share of vowels to mean anything
        return True
    vowels = sum(char in RUSSIAN_VOWELS for char in letters)
    # Russian prose is about 42% vowels; a KOI8-R file read as Windows-1251 gives about 26%.
    return 0.3 <= vowels / len(letters) <= 0.6


def is_plausible_western(text: str) -> bool:
    """Tell whether `text` is mostly ASCII letters, with accents only inside Latin words."""
    visible = [char for char in text if not char.isspace()]
    if sum(char.isascii() and char.isalpha() for char in visible) < 0.5 * len(visible):
        return False
    for char in visible:
        if ord(char) > 127 and not char.isalpha() and char not in WESTERN_PUNCTUATION:
            return False
    accented = [word for word in WORD.findall(text) if not word.isascii()]
    latin = [word for word in accented if all(_is_latin(char) for char in word)]
    with_ascii = [word for word in latin if any(char.isascii() for char in word)]
    return len(latin) == len(accented) and len(with_ascii) >= 0.8 * len(accented)


def _is_latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")
