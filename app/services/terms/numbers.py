"""Numbers and dates of a sentence, comparable across Russian and English."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

from alignment.tokens import MONTHS, english_number, normalize_dates

# Thousands grouped by a space (Russian) or a comma (English) first, then plain numbers with an
# optional decimal part ("2,5" and "2.5" are the same number).
_NUMBER = re.compile(r"(?<!\d)\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?![\d,.]\d)|(?<!\d)\d+(?:[.,]\d+)?")
_EN_WORD = re.compile(r"[A-Za-z]+")
_RU_SCALE = re.compile(r"\s*(тыс|млн|млрд)\b\.?", re.IGNORECASE)
_SCALES = {"тыс": 1000, "млн": 1_000_000, "млрд": 1_000_000_000}
_ROMAN = re.compile(r"(?<![\w.])(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\w.])")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_RU_WORD = re.compile(r"[а-яё]+", re.IGNORECASE)
_RU_NUMBERS = [
    "ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять",
    "десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать",
    "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать", "двадцать",
]  # fmt: skip
RU_NUMBER_WORDS = {word: value for value, word in enumerate(_RU_NUMBERS)}
# Russian month names by stem (any case form, and the adjectives: "Октябрьская") or short form.
_RU_MONTHS = [
    r"январ|янв\.", r"феврал|фев\.", r"март|мар\.", r"апрел|апр\.", "ма[йяюе]", "июн",
    "июл", r"август|авг\.", r"сентябр|сент\.", r"октябр|окт\.", r"ноябр|нояб?\.",
    r"декабр|дек\.",
]  # fmt: skip
# Russian month names, and the English ones normalize_dates writes for 25.XII.57.
_RU_MONTH = re.compile(
    r"(?<![а-яё])((?:" + "|".join([*_RU_MONTHS, *MONTHS]) + r")[а-яё]*)", re.IGNORECASE
)
_EN_MONTH = re.compile(r"\b(" + "|".join(m.capitalize() for m in MONTHS) + r")\b")
_DAY_BEFORE = r"(?<!\d)(\d{1,2})\]?\s+"
_DIGIT = re.compile(r"\d")
_DAY_MONTH = {
    "en": re.compile(_DAY_BEFORE + _EN_MONTH.pattern),
    "ru": re.compile(_DAY_BEFORE + _RU_MONTH.pattern, re.IGNORECASE),
}
_MAY_DATE = re.compile(r"\d\]?\s+May\b|\bMay\s+\d")
_MONTH_DAY = re.compile(_EN_MONTH.pattern + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b")
# A number alone in square brackets is the translator's ("[23] December" for "«  » декабря").
_INSERTED_NUMBER = re.compile(r"\[\d{1,4}\]")
_EN_TENS = {w: str(10 * i) for i, w in enumerate(["", "", "twenty", "thirty", "forty", "fifty",
            "sixty", "seventy", "eighty", "ninety"]) if w}  # fmt: skip
_RU_TENS = {w: str(10 * i) for i, w in enumerate(["", "", "двадцать", "тридцать", "сорок",
            "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"]) if w}  # fmt: skip


def _value(token: str) -> str:
    """Return a number's value as text: group separators dropped, decimal comma as point."""
    if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f,]\d{3})+", token):
        return str(int(re.sub(r"\D", "", token)))
    whole, _, fraction = token.replace(",", ".").partition(".")
    return f"{int(whole)}.{fraction}" if fraction else str(int(whole))


def numbers(text: str, lang: str) -> Counter[str]:
    """Return the numbers written in digits (dates like 25.XII.57 read as day and year).

    In Russian, "300 тыс." is 300000 and a Roman numeral ("XII сессия") is a number too.
    """
    if not _DIGIT.search(text) and (lang != "ru" or not _ROMAN.search(text)):
        return Counter()
    text = normalize_dates(text)
    if lang != "ru":
        text = _INSERTED_NUMBER.sub(" ", text)
        return Counter(_value(m.group(0)) for m in _NUMBER.finditer(text))
    found: Counter[str] = Counter()
    for m in _NUMBER.finditer(text):
        scale = _RU_SCALE.match(text, m.end())
        value = _value(m.group(0))
        found[_scaled(value, _SCALES[scale.group(1).lower()]) if scale else value] += 1
    found.update(str(_roman(m.group(0))) for m in _ROMAN.finditer(text))
    return found


def _scaled(value: str, factor: int) -> str:
    number = Decimal(value) * factor
    return str(int(number)) if number == int(number) else str(number)


def _roman(numeral: str) -> int:
    values = [_ROMAN_DIGITS[c] for c in numeral]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def number_words(text: str, lang: str) -> Counter[str]:
    """Return the numbers written as one word (0-20 and the tens)."""
    if lang == "en":
        words = [w.lower() for w in _EN_WORD.findall(text)]
        found = [english_number(w) or _EN_TENS.get(w) for w in words]
    else:
        words = [w.lower() for w in _RU_WORD.findall(text)]
        found = [_RU_TENS.get(w) or RU_NUMBER_WORDS.get(w) for w in words]  # type: ignore[misc]
    return Counter(str(n) for n in found if n is not None)


def unmatched(ours: Counter[str], theirs: Counter[str], their_words: Counter[str]) -> list[str]:
    """Return our numbers the other side lacks (in digits, as a word, or as a year 57/1957)."""
    left = Counter(theirs)
    missing = []
    for value in sorted(ours.elements()):
        short = value[2:].lstrip("0") if re.fullmatch(r"19\d\d", value) else None
        long = f"19{value}" if re.fullmatch(r"\d\d", value) else None
        for candidate in (value, short, long):
            if candidate and left[candidate] > 0:
                left[candidate] -= 1
                break
        else:
            if their_words[value] > 0:
                their_words = their_words - Counter([value])
            else:
                missing.append(value)
    return missing


@lru_cache(maxsize=4096)  # a handful of month names in their case forms, met again and again
def month_index(name: str) -> int:
    """Return 1-12 for a Russian or English month name in any case form."""
    lowered = name.lower()
    for i, (ru, en) in enumerate(zip(_RU_MONTHS, MONTHS, strict=True), start=1):
        if re.match(ru, lowered) or lowered == en:
            return i
    raise ValueError(name)


def dates(text: str, lang: str) -> tuple[frozenset[tuple[int, int]], frozenset[int]]:
    """Return the (day, month) pairs and the months a sentence mentions."""
    text = normalize_dates(text)
    if lang == "en":
        text = _INSERTED_NUMBER.sub(" ", text)
    month = _EN_MONTH if lang == "en" else _RU_MONTH
    months = {month_index(m.group(1)) for m in month.finditer(text)}
    if lang == "en" and 5 in months and not _MAY_DATE.search(text):
        months.discard(5)  # "May I ask" is no date
    if not months or not _DIGIT.search(text):
        return frozenset(), frozenset(months)
    days = {(int(m.group(1)), month_index(m.group(2))) for m in _DAY_MONTH[lang].finditer(text)}
    if lang == "en":
        days |= {(int(m.group(2)), month_index(m.group(1))) for m in _MONTH_DAY.finditer(text)}
    return frozenset(days), frozenset(months | {d[1] for d in days})


def describe_days(days: Iterable[tuple[int, int]]) -> str:
    """Write (day, month) pairs as "7 November, 8 November"."""
    ordered = sorted(days, key=lambda day: (day[1], day[0]))
    return ", ".join(f"{d} {MONTHS[m - 1].capitalize()}" for d, m in ordered)
