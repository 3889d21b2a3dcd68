"""Finding a Russian term in a text in any case form, by lemma (pymorphy3) or stem (Snowball).

A term form ("Верховное Народное Собрание", "ВНС", "тов.") is a sequence of word tokens; it
matches a run of text tokens when each pair shares a key (a lemma or a stem), the tokens are
separated by spaces only, and the text keeps the term's capitals (a capitalised word of a name
stays capitalised, an abbreviation stays upper case) and its abbreviation dots.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

import pymorphy3

from alignment.tokens import stem
from app.services.terms.spans import outermost

# Word tokens keep a trailing abbreviation dot out of the word; "т.е." is one token, never "т.";
# "..." in a glossary form stands for any one word ("Отп. ... экз.").
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\.\.\.|…|№|\d+|[^\W\d_]+(?:-[^\W\d_]+)*(\.)?")
WILDCARD = "..."
Keyer = Callable[[str], frozenset[str]]


class Token(NamedTuple):
    """One word of a text: its spelling, its span (dot excluded), whether a dot follows."""

    text: str
    start: int
    end: int
    dotted: bool


@dataclass(frozen=True)
class Match:
    """Where a term form was found: character offsets into the text."""

    start: int
    end: int
    form: str


def tokens(text: str) -> list[Token]:
    """Split Russian text into word tokens (punctuation dropped, abbreviation dots noted)."""
    found = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        dotted = m.group(1) is not None
        end = m.end() - 1 if dotted else m.end()
        found.append(Token(word[:-1] if dotted else word, m.start(), end, dotted))
    return found


@cache
def _analyser() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


def _plain(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=100_000)
def lemma_keys(word: str) -> frozenset[str]:
    """Return every dictionary form pymorphy3 offers for a word (ё written as е)."""
    if not word[:1].isalpha():
        return frozenset({word})
    return frozenset(_plain(p.normal_form) for p in _analyser().parse(word))


@lru_cache(maxsize=100_000)
def stem_keys(word: str) -> frozenset[str]:
    """Return the Snowball stem of a word."""
    if not word[:1].isalpha():
        return frozenset({word})
    return frozenset({stem(_plain(word), "ru")})


@lru_cache(maxsize=100_000)
def combined_keys(word: str) -> frozenset[str]:
    """Return the lemmas and the stem: names pymorphy3 does not know still meet by stem."""
    return lemma_keys(word) | stem_keys(word)


def _case_fits(pattern: str, word: str) -> bool:
    """Tell whether a text word keeps the capitals a term word demands."""
    if len(pattern) > 1 and pattern.isupper():
        return word.isupper()
    return not pattern[:1].isupper() or word[:1].isupper()


@dataclass(frozen=True)
class FormPattern:
    """A term form prepared for matching: per word, its keys and spelling rules."""

    form: str
    words: tuple[Token, ...]
    keys: tuple[frozenset[str], ...]
    keyer: Keyer = combined_keys

    def fits(self, text: str, run: Sequence[Token]) -> bool:
        """Tell whether a run of text tokens (as long as the form) is this form."""
        for i, (want, got) in enumerate(zip(self.words, run, strict=True)):
            if i and text[run[i - 1].end + run[i - 1].dotted : got.start].strip():
                return False  # a comma or other mark between the words breaks the term
            if want.text == WILDCARD:
                continue
            if want.dotted and not got.dotted:
                return False
            if not _case_fits(want.text, got.text) or not self.keys[i] & self.keyer(got.text):
                return False
        return True

    def may_occur(self, keys: frozenset[str]) -> bool:
        """Tell whether the form could occur in a text whose words have these keys."""
        return self.words[0].text == WILDCARD or bool(self.keys[0] & keys)


def compile_form(form: str, keyer: Keyer = combined_keys) -> FormPattern | None:
    """Prepare a term form for matching (None for a form without words)."""
    words = tuple(tokens(form))
    if not words:
        return None
    keys = tuple(frozenset() if w.text == WILDCARD else keyer(w.text) for w in words)
    return FormPattern(form, words, keys, keyer)


def text_keys(words: Sequence[Token], keyer: Keyer = combined_keys) -> frozenset[str]:
    """Return the keys of all the words of a text (to skip forms that cannot occur)."""
    return frozenset().union(*(keyer(w.text) for w in words))


def find_forms(
    text: str, patterns: Iterable[FormPattern], words: Sequence[Token] | None = None
) -> list[Match]:
    """Return every place in `text` where one of the forms occurs, the longest per place.

    `words` are the text's tokens when the caller has them already.
    """
    words = tokens(text) if words is None else words
    found: dict[tuple[int, int], Match] = {}
    for pattern in patterns:
        size = len(pattern.words)
        for i in range(len(words) - size + 1):
            run = words[i : i + size]
            if pattern.fits(text, run) and _initial_fits(pattern, words, i + size):
                span = (run[0].start, run[-1].end + pattern.words[-1].dotted)
                found.setdefault(span, Match(span[0], span[1], pattern.form))
    return outermost(found.values())


def _initial_fits(pattern: FormPattern, words: Sequence[Token], after: int) -> bool:
    """A one-letter abbreviation ("т.") counts only before a name, so "т. е." is not "т."."""
    last = pattern.words[-1]
    if not (last.dotted and len(last.text) == 1):
        return True
    return after < len(words) and words[after].text[:1].isupper()
