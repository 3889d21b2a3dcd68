"""Transliteration keys that let names and cognates match across scripts.

Пузанов and Puzanov, делегация and delegation, конференция and conference get the
same key: Cyrillic is romanised, then both sides are folded to a rough phonetic
skeleton (every vowel becomes "a", c/k/q/ts collapse, doubled letters merge) and cut
to a prefix.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "є": "e",
}
_FOLDS = [
    (re.compile(r"c(?=[eiy])"), "s"),  # English soft c: process ~ процесс
    (re.compile(r"shch|sch"), "sh"),
    (re.compile(r"kh|ch|q|c|x"), "k"),
    (re.compile(r"ts|tz|z"), "s"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"th"), "t"),
    (re.compile(r"w"), "v"),
    (re.compile(r"[aeiouy]+"), "a"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"[^a-z\n]"), ""),  # words folded together stand on lines of their own
]
_ROMAN = str.maketrans(_CYRILLIC)
KEY_PREFIX = 5


def romanize(word: str) -> str:
    """Write a Cyrillic word in Latin letters (other characters pass through).

    >>> romanize("Хрущёв")
    'khrushchev'
    """
    return word.lower().translate(_ROMAN)


def skeleton(latin: str) -> str:
    """Fold a Latin-script word to its rough phonetic skeleton.

    >>> skeleton("Puzanov"), skeleton("Khrushchev")
    ('pasanav', 'krashav')
    """
    return _fold(latin.replace("\n", " "))


def _fold(text: str) -> str:
    out = text.lower()
    for pattern, repl in _FOLDS:
        out = pattern.sub(repl, out)
    return out


def cognate_keys(words: list[str]) -> list[tuple[str | None, str | None]]:
    """Return (key, short key) of many words at once (see `cognate_key`), folding them
    together: one pass of each pattern over all the words.

    >>> cognate_keys(["Ким", "Пузанов", "и"])
    [(None, 'kam'), ('pasan', 'pasan'), (None, None)]
    """
    if not words:
        return []
    folded = _fold(romanize("\n".join(w.replace("\n", " ") for w in words))).split("\n")
    return [_keys(f) for f in folded]


def _keys(folded: str) -> tuple[str | None, str | None]:
    if len(folded) >= KEY_PREFIX:
        return folded[:KEY_PREFIX], folded[:KEY_PREFIX]
    return None, (folded if len(folded) >= 3 else None)


@lru_cache(maxsize=500_000)
def cognate_key(word: str, short: bool = False) -> str | None:
    """Return the cross-script key of a word, or None when the word is too short to trust.

    `short` allows keys of 3-4 letter words (names such as Ким ~ Kim, Пак ~ Pak); the caller
    allows them only for words no lexicon translates.

    >>> cognate_key("Пузанов") == cognate_key("Puzanov")
    True
    >>> cognate_key("делегация") == cognate_key("delegation")
    True
    >>> cognate_key("Ким", short=True) == cognate_key("Kim", short=True)
    True
    """
    long_key, short_key = _keys(skeleton(romanize(word)))
    return short_key if short else long_key
