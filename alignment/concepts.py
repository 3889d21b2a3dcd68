"""What a word can share with a word of the other language: its concepts, worked out per word.

A concept is what a Russian and an English word can have in common: an English stem (the
Russian word's translations from the lexicons), a number, a transliteration key or a
punctuation mark. What a word is (stem, keys) and its concepts under the core lexicon do not
depend on the document, so they are kept for the life of the process (`shared_words`); in a
call only words whose stem a collection lexicon or the document itself teaches are worked out
again. Words seen for the first time are stemmed and transliterated together, a few passes
over all of them instead of a dozen per word.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from alignment.lexicon import core_pairs, stem_many
from alignment.tokens import english_number, is_cyrillic, mark_concept, number_concepts
from alignment.translit import cognate_keys

Translations = Mapping[str, frozenset[str]]
KEY_SHARE = 0.5  # a transliteration key says less than a translation
UNKNOWN_SHARE = 0.5  # a Russian word no lexicon knows still counts, but less
MAX_WORDS = 300_000  # the shared table starts afresh past this many words (bounds memory)


@dataclass(frozen=True, slots=True)
class Word:
    """A word as the aligner sees it, whatever the lexicon: its stem and cross-script keys."""

    text: str
    cyrillic: bool
    stem: str  # Snowball stem, Russian or English by the script of the first letter
    key: str | None  # transliteration key of a word long enough to trust
    short_key: str | None  # ...also of 3-4 letter words, used when no lexicon knows the word
    alpha: bool  # letters only (no digits): a word IBM Model 1 learns from


Concepts = tuple[tuple[int, ...], tuple[float, ...]]  # concept ids and their shares


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """One side's distinct words in a call."""

    texts: list[str]
    words: list[Word]


class WordTable:
    """Words and concept ids, with each word's concepts under the core lexicon."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}  # concept -> id
        self.words: dict[str, Word] = {}
        self.core: dict[str, Concepts] = {}

    def lookup(self, texts: Sequence[str]) -> Vocabulary:
        """Return the words of `texts` (distinct), analysing the new ones together."""
        known = self.words
        new = [t for t in texts if t not in known]
        known.update(zip(new, analyse(new), strict=True))
        return Vocabulary(list(texts), list(map(known.__getitem__, texts)))

    def expand(
        self, vocab: Vocabulary, extra: Translations, before: list[Concepts] | None = None
    ) -> list[Concepts]:
        """Return the concepts of every word, with `extra` translations beside the core.

        `before`: the same words' concepts under translations that differ from `extra` only
        for stems `extra` names; only words of those stems are worked out again (`before`
        itself comes back when there are none).
        """
        out = before if before is not None else self._core_concepts(vocab)
        if extra:
            for k, word in enumerate(vocab.words):
                if word.cyrillic and word.stem in extra:
                    out = list(out) if out is before else out
                    out[k] = self.concepts(word, extra)
        return out

    def _core_concepts(self, vocab: Vocabulary) -> list[Concepts]:
        """Return every word's concepts under the core lexicon (worked out on first use)."""
        found = list(map(self.core.get, vocab.texts))
        if None in found:
            return [c or self.concepts(w, {}) for c, w in zip(found, vocab.words, strict=True)]
        return cast(list[Concepts], found)

    def concepts(self, word: Word, extra: Translations) -> Concepts:
        """Return a word's concept ids and shares, with `extra` translations beside the core."""
        if word.cyrillic and word.stem in extra:
            core = core_pairs().get(word.stem, frozenset())
            return self._numbered(word_concepts(word, core | extra[word.stem]))
        found = self.core.get(word.text)
        if found is None:
            found = self.core[word.text] = self._numbered(
                word_concepts(word, core_pairs().get(word.stem) if word.cyrillic else None)
            )
        return found

    def _numbered(self, concepts: Iterable[tuple[str, float]]) -> Concepts:
        pairs = [(self.ids.setdefault(c, len(self.ids)), share) for c, share in concepts]
        return tuple(c for c, _ in pairs), tuple(s for _, s in pairs)


_shared: list[WordTable] = [WordTable()]


def shared_words() -> WordTable:
    """Return the process's word table (a fresh one once the old one grew too large).

    A call keeps the table it got, so a call running in another thread is not disturbed.
    """
    if len(_shared[0].words) > MAX_WORDS:
        _shared[0] = WordTable()
    return _shared[0]


def analyse(texts: list[str]) -> list[Word]:
    """Stem and transliterate many lower-case words at once."""
    cyrillic = [is_cyrillic(t) for t in texts]
    stems = iter(stem_many([t for t, c in zip(texts, cyrillic, strict=True) if c], "ru"))
    en_stems = iter(stem_many([t for t, c in zip(texts, cyrillic, strict=True) if not c], "en"))
    return [
        Word(t, c, next(stems) if c else next(en_stems), key, short, t.isalpha())
        for t, c, (key, short) in zip(texts, cyrillic, cognate_keys(texts), strict=True)
    ]


def word_concepts(word: Word, targets: frozenset[str] | None) -> list[tuple[str, float]]:
    """Return the concepts of one word with their shares of the word's weight, given the
    English stems its Russian stem translates to (None for an English word)."""
    mark = mark_concept(word.text)
    if mark:
        return [(mark, 1.0)]
    if word.text.isdecimal():
        return [(c, 1.0) for c in number_concepts(word.text)]
    key = word.key if targets else word.short_key
    found: list[tuple[str, float]] = [(f"k:{key}", KEY_SHARE)] if key else []
    if targets:
        share = 1.0 / math.sqrt(len(targets))
        return found + [(t if t.startswith("n:") else f"e:{t}", share) for t in targets]
    if word.cyrillic:
        return found + [(f"r:{word.stem}", UNKNOWN_SHARE)]
    found.append((f"e:{word.stem}", 1.0))
    digits = english_number(word.text)
    return found + [(f"n:{digits}", 1.0)] if digits else found
