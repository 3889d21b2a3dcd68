"""Sentence splitting (placeholder: one segment per non-empty line; replaced by the Punkt splitter)."""

from __future__ import annotations

import re

from alignment.types import Segment


def split_sentences(text: str, lang: str) -> list[Segment]:
    """Split `text` into segments with offsets into `text`."""
    return [Segment(m.group(0).strip(), m.start() + len(m.group(0)) - len(m.group(0).lstrip()),
                    m.start() + len(m.group(0).rstrip()))
            for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
