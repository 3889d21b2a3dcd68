"""IBM Model 1 on aligned sentence pairs, vectorised: which English words render a Russian one."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from alignment.arrays import FloatArray, IntArray, stable_order
from alignment.compiled import kernels

NULL = "<null>"  # Russian "empty word": English function words with no source go here
ITERATIONS = 5
MIN_EXPECTED = 0.5  # expected counts below this are dropped from the result


def expected_counts(
    pairs: Sequence[tuple[Sequence[str], Sequence[str]]], iterations: int = ITERATIONS
) -> dict[tuple[str, str], float]:
    """Run EM for t(english | russian) and return the final expected counts per word pair.

    >>> pairs = [(["дом"], ["house"]), (["дом", "больш"], ["big", "house"]),
    ...          (["больш"], ["big"])]
    >>> counts = expected_counts(pairs)
    >>> counts[("дом", "house")] > 1.0, ("дом", "big") in counts
    (True, False)
    """
    ru_vocab: dict[str, int] = {NULL: 0}
    en_vocab: dict[str, int] = {}
    ru_ids, en_ids, token_ids = _cooccurrences(pairs, ru_vocab, en_vocab)
    return em_counts(ru_ids, en_ids, token_ids, list(ru_vocab), list(en_vocab), iterations)


def em_counts(
    ru_ids: IntArray,
    en_ids: IntArray,
    token_ids: IntArray,
    ru_words: Sequence[str],
    en_words: Sequence[str],
    iterations: int = ITERATIONS,
) -> dict[tuple[str, str], float]:
    """Run EM on co-occurrences: entry k says Russian word ru_ids[k] (0 = NULL) meets English
    token token_ids[k], an occurrence of word en_ids[k]."""
    ru, en, counts = em_arrays(ru_ids, en_ids, token_ids, len(en_words), iterations)
    return {
        (ru_words[r], en_words[e]): c
        for r, e, c in zip(ru.tolist(), en.tolist(), counts.tolist(), strict=True)
    }


def em_arrays(
    ru_ids: IntArray, en_ids: IntArray, token_ids: IntArray, n_en: int, iterations: int
) -> tuple[IntArray, IntArray, FloatArray]:
    """Run EM (see `em_counts`); return (Russian id, English id, expected count) of the pairs
    with an expected count of at least MIN_EXPECTED, NULL left out."""
    if ru_ids.size == 0:
        return ru_ids, en_ids, np.zeros(0)
    pair_keys, pair_of = _numbered(ru_ids * n_en + en_ids)
    pair_ru = pair_keys // n_en
    share = 1.0 / np.bincount(token_ids)[token_ids]  # all pairs equally likely at first
    counts = np.asarray(
        np.bincount(pair_of, weights=share, minlength=pair_keys.size), dtype=np.float64
    )
    loops = kernels()
    if loops is None:
        counts = _iterate(pair_of, token_ids, pair_ru, counts, iterations - 1)
    else:
        token_ids = np.ascontiguousarray(token_ids, dtype=np.int64)
        buffers = (
            np.empty(token_ids.max() + 1),
            np.empty(pair_ru.max() + 1),
            np.empty_like(counts),
        )
        loops.em_counts(pair_of, token_ids, pair_ru, counts, share, *buffers, iterations - 1)
    keep = np.flatnonzero((counts >= MIN_EXPECTED) & (pair_ru != 0))
    return pair_ru[keep], pair_keys[keep] % n_en, np.asarray(counts[keep], dtype=np.float64)


def _iterate(
    pair_of: IntArray, token_ids: IntArray, pair_ru: IntArray, counts: FloatArray, n: int
) -> FloatArray:
    """Run n more EM iterations in numpy (the compiled loops do the same, bit for bit)."""
    share, spread = np.empty(pair_of.size), np.empty(pair_of.size)  # reused by every iteration
    for _ in range(n):
        prob = counts / np.bincount(pair_ru, weights=counts)[pair_ru]
        np.take(prob, pair_of, out=share)
        share /= np.take(np.bincount(token_ids, weights=share), token_ids, out=spread)
        counts = np.asarray(
            np.bincount(pair_of, weights=share, minlength=counts.size), dtype=np.float64
        )
    return counts


def _numbered(keys: IntArray) -> tuple[IntArray, IntArray]:
    """Return the distinct keys, sorted, and the number of each key among them."""
    order = stable_order(keys, int(keys.max()) + 1)
    ordered = keys[order]
    first = np.ones(keys.size, dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    number = np.empty(keys.size, dtype=np.int64)
    number[order] = np.cumsum(first) - 1
    return ordered[first], number


def _cooccurrences(
    pairs: Sequence[tuple[Sequence[str], Sequence[str]]],
    ru_vocab: dict[str, int],
    en_vocab: dict[str, int],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """List every (Russian word, English token) meeting in a pair, with the token's number."""
    ru_parts, en_parts, tok_parts = [], [], []
    n_tokens = 0
    for ru, en in pairs:
        if not en:
            continue
        r = np.array([0] + [ru_vocab.setdefault(w, len(ru_vocab)) for w in ru], dtype=np.int64)
        e = np.array([en_vocab.setdefault(w, len(en_vocab)) for w in en], dtype=np.int64)
        tokens = np.arange(n_tokens, n_tokens + e.size, dtype=np.int64)
        n_tokens += e.size
        ru_parts.append(np.repeat(r, e.size))
        en_parts.append(np.tile(e, r.size))
        tok_parts.append(np.tile(tokens, r.size))
    if not ru_parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    return np.concatenate(ru_parts), np.concatenate(en_parts), np.concatenate(tok_parts)
