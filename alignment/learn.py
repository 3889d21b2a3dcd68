"""Translation pairs learned from the document pair itself (the bootstrap between passes)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from alignment.ibm1 import expected_counts
from alignment.lexicon import MIN_COUNT, MIN_SHARE, word_stems

MAX_PAIRS = 2000  # beads used for learning; more adds time, not much knowledge
BeadSides = tuple[tuple[int, ...], tuple[int, ...]]


def merge_links(*tables: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Union several Russian stem → English stems tables."""
    out: dict[str, frozenset[str]] = {}
    for table in tables:
        for ru, en in table.items():
            out[ru] = out[ru] | en if ru in out else en
    return out


def document_links(
    src: Sequence[Sequence[str]], tgt: Sequence[Sequence[str]], beads: Sequence[BeadSides]
) -> dict[str, frozenset[str]]:
    """Learn Russian stem → English stems pairs from the beads of this document (its words)."""
    step = max(1, len(beads) // MAX_PAIRS)
    pairs = []
    for s, t in beads[::step]:
        ru = [w for i in s for w in word_stems(src[i])]
        en = [w for j in t for w in word_stems(tgt[j])]
        pairs.append((ru, en))
    counts = expected_counts(pairs)
    totals: dict[str, float] = {}
    for (ru, _), c in counts.items():
        totals[ru] = totals.get(ru, 0.0) + c
    links: dict[str, set[str]] = {}
    for (ru, en), c in counts.items():
        if c >= MIN_COUNT and c >= MIN_SHARE * totals[ru]:
            links.setdefault(ru, set()).add(en)
    return {ru: frozenset(en) for ru, en in links.items()}
