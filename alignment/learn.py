"""Translation pairs learned from the document pair itself (the bootstrap between passes)."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import numpy as np

from alignment.arrays import IntArray, stable_order
from alignment.concepts import Word
from alignment.ibm1 import ITERATIONS, NULL, em_arrays
from alignment.vectors import Tokens

MAX_PAIRS = 2000  # beads used for learning; more adds time, not much knowledge
MIN_COUNT = 2.0  # unconfirmed beads: a pair needs more evidence than from confirmed ones
MIN_SHARE = 0.3  # ...and this share of the Russian word's translations (looser: one text is little)
COMMON_SHARE = 0.3  # in texts of COMMON_MIN_SENTENCES or more, words in more than this share
COMMON_MIN_SENTENCES = 100  # of the sentences are left out of learning
BeadSides = tuple[tuple[int, ...], tuple[int, ...]]


def merge_links(*tables: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Union several Russian stem → English stems tables."""
    out: dict[str, frozenset[str]] = {}
    for table in tables:
        for ru, en in table.items():
            out[ru] = out[ru] | en if ru in out else en
    return out


def new_links(
    found: Mapping[str, frozenset[str]], *known: Mapping[str, frozenset[str]]
) -> dict[str, frozenset[str]]:
    """Keep the found pairs the `known` tables do not already have."""
    out = {}
    for ru, en in found.items():
        missing = en.difference(*(table.get(ru, ()) for table in known))
        if missing:
            out[ru] = missing
    return out


def _stemmed(
    tokens: Tokens, words: list[Word], null_first: bool
) -> tuple[IntArray, IntArray, list[str]]:
    """Return (sentence, stem id) of every word token (numbers and marks left out), and stems."""
    stems: list[str | None] = [w.stem if w.alpha else None for w in words]
    ids: dict[str | None, int] = dict.fromkeys([NULL] if null_first else [], 0)
    ids.update(zip(dict.fromkeys(filter(None, stems)), itertools.count(len(ids))))
    kept = [s for s in ids if s is not None]
    ids[None] = -1  # not a word: left out
    of_word = np.fromiter(map(ids.__getitem__, stems), dtype=np.int64, count=len(stems))
    stem = of_word[tokens.word] if tokens.word.size else tokens.word
    keep = stem >= 0
    if tokens.rows >= COMMON_MIN_SENTENCES:  # "the", "of", "и": no pair to learn, many entries
        df = _sentence_counts(tokens.row[keep], stem[keep], len(kept))
        keep &= df[np.maximum(stem, 0)] <= COMMON_SHARE * tokens.rows
    return tokens.row[keep], stem[keep], kept


def _sentence_counts(rows: IntArray, stems: IntArray, n_stems: int) -> IntArray:
    """Return in how many sentences each stem occurs (tokens come sorted by sentence)."""
    order = stable_order(stems, n_stems)  # by (stem, sentence)
    s, r = stems[order], rows[order]
    first = np.ones(order.size, dtype=bool)
    first[1:] = (s[1:] != s[:-1]) | (r[1:] != r[:-1])
    return np.bincount(s[first], minlength=n_stems)


def _ranges(rows: IntArray, n: int, beads: Sequence[tuple[int, ...]]) -> tuple[IntArray, IntArray]:
    """Return the start and length of each bead's tokens (a bead's sentences are contiguous)."""
    start_of = np.searchsorted(rows, np.arange(n + 1))
    first = np.array([b[0] for b in beads], dtype=np.int64)
    last = np.array([b[-1] + 1 for b in beads], dtype=np.int64)
    return start_of[first], start_of[last] - start_of[first]


def document_links(
    tokens: tuple[Tokens, Tokens],
    words: tuple[list[Word], list[Word]],
    beads: Sequence[BeadSides],
) -> dict[str, frozenset[str]]:
    """Learn Russian stem → English stems pairs from the paired beads of this document.

    `words` are the sides' vocabularies as `concepts.WordTable.lookup` gives them.
    """
    beads = [b for b in beads if b[0] and b[1]]
    beads = beads[:: max(1, len(beads) // MAX_PAIRS)]
    if not beads:
        return {}
    src, tgt = tokens
    s_rows, s_stem, ru_words = _stemmed(src, words[0], True)
    t_rows, t_stem, en_words = _stemmed(tgt, words[1], False)
    s_start, s_len = _ranges(s_rows, src.rows, [b[0] for b in beads])
    t_start, t_len = _ranges(t_rows, tgt.rows, [b[1] for b in beads])
    ru, token = _cooccurrences(s_stem, s_start, s_len, t_start, t_len)
    pair_ru, pair_en, counts = em_arrays(ru, t_stem[token], token, len(en_words), ITERATIONS)
    # the pairs with enough expected count and share of their Russian word
    totals = np.bincount(pair_ru, weights=counts)[pair_ru]
    good = np.flatnonzero((counts >= MIN_COUNT) & (counts >= MIN_SHARE * totals))
    links: dict[str, set[str]] = {}
    for r, e in zip(pair_ru[good].tolist(), pair_en[good].tolist(), strict=True):
        links.setdefault(ru_words[r], set()).add(en_words[e])
    return {ru: frozenset(en) for ru, en in links.items()}


def _cooccurrences(
    s_stem: IntArray, s_start: IntArray, s_len: IntArray, t_start: IntArray, t_len: IntArray
) -> tuple[IntArray, IntArray]:
    """List every (Russian stem or NULL, English token) meeting in a bead: the stem id (0 for
    NULL) and the token's position. Bead k has s_len[k] Russian tokens from s_start[k]."""
    size = (s_len + 1) * t_len  # the NULL word of every bead
    bead = np.repeat(np.arange(size.size), size)
    offset = np.arange(bead.size)
    offset -= np.repeat(np.cumsum(size) - size, size)
    width = t_len[bead]
    r_pos = offset // width  # 0 for NULL, else 1 + the Russian token's place in the bead
    offset -= np.multiply(r_pos, width, out=width)  # now the English token's place
    at = s_start[bead]
    at += r_pos
    at -= 1
    ru = np.append(s_stem, 0)[np.maximum(at, 0, out=at)]  # (a side may have no words at all)
    ru[r_pos == 0] = 0
    token = t_start[bead]
    token += offset
    return ru, token
