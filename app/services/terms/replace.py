"""Proposing the replacement of a rendering: case kept, glosses in brackets resolved.

"VNS [Supreme People's Assembly]" becomes "Supreme People's Assembly" (the gloss already is an
approved rendering); "Pak Geum-cheol [Pak Kum Chol]" becomes "Pak Geum-cheol" (the bracket
only repeats the name in a forbidden spelling); "[VNS]" becomes "[Supreme People's Assembly]";
otherwise the found words alone are replaced, keeping a capital, capitals and a plural ending.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.services.terms.english import Hit, rendering_regex
from app.services.terms.records import TermRecord

_GLOSS_AFTER = re.compile(r"\s*(?:\[(?!\[)([^\[\]]*)\]|\(([^()]*)\))")
_OPEN_BEFORE = re.compile(r"(?:\[(?<!\[\[)|\()\s*\Z")
_CLOSE_AFTER = re.compile(r"\s*[\])]")


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] (which reads `before`) by `after`."""

    start: int
    end: int
    before: str
    after: str


def adapt_case(found: str, form: str, replacement: str) -> str:
    """Give the replacement the capitals the found text has beyond the glossary form's."""
    if found == form:
        return replacement
    if len(found) > 1 and found.isupper() and not form.isupper():
        return replacement.upper()
    if found[:1].isupper() and form[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def plural_of(rendering: str, ending: str) -> str:
    """Put a rendering in the plural the found text had ("cooperative" + "s")."""
    if not ending or not rendering[-1:].islower():
        return rendering
    if rendering.endswith("y") and rendering[-2:-1] not in "aeiou":
        return rendering[:-1] + "ies"
    if rendering.endswith(("s", "x", "z", "ch", "sh")):
        return rendering + "es"
    return rendering + "s"


def _is_approved(text: str, entry: TermRecord) -> str | None:
    """Return `text` if it is, as a whole, one of the entry's approved renderings."""
    text = text.strip()
    for rendering in entry.approved_renderings():
        if rendering_regex(rendering, entry.case_sensitive).fullmatch(text):
            return text
    return None


def _approved_before(prefix: str, entry: TermRecord) -> bool:
    for rendering in entry.approved_renderings():
        pattern = rendering_regex(rendering, entry.case_sensitive)
        if re.search(f"(?:{pattern.pattern})\\Z", prefix, pattern.flags):
            return True
    return False


def propose(text: str, hit: Hit, entry: TermRecord) -> Edit:
    """Return the edit that replaces a found rendering by the entry's preferred one."""
    end = hit.end + len(hit.plural)
    gloss = _GLOSS_AFTER.match(text, end)
    if gloss:
        inner = gloss.group(1) if gloss.group(1) is not None else gloss.group(2)
        approved = _is_approved(inner, entry)
        if approved:
            return Edit(hit.start, gloss.end(), text[hit.start : gloss.end()], approved)
    opening = _OPEN_BEFORE.search(text, 0, hit.start)
    closing = _CLOSE_AFTER.match(text, end)
    if opening and closing:
        prefix = text[: opening.start()].rstrip()
        if _approved_before(prefix, entry):
            return Edit(len(prefix), closing.end(), text[len(prefix) : closing.end()], "")
    after = adapt_case(hit.found, hit.rendering, plural_of(entry.preferred, hit.plural))
    return Edit(hit.start, end, text[hit.start : end], after)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (an edit overlapping an earlier one is skipped)."""
    pieces, cursor = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start < cursor:
            continue
        if text[edit.start : edit.end] != edit.before:
            raise ValueError(f"the text at {edit.start} no longer reads {edit.before!r}")
        pieces += [text[cursor : edit.start], edit.after]
        cursor = edit.end
    return "".join([*pieces, text[cursor:]])
