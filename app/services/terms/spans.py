"""Keeping the longest of overlapping finds (a term inside a longer term is the longer term)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Span)


def outermost(spans: Iterable[S]) -> list[S]:
    """Drop spans lying inside a longer one; order by position."""
    ordered = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[S] = []
    for span in ordered:
        if kept and span.end <= kept[-1].end:
            continue
        kept.append(span)
    return kept
