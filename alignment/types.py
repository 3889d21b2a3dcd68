"""Plain values the engine takes and returns: segments, beads, alignments."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class SegmentKind(StrEnum):
    """What a segment is; the app stores the value, the aligner may weigh it."""

    SENTENCE = "sentence"
    HEADING = "heading"
    NOTE = "note"  # editorial note or handwritten entry: "[handwritten entry: ...]"
    SIGNATURE = "signature"
    STAMP = "stamp"
    LIST_LINE = "list"  # one line of a distribution list: "1 - Gromyko"


@dataclass(frozen=True, slots=True)
class Segment:
    """One unit of a text; `str()` gives its text exactly as it stands in the source."""

    text: str
    start: int  # character offset of the first character in the source text
    end: int  # offset one past the last character: source[start:end] == text
    kind: SegmentKind = SegmentKind.SENTENCE

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Bead:
    """One alignment pair: source and target sentence indices, either side may be empty."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float = 1.0

    @property
    def kind(self) -> str:
        """Return the bead type as "n-m", e.g. "1-1", "2-1", "0-1"."""
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass(slots=True)
class Alignment:
    """The result of `align`: monotone beads covering every sentence exactly once."""

    beads: list[Bead] = field(default_factory=list)

    def __iter__(self) -> Iterator[Bead]:
        return iter(self.beads)

    def __len__(self) -> int:
        return len(self.beads)
