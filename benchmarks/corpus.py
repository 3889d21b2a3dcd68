"""Parallel test texts of any size: deterministic synthetic Russian-English sentence pairs.

Words are drawn with Zipf-like frequencies from the core lexicon (a Russian form and one of
its English renderings), with numbers and transliterated names mixed in, so that the texts
have the statistics the aligner relies on without repeating any real document. Some pairs
are merged (2-1, 1-2) and a run of sentences is dropped from each side, as in real
partial translations.
"""

from __future__ import annotations

import itertools
import random

from alignment.corebuild import parse_entries
from alignment.lexicon import CORE_TEXT
from alignment.translit import romanize

SYLLABLES = ["ка", "ро", "ми", "ан", "тов", "ле", "ну", "шин", "за", "пол", "вер", "ги"]


def _vocabulary() -> list[tuple[str, str]]:
    entries = parse_entries(CORE_TEXT.read_text(encoding="utf-8"))
    return [(ru[0], en[0]) for ru, en in entries if ru and en and " " not in ru[0]]


def _name(rng: random.Random) -> tuple[str, str]:
    ru = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize() + "ов"
    return ru, romanize(ru).capitalize()


def sentence_pair(
    rng: random.Random, vocab: list[tuple[str, str]], weights: list[float]
) -> tuple[str, str]:
    """Return one Russian sentence and its English counterpart."""
    ru_words, en_words = [], []
    for _ in range(rng.randint(4, 25)):
        roll = rng.random()
        if roll < 0.05:
            number = str(rng.randint(1, 3000))
            ru_words.append(number)
            en_words.append(number)
        elif roll < 0.10:
            ru, en = _name(rng)
            ru_words.append(ru)
            en_words.append(en)
        else:
            ru, en = rng.choices(vocab, cum_weights=weights)[0]
            ru_words.append(ru)
            en_words.extend([en] if rng.random() < 0.7 else ["the", en])
    return " ".join(ru_words).capitalize() + ".", " ".join(en_words).capitalize() + "."


def parallel_texts(n: int, seed: int = 1) -> tuple[list[str], list[str]]:
    """Return about n Russian and n English sentences, mostly 1-1, with merges and gaps."""
    rng = random.Random(seed)
    vocab = _vocabulary()
    rng.shuffle(vocab)
    weights = list(itertools.accumulate(1.0 / (rank + 2) for rank in range(len(vocab))))
    src: list[str] = []
    tgt: list[str] = []
    gap_at = {n // 3: "tgt", (2 * n) // 3: "src"}
    while len(src) < n:
        side = gap_at.pop(len(src), None)
        ru, en = sentence_pair(rng, vocab, weights)
        if side == "tgt":  # the translation leaves out a run of the original
            src.extend(sentence_pair(rng, vocab, weights)[0] for _ in range(max(2, n // 100)))
        elif side == "src":  # the translation adds a run the original lacks
            tgt.extend(sentence_pair(rng, vocab, weights)[1] for _ in range(max(2, n // 100)))
        roll = rng.random()
        if roll < 0.04:
            src.extend(ru.split(" ", 1) if " " in ru else [ru])
            tgt.append(en)
        elif roll < 0.08:
            src.append(ru)
            tgt.extend(en.split(" ", 1) if " " in en else [en])
        else:
            src.append(ru)
            tgt.append(en)
    return src, tgt
