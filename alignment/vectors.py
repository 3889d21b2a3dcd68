"""Sentences as sparse weighted bags of shared concepts, and their dot products inside a band.

A sentence's vector puts weight on the concepts of its words (`concepts.py`), each counted
once, weighted by inverse document frequency. Vectors are kept as flat arrays of
(sentence, concept, weight) entries sorted by sentence; concepts are numbered afresh in
every call, so that they are small numbers numpy can sort by radix.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

import numpy as np

from alignment.arrays import BoolArray, FloatArray, IntArray, stable_order
from alignment.concepts import Concepts
from alignment.tokens import BREAK, words_with_breaks

Translations = Mapping[str, frozenset[str]]
# In long texts, concepts in more than this share of sentences ("and", "the") are left out:
# they weigh little (low idf) and would make the banded dot products cost quadratic time.
COMMON_SHARE = 0.1
COMMON_MIN_SENTENCES = 1000
Bag = tuple[IntArray, IntArray, FloatArray]  # (sentence, concept, share) per entry
_IDS, _SHARES = itemgetter(0), itemgetter(1)  # the parts of `Concepts`


@dataclass(frozen=True, slots=True)
class Entries:
    """Sparse vectors: entry k puts `weight[k]` on concept `concept[k]` of row `row[k]`."""

    row: IntArray
    concept: IntArray
    weight: FloatArray
    rows: int


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of one side: token k is word `vocab[word[k]]` of sentence `row[k]`."""

    row: IntArray
    word: IntArray
    vocab: list[str]
    rows: int

    @classmethod
    def of(cls, sentences: Sequence[str]) -> Tokens:
        """Split sentences into words (`tokens.words`) and number the words."""
        flat = words_with_breaks(sentences)
        vocab = list(dict.fromkeys(flat))
        if BREAK in vocab:
            vocab.remove(BREAK)
        ids = dict(zip(vocab, range(len(vocab)), strict=True))
        ids[BREAK] = -1
        word = np.fromiter(map(ids.__getitem__, flat), dtype=np.int64, count=len(flat))
        is_break = word < 0
        row = np.cumsum(is_break)[~is_break]
        return cls(row.astype(np.int64), word[~is_break], vocab, len(sentences))


class ConceptVectors:
    """Both sides' sparse concept vectors, weighted by inverse document frequency.

    Built again after learning, it keeps a side's bag of concepts when that side's words
    kept their concepts and no concept was added.
    """

    def __init__(self, sides: tuple[Tokens, Tokens]) -> None:
        self.sides = sides
        self.expanded: list[list[Concepts] | None] = [None, None]
        self.ids: list[IntArray] = []
        self.numbers = np.zeros(0, dtype=np.int64)
        self.bags: list[Bag] = []

    def build(self, expanded: tuple[list[Concepts], list[Concepts]]) -> tuple[Entries, Entries]:
        """Return both sides' vectors; `expanded` holds the concepts of every vocabulary word
        of each side (`WordTable.expand`)."""
        same = [e is kept for e, kept in zip(expanded, self.expanded, strict=True)]
        ids = [
            self.ids[k] if same[k] else np.fromiter(chain.from_iterable(map(_IDS, e)), np.int64)
            for k, e in enumerate(expanded)
        ]
        numbers, local = np.unique(np.concatenate(ids), return_inverse=True)
        if not np.array_equal(numbers, self.numbers):
            same = [False, False]
        locals_ = (local[: ids[0].size], local[ids[0].size :])
        bags = [
            self.bags[k] if same[k] else _bag(self.sides[k], expanded[k], locals_[k], numbers.size)
            for k in range(2)
        ]
        self.expanded, self.ids, self.numbers, self.bags = list(expanded), ids, numbers, bags
        return _weighed(bags, self.sides, numbers.size)


def _weighed(
    bags: list[Bag], sides: tuple[Tokens, Tokens], n_concepts: int
) -> tuple[Entries, Entries]:
    """Weigh both sides' entries by inverse document frequency, leaving out common concepts."""
    src, tgt = bags
    df = np.bincount(src[1], minlength=n_concepts) + np.bincount(tgt[1], minlength=n_concepts)
    n_sentences = sides[0].rows + sides[1].rows
    idf = np.log((n_sentences + 1.0) / (df.astype(np.float64) + 0.5))
    common = (df > COMMON_SHARE * n_sentences) & (n_sentences >= COMMON_MIN_SENTENCES)
    return _entries(src, idf, common, sides[0].rows), _entries(tgt, idf, common, sides[1].rows)


def _bag(side: Tokens, expanded: list[Concepts], ids: IntArray, n_concepts: int) -> Bag:
    """Expand every token of one side into its word's concepts (`ids` numbered per call)."""
    sizes = np.fromiter(map(len, map(_IDS, expanded)), dtype=np.int64, count=len(expanded))
    shares = np.fromiter(chain.from_iterable(map(_SHARES, expanded)), dtype=np.float64)
    start = np.cumsum(sizes) - sizes
    per_token = sizes[side.word]
    token = np.repeat(np.arange(side.word.size), per_token)
    offset = np.arange(token.size) - np.repeat(np.cumsum(per_token) - per_token, per_token)
    pick = start[side.word[token]] + offset
    return _dedupe(side.row[token], ids[pick], shares[pick], n_concepts, side.rows)


def _dedupe(row: IntArray, concept: IntArray, share: FloatArray, n_concepts: int, rows: int) -> Bag:
    """Keep one entry per (row, concept) with the largest share, sorted by row.

    Entries come sorted by row: a stable sort by concept sorts them by (concept, row).
    """
    order = stable_order(concept, n_concepts)
    c, r = concept[order], row[order]
    first = np.ones(order.size, dtype=bool)
    first[1:] = (c[1:] != c[:-1]) | (r[1:] != r[:-1])
    starts = np.flatnonzero(first)
    best = np.maximum.reduceat(share[order], starts) if order.size else share[order]
    by_row = stable_order(r[starts], rows + 1)
    return r[starts][by_row], c[starts][by_row], best[by_row]


def _entries(bag: Bag, idf: FloatArray, common: BoolArray, rows: int) -> Entries:
    """Weigh a side's entries by idf, leaving out the common concepts."""
    keep = ~common[bag[1]]
    return Entries(bag[0][keep], bag[1][keep], bag[2][keep] * idf[bag[1][keep]], rows)


def row_slice(entries: Entries, start: int, stop: int) -> Entries:
    """Keep the rows start..stop-1 of sparse vectors sorted by row, renumbered from 0."""
    first, last = np.searchsorted(entries.row, [start, stop], side="left")
    return Entries(
        entries.row[first:last] - start,
        entries.concept[first:last],
        entries.weight[first:last],
        stop - start,
    )


class ConceptIndex:
    """Sparse vectors sorted by (concept, row), to find a concept's rows in a range fast."""

    def __init__(self, entries: Entries, bound: int) -> None:
        self.entries = entries
        self.bound = bound  # concepts are below this
        self.stride = entries.rows + 1
        self.order = stable_order(entries.concept, bound)  # entries come sorted by row
        self.keys = entries.concept[self.order] * self.stride + entries.row[self.order]


def concept_bound(*sides: Entries) -> int:
    """Return a number above every concept of the given vectors."""
    return int(max(s.concept.max(initial=0) for s in sides)) + 1


def banded_dots(a: Entries, b: ConceptIndex, lo: IntArray, width: int) -> FloatArray:
    """Return out[i, k] = dot(a_i, b_(lo[i]+k)) for every row i of `a` and k < width."""
    stride = b.stride
    # queries in (concept, row) order: with lo non-decreasing they come sorted, which makes
    # the binary searches walk forward instead of jumping around
    by_concept = stable_order(a.concept, b.bound)
    a_row, a_weight = a.row[by_concept], a.weight[by_concept]
    first = a.concept[by_concept] * stride + lo[a_row]
    start = np.searchsorted(b.keys, first, side="left")
    room = np.clip(stride - lo[a_row], 0, width)
    end = np.searchsorted(b.keys, first + room, side="left")
    counts = end - start
    entry = np.repeat(np.arange(a_row.size), counts)
    offsets = np.cumsum(counts) - counts
    hit = b.order[start[entry] + np.arange(entry.size) - offsets[entry]]
    cell = a_row[entry] * width + (b.entries.row[hit] - lo[a_row[entry]])
    values = a_weight[entry] * b.entries.weight[hit]
    flat = np.bincount(cell, weights=values, minlength=a.rows * width).astype(np.float64)
    out: FloatArray = flat.reshape(a.rows, width)
    return out


def near_dots(entries: Entries, gaps: int) -> FloatArray:
    """Return out[s, g-1] = dot(x_s, x_(s+g)) for g = 1..gaps (0 past the last sentence)."""
    order = stable_order(entries.concept, concept_bound(entries))
    c, r, w = entries.concept[order], entries.row[order], entries.weight[order]
    out = np.zeros((entries.rows, gaps))
    for gap in range(1, gaps + 1):
        # a concept is once per sentence: a partner `gap` sentences on is at most `gap` entries on
        for step in range(1, min(gap, r.size) + 1):
            hit = (c[step:] == c[:-step]) & (r[step:] - r[:-step] == gap)
            product = w[:-step][hit] * w[step:][hit]
            out[:, gap - 1] += np.bincount(r[:-step][hit], weights=product, minlength=entries.rows)
    return out


def span_norms(entries: Entries, longest: int) -> list[FloatArray]:
    """Return, per span length L <= longest, |sum of the L sentences ending before node i|²."""
    n = entries.rows
    single = np.bincount(entries.row, weights=entries.weight**2, minlength=n)
    near = near_dots(entries, max(longest - 1, 1))  # near[s, g-1] = x_s . x_s+g
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
