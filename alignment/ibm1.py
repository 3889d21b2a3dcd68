"""IBM Model 1 on aligned sentence pairs, vectorised: which English words render a Russian one."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]

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
    if ru_ids.size == 0:
        return {}
    n_en = len(en_words)
    pair_keys, pair_of = np.unique(ru_ids * n_en + en_ids, return_inverse=True)
    pair_ru = pair_keys // n_en
    prob = np.ones(pair_keys.size)
    counts = prob
    for _ in range(iterations):
        share = prob[pair_of]
        share /= np.bincount(token_ids, weights=share)[token_ids]
        counts = np.bincount(pair_of, weights=share, minlength=pair_keys.size)
        prob = counts / np.bincount(pair_ru, weights=counts)[pair_ru]
    keep = np.flatnonzero((counts >= MIN_EXPECTED) & (pair_ru != 0))
    return {(ru_words[pair_ru[k]], en_words[pair_keys[k] % n_en]): float(counts[k]) for k in keep}


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
