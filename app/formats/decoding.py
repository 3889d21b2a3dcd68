"""Turn a text file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, else the
legacy Russian code page (Windows-1251, KOI8-R or DOS 866) that reads most like Russian, else
Windows-1252 when the bytes read as Western text in it.

The choice is made here from Russian letter statistics, not by charset-normalizer: its best
guess for a short Windows-1251 Russian line was cp1125 or cp932.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from dataclasses import dataclass

from app.formats.errors import FormatError
from app.formats.sniff import binary_kind

RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
# Each letter's share of Russian prose (the usual frequency table). A wrong code page maps
# common letters to rare ones, so the right reading is the one whose letters are commonest.
LETTER_SHARE = {
    "о": 0.1097, "е": 0.0845, "а": 0.0801, "и": 0.0735, "н": 0.0670, "т": 0.0626,
    "с": 0.0547, "р": 0.0473, "в": 0.0454, "л": 0.0440, "к": 0.0349, "м": 0.0321,
    "д": 0.0298, "п": 0.0281, "у": 0.0262, "я": 0.0201, "ы": 0.0190, "ь": 0.0174,
    "г": 0.0170, "з": 0.0165, "б": 0.0159, "ч": 0.0144, "й": 0.0121, "х": 0.0097,
    "ж": 0.0094, "ш": 0.0073, "ю": 0.0064, "ц": 0.0048, "щ": 0.0036, "э": 0.0032,
    "ф": 0.0026, "ъ": 0.0004, "ё": 0.0004,
}  # fmt: skip
# Floored so that a few rare letters (ё, ъ, щ) cannot sink a short text on their own.
LOG_SHARE = {letter: math.log(max(share, 0.004)) for letter, share in LETTER_SHARE.items()}
# Non-letters common in Russian typing, which say nothing for or against a code page.
RUSSIAN_TYPOGRAPHY = frozenset("№«»—–…“”„‘’\u00a0")
# Windows-1251 is by far the likeliest legacy encoding: it wins a near tie.
PRIOR = {"windows-1251": 0.1}
CYRILLIC_CODE_PAGES = ("windows-1251", "koi8-r", "cp866")
# Non-letters a Windows-1252 English or French text plausibly holds.
WESTERN_PUNCTUATION = frozenset("“”‘’„–—…•«»°§©®™€£¢¥·×\u00a0¿¡")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
WORD = re.compile(r"[^\W\d_]+")
BROKEN_WORD = re.compile(r"(?<=[^\W\d_])[^\w\s\x00-\x7f\u00ad’](?=[^\W\d_])")


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
    """Read the bytes in the Russian code page whose letters are most Russian-like, else in
    Windows-1252 when they read as Western text there, else give up."""
    readings = []
    for order, encoding in enumerate(CYRILLIC_CODE_PAGES):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if reads_as_russian(text):
            score = russian_score(text) + PRIOR.get(encoding, 0.0)
            readings.append((score, -order, text, encoding))
    if readings:
        _, _, text, encoding = max(readings)
        return text, encoding
    try:
        text = data.decode("windows-1252")
    except UnicodeDecodeError:
        return None
    return (text, "windows-1252") if is_plausible_western(text) else None


def reads_as_russian(text: str) -> bool:
    """Tell whether the non-ASCII part of `text` is Russian words, cased as words are."""
    non_ascii = [char for char in text if ord(char) > 127 and char not in RUSSIAN_TYPOGRAPHY]
    letters = sum(char in RUSSIAN_LETTERS for char in non_ascii)
    if letters < 0.75 * len(non_ascii):
        return False
    words: list[str] = [word for word in WORD.findall(text) if RUSSIAN_LETTERS.intersection(word)]
    mixed = [word for word in words if not RUSSIAN_LETTERS.issuperset(word)]
    broken = BROKEN_WORD.findall(text)  # "ОНДЗ╦Л": a symbol inside a word
    if sum(len(word) >= 3 for word in words) < 2 or len(mixed) + len(broken) > 0.2 * len(words):
        return False
    # A wrong Cyrillic code page swaps the cases: "Пленум" comes out "пЛЕНУМ".
    inverted = sum(word[0].islower() and any(map(str.isupper, word)) for word in words)
    titled = sum(len(word) > 1 and word.istitle() for word in words)
    return inverted <= titled


def russian_score(text: str) -> float:
    """Return the mean log-frequency of the Russian letters of `text`: prose scores about
    -3.1, a KOI8-R text read as Windows-1251 (or the reverse) about -3.7."""
    letters = [char.lower() for char in text if char in RUSSIAN_LETTERS]
    return sum(LOG_SHARE[char] for char in letters) / max(1, len(letters))


def is_plausible_western(text: str) -> bool:
    """Tell whether the letters of `text` are mostly ASCII, accents only inside Latin words."""
    visible = [char for char in text if not char.isspace()]
    letters = [char for char in visible if char.isalpha()]
    if not letters or sum(char.isascii() for char in letters) < 0.5 * len(letters):
        return False
    for char in visible:
        if ord(char) > 127 and not char.isalpha() and char not in WESTERN_PUNCTUATION:
            return False
    accented = [word for word in WORD.findall(text) if not word.isascii()]
    latin = [word for word in accented if all(_is_latin(char) for char in word)]
    with_ascii = [word for word in latin if any(char.isascii() for char in word)]
    return len(latin) == len(accented) and len(with_ascii) >= 0.8 * len(accented)


def _is_latin(char: str) -> bool:
    return char.isascii() or char in "ºª" or unicodedata.name(char, "").startswith("LATIN")
