"""Finding English renderings as whole words, with an optional plural, and their spelling variants.

"Supreme People's Assembly" matches with either apostrophe and any run of spaces; a rendering
ending in a lower-case letter also matches its plural ("farm cooperatives"), whose ending is
kept apart so a replacement can carry it over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from app.services.terms.spans import outermost

_APOSTROPHES = "'’"
_HYPHENS = "-‐‑"
_HYPHEN_CLASS = r"\-‐‑"
_PLURAL = r"(?P<plural>(?<=[sxz])es|(?<=[cs]h)es|s)?"


@dataclass(frozen=True)
class Hit:
    """A rendering found in a text: its span (plural ending excluded), what it matched."""

    start: int
    end: int
    rendering: str
    found: str
    plural: str = ""


# "..." in a rendering stands for one word: "... copies printed" matches "Five copies printed".
WILDCARD = "..."


def _word(word: str) -> str:
    if word == WILDCARD:
        return r"[^\s\[\]()]+"
    return "".join(_piece(c) for c in word)


def _piece(char: str) -> str:
    if char in _APOSTROPHES:
        return f"[{_APOSTROPHES}]"
    if char in _HYPHENS:
        return f"[{_HYPHEN_CLASS}]"
    return re.escape(char)


@lru_cache(maxsize=10_000)
def rendering_regex(rendering: str, case_sensitive: bool) -> re.Pattern[str]:
    """Compile a rendering into a whole-word pattern (spaces flexible, plural optional)."""
    body = r"\s+".join(_word(word) for word in rendering.split())
    head = r"(?<!\w)" if rendering[:1].isalnum() else ""
    tail = ""
    if rendering[-1:].islower():
        tail = _PLURAL + r"(?!\w)"
    elif rendering[-1:].isalnum():
        tail = r"(?!\w)"
    return re.compile(head + body + tail, 0 if case_sensitive else re.IGNORECASE)


def find_renderings(text: str, renderings: Iterable[str], case_sensitive: bool) -> list[Hit]:
    """Return where any of the renderings occurs; a longer rendering wins over one inside it."""
    hits = []
    for rendering in renderings:
        for m in rendering_regex(rendering, case_sensitive).finditer(text):
            plural = m.groupdict().get("plural") or ""
            end = m.end() - len(plural)
            hits.append(Hit(m.start(), end, rendering, text[m.start() : end], plural))
    return outermost(hits)


@lru_cache(maxsize=10_000)
def variant_regex(rendering: str) -> re.Pattern[str] | None:
    """Compile a pattern for the rendering's letters with any spacing, hyphens or case."""
    pieces = re.findall(r"[^\W_]+", rendering)
    if not pieces or WILDCARD in rendering:
        return None
    gap = rf"[\s{_HYPHEN_CLASS}{_APOSTROPHES}]*"
    head = r"(?<!\w)" if rendering[:1].isalnum() else ""
    return re.compile(head + gap.join(map(re.escape, pieces)) + r"(?!\w)", re.IGNORECASE)


def same_spelling(a: str, b: str, case_sensitive: bool) -> bool:
    """Tell whether two renderings are written alike (spaces and apostrophes normalised)."""

    def norm(s: str) -> str:
        s = " ".join(s.replace("’", "'").split())
        return s if case_sensitive else s.casefold()

    return norm(a) == norm(b)


def find_variants(
    text: str, preferred: str, known: Iterable[str], case_sensitive: bool
) -> list[Hit]:
    """Return spellings of `preferred` that differ only in spacing, hyphens or case.

    Spellings the entry already names (`known`: its approved and forbidden renderings) are not
    variants; with a case-insensitive entry neither is a change of case alone.
    """
    pattern = variant_regex(preferred)
    if pattern is None:
        return []
    names = list(known)
    return [
        Hit(m.start(), m.end(), preferred, m.group(0))
        for m in pattern.finditer(text)
        if not any(same_spelling(m.group(0), n, case_sensitive) for n in names)
    ]
