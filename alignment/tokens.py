"""Words of a sentence as stems, numbers and punctuation marks the aligner can match."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import Stemmer

_WORD = re.compile(r"[^\W_]+|[?!«»\"“”„()№#]")
_ROMAN_DATE = re.compile(r"\b(\d{1,2})\.([IVX]{1,4})\.(\d{2,4})\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2,4})\b")
# Editorial markup of archive translations that has no counterpart in the original: restored
# letters "Torb[[enkov]]", and labels describing the document "[handwritten entry: ...]".
_EDITORIAL = re.compile(
    r"\[\[|\]\]|\[(?:handwritten(?: entry| note)?|faded stamp|stamp|signature|illegible)\b:?",
    re.IGNORECASE,
)
# Both start with a literal character so that the regex engine can skip to it quickly
# ("N(?<!\wN)" is "\bN": no word character before the N).
_DATE_HINT = re.compile(r"\.(?<=\d\.)[\dIVX]")
_NUMBER_SIGN = re.compile(r"N(?<!\wN)[oº]\.?\s*(?=\d)")
BREAK = "\x00"  # stands between sentences in a joined text
# `_WORD` with BREAK, for text whose underscores became spaces (\w+ is quicker than [^\W_]+)
_WORD_OR_BREAK = re.compile(r"\w+|[?!«»\"“”„()№#\x00]")
_ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MARKS = {
    "?": "p:?",
    "!": "p:!",
    "(": "p:(",
    ")": "p:(",
    "№": "p:no",
    "#": "p:no",
    "«": "p:q",
    "»": "p:q",
    '"': "p:q",
    "“": "p:q",
    "”": "p:q",
    "„": "p:q",
}
_EN_NUMBERS = {
    w: str(i)
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}


@cache
def _stemmer(lang: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer("russian" if lang == "ru" else "english")


def stem(word: str, lang: str) -> str:
    """Return the Snowball stem of a lower-case word.

    >>> stem("делегации", "ru"), stem("delegations", "en")
    ('делегац', 'deleg')
    """
    return str(_stemmer(lang).stemWord(word))


def stem_words(words: list[str], lang: str) -> list[str]:
    """Return the Snowball stems of many lower-case words (one call into the stemmer)."""
    return [str(w) for w in _stemmer(lang).stemWords(words)]


def is_cyrillic(word: str) -> bool:
    """Tell whether a word is written in Cyrillic (judged by its first letter).

    >>> is_cyrillic("Пхеньян"), is_cyrillic("Pyongyang"), is_cyrillic("5-й")
    (True, False, False)
    """
    return "\u0400" <= word[:1] <= "\u04ff"


def normalize_dates(text: str) -> str:
    """Spell the month of 25.XII.57 and 14.09.1957 as a word so it can meet "December".

    >>> normalize_dates("от 25.XII.57")
    'от 25 december 57'
    """

    def roman(m: re.Match[str]) -> str:
        month = _ROMAN_MONTHS.index(m.group(2)) if m.group(2) in _ROMAN_MONTHS else -1
        return f"{m.group(1)} {MONTHS[month]} {m.group(3)}" if month >= 0 else m.group(0)

    def numeric(m: re.Match[str]) -> str:
        month = int(m.group(2)) - 1
        return f"{m.group(1)} {MONTHS[month]} {m.group(3)}" if 0 <= month < 12 else m.group(0)

    if not _DATE_HINT.search(text):
        return text
    return _NUMERIC_DATE.sub(numeric, _ROMAN_DATE.sub(roman, text))


def words(text: str) -> list[str]:
    """Split a sentence into lower-case words and the punctuation marks that carry meaning.

    >>> words("Тов. Ким спросил: «Когда?»")
    ['тов', 'ким', 'спросил', '«', 'когда', '?', '»']
    """
    return _WORD.findall(_prepared(text))


def number_concepts(word: str) -> list[str]:
    """Return the number concepts of a digit string (a year also as its last two digits).

    >>> number_concepts("1957"), number_concepts("07")
    (['n:1957', 'n:57'], ['n:7'])
    """
    value = str(int(word)) if len(word) < 18 else word
    if len(value) == 4 and value[:2] in ("18", "19", "20"):
        return [f"n:{value}", f"n:{int(value[2:])}"]
    return [f"n:{value}"]


def english_number(word: str) -> str | None:
    """Return the digits of a small English number word."""
    return _EN_NUMBERS.get(word)


def mark_concept(word: str) -> str | None:
    """Return the concept of a punctuation mark that carries meaning."""
    return _MARKS.get(word)


def without_markup(text: str) -> str:
    """Drop editorial markup that has no counterpart in the original.

    >>> without_markup("[handwritten entry: to file. N. Torb[[enkov]]")
    ' to file. N. Torbenkov'
    """
    return _EDITORIAL.sub("", text) if "[" in text else text


def sentence_words(sentences: Sequence[str]) -> list[list[str]]:
    """Split many sentences at once (same result as `words` on each, faster).

    >>> sentence_words(["Да!", "No. 5"])
    [['да', '!'], ['№', '5']]
    """
    joined = _prepared(BREAK.join(sentences))
    return [_WORD.findall(part) for part in joined.split(BREAK)] if sentences else []


def words_with_breaks(sentences: Sequence[str]) -> list[str]:
    """Return the words of all sentences in one list, with BREAK after every sentence but
    the last (same words as `sentence_words`, without a list per sentence).

    >>> [w if w != BREAK else "|" for w in words_with_breaks(["Да!", "No. 5"])]
    ['да', '!', '|', '№', '5']
    """
    return _WORD_OR_BREAK.findall(_prepared(BREAK.join(sentences)).replace("_", " "))


def _prepared(text: str) -> str:
    """Drop markup, mark number signs, spell dates and lower-case: what words are found in."""
    return normalize_dates(_NUMBER_SIGN.sub("№ ", without_markup(text))).lower()
