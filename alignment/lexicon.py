"""Russian-English translation pairs on word stems: the core list, glossary terms and learned pairs.

A `Lexicon` holds what a collection has taught the aligner: glossary terms the app passes in
(`add_term`) and pairs learned from confirmed beads (`learn`). The project's core lexicon
(`data/core_ru_en.txt`, expanded to every inflected form with pymorphy3 into
`data/core_ru_en.json`) is always used on top of it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from alignment.ibm1 import expected_counts
from alignment.tokens import is_cyrillic, stem, stem_words, words

DATA = Path(__file__).parent / "data"
CORE_TEXT = DATA / "core_ru_en.txt"
CORE_JSON = DATA / "core_ru_en.json"
FORMAT_VERSION = 1
MIN_COUNT = 1.5  # a pair learned from confirmed beads is used once seen this often...
MIN_SHARE = 0.5  # ...and it takes this share of the Russian stem's translations
BeadLike = tuple[Sequence[int], Sequence[int]]


@lru_cache(maxsize=500_000)
def ru_stem(word: str) -> str:
    """Stem a Russian word the way the lexicon keys it (lower case, ё as е)."""
    return stem(word.lower().replace("ё", "е"), "ru")


@lru_cache(maxsize=500_000)
def en_stem(word: str) -> str:
    """Stem an English word the way the lexicon stores it."""
    return stem(word.lower(), "en")


def stem_many(words: list[str], lang: str) -> list[str]:
    """Stem many words at once, as `ru_stem` or `en_stem` does one."""
    if lang == "ru":
        return stem_words([w.lower().replace("ё", "е") for w in words], "ru")
    return stem_words([w.lower() for w in words], "en")


def word_stems(sentence_words: Sequence[str]) -> list[str]:
    """Return the stems of the words of a sentence (numbers and marks left out)."""
    return [ru_stem(w) if is_cyrillic(w) else en_stem(w) for w in sentence_words if w.isalpha()]


def sentence_stems(text: str) -> list[str]:
    """Return the stems of the words of a sentence text."""
    return word_stems(words(text))


@cache
def core_pairs() -> dict[str, frozenset[str]]:
    """Load the core lexicon: Russian stem → English stems (or "n:3" number concepts)."""
    raw = json.loads(CORE_JSON.read_text(encoding="utf-8"))
    return {ru: frozenset(en) for ru, en in raw.items()}


class Lexicon:
    """Translation pairs a collection has taught the aligner, on top of the core lexicon."""

    def __init__(
        self,
        counts: Mapping[str, Mapping[str, float]] | None = None,
        terms: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self.counts: dict[str, dict[str, float]] = {
            ru: dict(en) for ru, en in (counts or {}).items()
        }
        self.terms: dict[str, set[str]] = {ru: set(en) for ru, en in (terms or {}).items()}

    def add_pair(self, ru: str, en: str, weight: float = MIN_COUNT) -> None:
        """Record evidence that Russian stem `ru` translates as English stem `en`."""
        row = self.counts.setdefault(ru, {})
        row[en] = row.get(en, 0.0) + weight

    def add_term(self, russian: str, english: str) -> None:
        """Add a glossary term: every Russian word of the term may render as any English word."""
        en_words = [w for w in sentence_stems(english) if len(w) > 1]  # not the s of "People's"
        for ru in sentence_stems(russian):
            self.terms.setdefault(ru, set()).update(en_words)

    def learn(
        self, src: Sequence[object], tgt: Sequence[object], beads: Iterable[BeadLike]
    ) -> None:
        """Learn translation pairs from confirmed beads (IBM Model 1 expected counts)."""
        pairs = [
            (_joined_stems(src, s, "ru"), _joined_stems(tgt, t, "en"))
            for s, t in beads
            if len(s) and len(t)
        ]
        for (ru, en), count in expected_counts(pairs).items():
            self.add_pair(ru, en, count)

    def links(self) -> dict[str, frozenset[str]]:
        """Return glossary pairs and learned pairs with enough evidence: Russian → English stems."""
        out = {ru: frozenset(en) for ru, en in self.terms.items() if en}
        for ru, row in self.counts.items():
            total = sum(row.values())
            good = {en for en, c in row.items() if c >= MIN_COUNT and c >= MIN_SHARE * total}
            if good:
                out[ru] = out.get(ru, frozenset()) | good
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-able dict (see `from_dict`)."""
        counts = {ru: dict(sorted(row.items())) for ru, row in sorted(self.counts.items())}
        terms = {ru: sorted(en) for ru, en in sorted(self.terms.items())}
        return {
            "format": "sverka-lexicon",
            "version": FORMAT_VERSION,
            "counts": counts,
            "terms": terms,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Lexicon:
        """Rebuild a lexicon from `to_dict` output."""
        if data.get("format") != "sverka-lexicon":
            raise ValueError("not a Sverka lexicon")
        return cls(data.get("counts", {}), data.get("terms", {}))

    def save(self, path: str | Path) -> None:
        """Write the lexicon to a JSON file."""
        Path(path).write_text(json.dumps(self.to_dict(), ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> Lexicon:
        """Read a lexicon written by `save`."""
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def __len__(self) -> int:
        return sum(len(row) for row in self.counts.values()) + sum(map(len, self.terms.values()))


def _joined_stems(sentences: Sequence[object], ids: Sequence[int], lang: str) -> list[str]:
    return [w for i in ids for w in sentence_stems(str(sentences[i]))]
