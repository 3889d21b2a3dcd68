"""Which glossary terms an aligned pair contains, and how its translation renders each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import NamedTuple

from app.services.terms.english import Hit, find_renderings, find_variants
from app.services.terms.records import TermRecord
from app.services.terms.russian import (
    WILDCARD,
    FormPattern,
    Match,
    compile_form,
    find_forms,
    text_keys,
    tokens,
)


@dataclass(frozen=True)
class Located:
    """A rendering found in one target segment (by index within the pair)."""

    segment: int
    hit: Hit


@dataclass(frozen=True)
class TermUse:
    """One term in one pair: where the original has it, what the translation uses."""

    entry: TermRecord
    source: tuple[Match, ...]
    approved: tuple[Located, ...]
    forbidden: tuple[Located, ...]
    variants: tuple[Located, ...]

    @property
    def rendered(self) -> int:
        """Return how many renderings of any kind the translation has."""
        return len(self.approved) + len(self.forbidden) + len(self.variants)


# Lines a translation routinely shortens: distribution lists drop the title before a name,
# signatures become "[signature]"; a missing rendering there is not worth a finding.
ABRIDGED_KINDS = frozenset({"list", "signature"})


class Pair(NamedTuple):
    """An aligned pair as text: the original (joined), the translation's segments, the kinds.

    A tuple of strings: hashed and compared in C, and left alone by the garbage collector, so
    remembering the findings of many pairs (terms/remembered.py) costs little.
    """

    src: str
    tgt: tuple[str, ...]
    src_kinds: tuple[str, ...] = ()

    @property
    def abridged(self) -> bool:
        """Tell whether the original consists of lines a translation may shorten."""
        return bool(self.src_kinds) and set(self.src_kinds) <= ABRIDGED_KINDS

    @property
    def one_sided(self) -> bool:
        """Tell whether one side is empty (an omission, not a matter for term checks)."""
        return not self.src.strip() or not any(t.strip() for t in self.tgt)


class TermIndex:
    """A glossary prepared for matching (compile once, analyse many pairs)."""

    def __init__(self, entries: Sequence[TermRecord]) -> None:
        self.entries = list(entries)

    @cached_property
    def patterns(self) -> list[tuple[TermRecord, list[FormPattern]]]:
        """Return each entry with its compiled Russian forms."""
        compiled = []
        for entry in self.entries:
            forms = [p for p in (compile_form(f) for f in entry.russian()) if p]
            if forms:
                compiled.append((entry, forms))
        return compiled

    @cached_property
    def by_first_key(self) -> tuple[dict[str, list[int]], list[int]]:
        """Return which entries (by place in `patterns`) have a form starting with each key.

        Second, the entries with a form starting with a wildcard (they may occur anywhere).
        """
        starting: dict[str, list[int]] = {}
        anywhere = []
        for i, (_, forms) in enumerate(self.patterns):
            first_keys = set().union(*(form.keys[0] for form in forms))
            for key in first_keys:
                starting.setdefault(key, []).append(i)
            if any(form.words[0].text == WILDCARD for form in forms):
                anywhere.append(i)
        return starting, anywhere

    def in_source(self, text: str) -> list[tuple[TermRecord, list[Match]]]:
        """Return the entries whose forms occur in a Russian text, with where they occur."""
        if not self.patterns:
            return []
        words = tokens(text)
        keys = text_keys(words)
        starting, anywhere = self.by_first_key
        candidates = {i for key in keys for i in starting.get(key, ())}.union(anywhere)
        found = []
        for i in sorted(candidates):  # in glossary order, as without the index
            entry, forms = self.patterns[i]
            possible = [form for form in forms if form.may_occur(keys)]
            matches = find_forms(text, possible, words) if possible else []
            if matches:
                found.append((entry, matches))
        return found

    def uses(self, pair: Pair) -> list[TermUse]:
        """Return the terms the pair's original contains, with their renderings.

        A term found only inside a longer term ("ВНС" in "Президиума ВНС", "Ким Ир" in
        "Ким Ир Сена") is left to the longer one, as glossary tools match the longest term; so
        is a forbidden rendering inside another term's longer one ("VNS" in "VNS Presidium").
        """
        found = self.in_source(pair.src)
        spans = [(m.start, m.end) for _, matches in found for m in matches]
        uses = []
        for entry, matches in found:
            free = tuple(m for m in matches if not _inside_longer(m.start, m.end, spans))
            if free:
                uses.append(use_in_translation(entry, free, pair.tgt))
        return _without_nested_forbidden(uses)


def _inside_longer(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e and e - s > end - start for s, e in spans)


def _without_nested_forbidden(uses: list[TermUse]) -> list[TermUse]:
    by_segment: dict[int, list[tuple[int, int]]] = {}
    for use in uses:
        for x in use.forbidden:
            by_segment.setdefault(x.segment, []).append((x.hit.start, x.hit.end))
    return [
        replace(
            use,
            forbidden=tuple(
                x
                for x in use.forbidden
                if not _inside_longer(x.hit.start, x.hit.end, by_segment[x.segment])
            ),
        )
        for use in uses
    ]


def locate(segments: Sequence[str], find: Callable[[str], list[Hit]]) -> tuple[Located, ...]:
    """Run a finder over each segment and keep the segment index."""
    return tuple(Located(i, hit) for i, text in enumerate(segments) for hit in find(text))


def use_in_translation(
    entry: TermRecord, source: tuple[Match, ...], segments: Sequence[str]
) -> TermUse:
    """Find the entry's approved, forbidden and variant renderings in the target segments."""
    cs = entry.case_sensitive
    approved = locate(segments, lambda t: find_renderings(t, entry.approved_renderings(), cs))
    forbidden = locate(segments, lambda t: find_renderings(t, entry.forbidden, cs))
    variants: tuple[Located, ...] = ()
    if entry.preferred:
        taken = {(x.segment, x.hit.start) for x in approved + forbidden}
        known = entry.renderings()
        variants = tuple(
            v
            for v in locate(segments, lambda t: find_variants(t, entry.preferred, known, cs))
            if (v.segment, v.hit.start) not in taken
        )
    return TermUse(entry, source, approved, forbidden, variants)
