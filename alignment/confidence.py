"""Confidence of a bead: its posterior probability, mapped to the rate at which such beads are right."""

from __future__ import annotations

from alignment.solve import Found


def calibrate(found: Found) -> float:
    """Return the probability that a found bead is right."""
    return min(max(found.posterior, 0.0), 1.0)
