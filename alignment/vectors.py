"""Sentences as sparse weighted bags of shared concepts, and their dot products inside a band.

A concept is what a Russian and an English word can have in common: an English stem (the
Russian word's translations from the lexicons), a number, a transliteration key or a
punctuation mark. Vectors are kept as flat arrays of (sentence, concept, weight) entries.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import numpy.typing as npt

from alignment.lexicon import en_stem, ru_stem
from alignment.tokens import english_number, is_cyrillic, mark_concept, number_concepts
from alignment.translit import cognate_key

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
Translations = Mapping[str, frozenset[str]]
KEY_SHARE = 0.5  # a transliteration key says less than a translation
UNKNOWN_SHARE = 0.5  # a Russian word no lexicon knows still counts, but less
# In long texts, concepts in more than this share of sentences ("and", "the") are left out:
# they weigh little (low idf) and would make the banded dot products cost quadratic time.
COMMON_SHARE = 0.1
COMMON_MIN_SENTENCES = 1000
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Entries:
    """Sparse vectors: entry k puts `weight[k]` on concept `concept[k]` of row `row[k]`."""

    row: IntArray
    concept: IntArray
    weight: FloatArray
    rows: int


def word_concepts(word: str, translations: Translations) -> list[tuple[str, float]]:
    """Return the concepts of one word with their shares of the word's weight."""
    mark = mark_concept(word)
    if mark:
        return [(mark, 1.0)]
    if word.isdigit():
        return [(c, 1.0) for c in number_concepts(word)]
    lower = word.lower()
    targets = translations.get(ru_stem(lower)) if is_cyrillic(word) else None
    key = cognate_key(word, short=not targets)
    found: list[tuple[str, float]] = [(f"k:{key}", KEY_SHARE)] if key else []
    if targets:
        share = 1.0 / math.sqrt(len(targets))
        return found + [(t if t.startswith("n:") else f"e:{t}", share) for t in targets]
    if is_cyrillic(word):
        return found + [(f"r:{ru_stem(lower)}", UNKNOWN_SHARE)]
    found.append((f"e:{en_stem(lower)}", 1.0))
    digits = english_number(lower)
    return found + [(f"n:{digits}", 1.0)] if digits else found


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of one side: token k is word `vocab[word[k]]` of sentence `row[k]`."""

    row: IntArray
    word: IntArray
    vocab: list[str]
    rows: int

    @classmethod
    def of(cls, sentences: Sequence[Sequence[str]]) -> Tokens:
        """Number the words of every sentence."""
        ids: dict[str, int] = {}
        word = np.fromiter(
            (ids.setdefault(w, len(ids)) for sent in sentences for w in sent), dtype=np.int64
        )
        row = np.repeat(np.arange(len(sentences)), [len(sent) for sent in sentences])
        return cls(row.astype(np.int64), word, list(ids), len(sentences))


class ConceptCache:
    """Each word's concepts as numbered ids with shares, kept between the passes of `align`."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.words: dict[str, tuple[list[int], list[float]]] = {}
        self.bags: dict[int, tuple[IntArray, IntArray, FloatArray]] = {}  # per side, by id
        self.forgotten: set[str] = set()

    def expand(self, word: str, translations: Translations) -> tuple[list[int], list[float]]:
        """Return the concept ids and shares of a word (computed on first use)."""
        found = self.words.get(word)
        if found is None:
            concepts = word_concepts(word, translations)
            ids = [self.ids.setdefault(c, len(self.ids)) for c, _ in concepts]
            found = self.words[word] = (ids, [share for _, share in concepts])
        return found

    def forget(self, word: str) -> None:
        """Drop a word whose translations changed."""
        self.words.pop(word, None)
        self.forgotten.add(word)

    def bag(
        self, side: Tokens, translations: Translations
    ) -> tuple[IntArray, IntArray, FloatArray]:
        """Return a side's (row, concept, share) entries; reused while none of its words changed."""
        kept = self.bags.get(id(side))
        if kept is None or not self.forgotten.isdisjoint(side.vocab):
            kept = self.bags[id(side)] = _side_bag(side, translations, self)
        return kept


def concept_bags(
    sides: Sequence[Tokens], translations: Translations, cache: ConceptCache
) -> list[tuple[IntArray, IntArray, FloatArray]]:
    """Return (row, concept, share) per side, a word's concepts counted once per sentence."""
    return [cache.bag(side, translations) for side in sides]


def _side_bag(
    side: Tokens, translations: Translations, cache: ConceptCache
) -> tuple[IntArray, IntArray, FloatArray]:
    """Expand every token of one side into its concepts."""
    expanded = [cache.expand(w, translations) for w in side.vocab]
    sizes = np.array([len(ids) for ids, _ in expanded], dtype=np.int64)
    flat_ids = np.fromiter(chain.from_iterable(e[0] for e in expanded), dtype=np.int64)
    flat_share = np.fromiter(chain.from_iterable(e[1] for e in expanded), dtype=np.float64)
    start = np.cumsum(sizes) - sizes
    per_token = sizes[side.word]
    token = np.repeat(np.arange(side.word.size), per_token)
    offset = np.arange(token.size) - np.repeat(np.cumsum(per_token) - per_token, per_token)
    pick = start[side.word[token]] + offset
    return _dedupe(side.row[token], flat_ids[pick], flat_share[pick])


def _dedupe(
    row: IntArray, concept: IntArray, share: FloatArray
) -> tuple[IntArray, IntArray, FloatArray]:
    """Keep one entry per (row, concept) with the largest share, sorted by row."""
    key = row * (int(concept.max(initial=0)) + 1) + concept
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    first = np.ones(order.size, dtype=bool)
    first[1:] = sorted_key[1:] != sorted_key[:-1]
    starts = np.flatnonzero(first)
    best = np.maximum.reduceat(share[order], starts) if order.size else share[order]
    keep = order[starts]
    return row[keep], concept[keep], best


def weigh(
    sides: Sequence[Tokens], translations: Translations, cache: ConceptCache
) -> tuple[Entries, Entries]:
    """Turn both sides into sparse concept vectors weighted by inverse document frequency."""
    src, tgt = concept_bags(sides, translations, cache)
    n_concepts = len(cache.ids)
    df = np.bincount(src[1], minlength=n_concepts) + np.bincount(tgt[1], minlength=n_concepts)
    n_sentences = sides[0].rows + sides[1].rows
    idf = np.log((n_sentences + 1.0) / (df.astype(np.float64) + 0.5))
    common = (df > COMMON_SHARE * n_sentences) & (n_sentences >= COMMON_MIN_SENTENCES)
    return _entries(src, idf, common, sides[0].rows), _entries(tgt, idf, common, sides[1].rows)


def _entries(
    bag: tuple[IntArray, IntArray, FloatArray], idf: FloatArray, common: BoolArray, rows: int
) -> Entries:
    """Weigh a side's entries by idf, leaving out the common concepts."""
    keep = ~common[bag[1]]
    return Entries(bag[0][keep], bag[1][keep], bag[2][keep] * idf[bag[1][keep]], rows)


def banded_dots(a: Entries, b: Entries, lo: IntArray, width: int) -> FloatArray:
    """Return out[i, k] = dot(a_i, b_(lo[i]+k)) for every row i of `a` and k < width."""
    stride = b.rows + 1
    b_key = b.concept * stride + b.row
    order = np.argsort(b_key, kind="stable")
    keys = b_key[order]
    # queries in (concept, row) order: with lo non-decreasing they come sorted, which makes
    # the binary searches walk forward instead of jumping around
    by_concept = np.argsort(a.concept * (a.rows + 1) + a.row, kind="stable")
    a_row, a_weight = a.row[by_concept], a.weight[by_concept]
    first = a.concept[by_concept] * stride + lo[a_row]
    start = np.searchsorted(keys, first, side="left")
    room = np.clip(stride - lo[a_row], 0, width)
    end = np.searchsorted(keys, first + room, side="left")
    counts = end - start
    entry = np.repeat(np.arange(a_row.size), counts)
    offsets = np.cumsum(counts) - counts
    hit = order[start[entry] + np.arange(entry.size) - offsets[entry]]
    cell = a_row[entry] * width + (b.row[hit] - lo[a_row[entry]])
    values = a_weight[entry] * b.weight[hit]
    flat = np.bincount(cell, weights=values, minlength=a.rows * width).astype(np.float64)
    out: FloatArray = flat.reshape(a.rows, width)
    return out


def span_norms(entries: Entries, longest: int) -> list[FloatArray]:
    """Return, per span length L <= longest, |sum of the L sentences ending before node i|²."""
    n = entries.rows
    single = np.bincount(entries.row, weights=entries.weight**2, minlength=n)
    near = banded_dots(entries, entries, np.arange(n + 1) + 1, 2)  # near[s, g-1] = x_s . x_s+g
    out = []
    for length in range(longest + 1):
        node = np.zeros(n + 1)
        for d in range(length):  # sentence s = i-1-d of the span, with the ones after it
            s = slice(length - 1 - d, n - d)
            node[length:] += single[s]
            for gap in range(1, d + 1):
                node[length:] += 2 * near[s, gap - 1]
        out.append(node)
    return out
