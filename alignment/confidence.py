"""Confidence of a bead: its posterior probability under the cost model, sharpened.

The posterior (from the forward/backward sums of `dp.py`; for an unpaired sentence, the
probability that it is unpaired at all) ranks beads well, but on the dev sets its middle
range is too generous for beads that are wrong: those lie mostly between 0.5 and 0.8. Raising
it to the power SHARPNESS (2) keeps the order (the review queue is the same) and moves doubtful
beads below 0.5, while beads at 0.9 or more stay right at least 99% of the time
(`python -m alignment eval --reliability` prints the table).
"""

from __future__ import annotations

from alignment.solve import Found

SHARPNESS = 2.0


def calibrate(found: Found) -> float:
    """Return the confidence of a found bead, in [0, 1]."""
    return float(min(max(found.posterior, 0.0), 1.0) ** SHARPNESS)
