"""Confidence of a bead: the probability that it is right, from its posterior."""

from __future__ import annotations

from alignment.solve import Found


def calibrate(found: Found) -> float:
    """Return the probability that a found bead is right."""
    return min(max(found.posterior, 0.0), 1.0)
