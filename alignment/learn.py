"""Translation pairs learned from the document pair itself (the bootstrap between passes)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from alignment.concepts import Word
from alignment.ibm1 import NULL, em_counts
from alignment.vectors import IntArray, Tokens, stable_order

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
    ids: dict[str, int] = {NULL: 0} if null_first else {}
    of_word = np.fromiter(
        (ids.setdefault(w.stem, len(ids)) if w.text.isalpha() else -1 for w in words),
        dtype=np.int64,
        count=len(words),
    )
    stem = of_word[tokens.word] if tokens.word.size else tokens.word
    keep = stem >= 0
    if tokens.rows >= COMMON_MIN_SENTENCES:  # "the", "of", "и": no pair to learn, many entries
        df = _sentence_counts(tokens.row[keep], stem[keep], len(ids))
        keep &= df[np.maximum(stem, 0)] <= COMMON_SHARE * tokens.rows
    return tokens.row[keep], stem[keep], list(ids)


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
    s_len = s_len + 1  # the NULL word of every bead
    size = s_len * t_len
    bead = np.repeat(np.arange(len(beads)), size)
    offset = np.arange(bead.size) - np.repeat(np.cumsum(size) - size, size)
    r_pos, e_pos = np.divmod(offset, t_len[bead])
    ru = np.where(r_pos == 0, 0, s_stem[np.maximum(s_start[bead] + r_pos - 1, 0)])
    token = t_start[bead] + e_pos
    counts = em_counts(ru, t_stem[token], token, ru_words, en_words)
    return _links(counts)


def _links(counts: dict[tuple[str, str], float]) -> dict[str, frozenset[str]]:
    """Keep the pairs with enough expected count and share of their Russian word."""
    totals: dict[str, float] = {}
    for (ru, _), c in counts.items():
        totals[ru] = totals.get(ru, 0.0) + c
    links: dict[str, set[str]] = {}
    for (ru, en), c in counts.items():
        if c >= MIN_COUNT and c >= MIN_SHARE * totals[ru]:
            links.setdefault(ru, set()).add(en)
    return {ru: frozenset(en) for ru, en in links.items()}
