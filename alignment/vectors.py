"""Sentences as sparse weighted bags of shared concepts, and their dot products inside a band.

A concept is what a Russian and an English word can have in common: an English stem (the
Russian word's translations from the lexicons), a number, a transliteration key or a
punctuation mark. Vectors are kept as flat arrays of (sentence, concept, weight) entries.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

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
    key = cognate_key(word)
    found: list[tuple[str, float]] = [(f"k:{key}", KEY_SHARE)] if key else []
    if is_cyrillic(word):
        stem = ru_stem(lower)
        targets = translations.get(stem)
        if targets:
            share = 1.0 / math.sqrt(len(targets))
            return found + [(t if t.startswith("n:") else f"e:{t}", share) for t in targets]
        return found + [(f"r:{stem}", UNKNOWN_SHARE)]
    found.append((f"e:{en_stem(lower)}", 1.0))
    digits = english_number(lower)
    return found + [(f"n:{digits}", 1.0)] if digits else found


def sentence_concepts(
    sentences: Sequence[Sequence[str]],
    translations: Translations,
) -> list[dict[str, float]]:
    """Map every sentence (its words) to concepts with shares (a word's concepts counted once)."""
    cache: dict[str, list[tuple[str, float]]] = {}
    out = []
    for sentence in sentences:
        bag: dict[str, float] = {}
        for word in sentence:
            concepts = cache.get(word)
            if concepts is None:
                concepts = cache[word] = word_concepts(word, translations)
            for concept, share in concepts:
                if share > bag.get(concept, 0.0):
                    bag[concept] = share
        out.append(bag)
    return out


def weigh(src: list[dict[str, float]], tgt: list[dict[str, float]]) -> tuple[Entries, Entries]:
    """Turn concept bags into sparse vectors weighted by inverse document frequency."""
    ids: dict[str, int] = {}
    sides = []
    for bags in (src, tgt):
        rows = np.repeat(np.arange(len(bags)), [len(b) for b in bags])
        concept = np.fromiter(
            (ids.setdefault(c, len(ids)) for b in bags for c in b), dtype=np.int64, count=rows.size
        )
        share = np.fromiter(
            (s for b in bags for s in b.values()), dtype=np.float64, count=rows.size
        )
        sides.append((rows.astype(np.int64), concept, share, len(bags)))
    df = sum(np.bincount(c, minlength=len(ids)) for _, c, _, _ in sides)
    idf = np.log((len(src) + len(tgt) + 1.0) / (np.asarray(df, dtype=np.float64) + 0.5))
    a, b = (Entries(r, c, s * idf[c], n) for r, c, s, n in sides)
    return a, b


def spans(entries: Entries, length: int) -> Entries:
    """Sum the vectors of `length` consecutive sentences; row i holds sentences i-length..i-1."""
    shifts = np.arange(1, length + 1)
    row = (entries.row[None, :] + shifts[:, None]).ravel()
    keep = row <= entries.rows
    return Entries(
        row[keep],
        np.tile(entries.concept, length)[keep],
        np.tile(entries.weight, length)[keep],
        entries.rows + 1,
    )


def banded_dots(a: Entries, b: Entries, lo: IntArray, width: int) -> FloatArray:
    """Return out[i, k] = dot(a_i, b_(lo[i]+k)) for every row i of `a` and k < width."""
    order = np.lexsort((b.row, b.concept))
    stride = b.rows + 1
    keys = b.concept[order] * stride + b.row[order]
    first = a.concept * stride + lo[a.row]
    start = np.searchsorted(keys, first, side="left")
    room = np.clip(stride - lo[a.row], 0, width)
    end = np.searchsorted(keys, first + room, side="left")
    counts = end - start
    entry = np.repeat(np.arange(a.row.size), counts)
    offsets = np.cumsum(counts) - counts
    hit = order[start[entry] + np.arange(entry.size) - offsets[entry]]
    cell = a.row[entry] * width + (b.row[hit] - lo[a.row[entry]])
    values = a.weight[entry] * b.weight[hit]
    flat = np.bincount(cell, weights=values, minlength=a.rows * width)
    return flat.reshape(a.rows, width)


def squared_norms(entries: Entries, length: int) -> FloatArray:
    """Return |sum of the `length` sentences ending before node i|² for every node i >= length."""
    n = entries.rows
    single = np.bincount(entries.row, weights=entries.weight**2, minlength=n)
    near = banded_dots(entries, entries, np.arange(n + 1) + 1, 2)  # near[s, g-1] = x_s . x_s+g
    node = np.zeros(n + 1)
    for d in range(length):  # sentence s = i-1-d of the span, with the ones after it
        s = slice(length - 1 - d, n - d)
        node[length:] += single[s]
        for gap in range(1, d + 1):
            node[length:] += 2 * near[s, gap - 1]
    return node
