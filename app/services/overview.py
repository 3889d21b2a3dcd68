"""A document's alignment at a glance: the path of its beads and how confident they are.

The path runs from the first sentences to the last, one step per bead, source sentences
across and target sentences down; a straight diagonal is a clean 1-1 alignment, a horizontal
run is source left untranslated, a vertical run is target without an original.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.services.review import ReviewRow

BANDS = ("high", "mid", "low")
BINS = 10


@dataclass(frozen=True)
class Marker:
    """A doubtful bead, drawn as a dot that links to its row."""

    bead_id: int
    x: float
    y: float
    band: str


@dataclass
class Overview:
    width: int  # source sentences
    height: int  # target sentences
    paths: dict[str, str] = field(default_factory=dict)  # band -> SVG path data
    markers: list[Marker] = field(default_factory=list)
    histogram: list[int] = field(default_factory=list)  # beads per tenth of confidence

    @property
    def tallest(self) -> int:
        return max(self.histogram, default=0) or 1


def overview(rows: Sequence[ReviewRow]) -> Overview:
    """Return the alignment path and the confidence histogram of a document's rows."""
    result = Overview(
        sum(len(r.src) for r in rows) or 1, sum(len(r.tgt) for r in rows) or 1, histogram=[0] * BINS
    )
    steps: dict[str, list[str]] = {band: [] for band in BANDS}
    x = y = 0
    for row in rows:
        nx, ny = x + len(row.src), y + len(row.tgt)
        steps[row.band].append(f"M{x} {y}L{nx} {ny}")
        if row.needs_review:
            result.markers.append(Marker(row.id, (x + nx) / 2, (y + ny) / 2, row.band))
        result.histogram[min(int(row.confidence * BINS), BINS - 1)] += 1
        x, y = nx, ny
    result.paths = {band: "".join(parts) for band, parts in steps.items() if parts}
    return result
