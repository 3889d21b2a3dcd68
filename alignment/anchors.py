"""Beads a reviewer confirmed: checked, used to cut the problem, and put back unchanged.

A paired anchor (both sides) cuts the texts into independent stretches. A null anchor (one
side empty) cuts nothing, since it has no position on the other side: its sentences are
forbidden to pair inside their stretch, and the anchor replaces their null beads at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

import numpy as np

from alignment.arrays import FloatArray
from alignment.types import Bead

Stretch = tuple[int, int, int, int, Bead | None]


def normalize_anchors(anchors: Iterable[object] | None, n: int, m: int) -> list[Bead]:
    """Return the anchors (given in text order) as beads; reject overlapping or unordered ones."""
    out = []
    for item in anchors or ():
        if isinstance(item, Bead):
            out.append(item)
        else:
            src, tgt = cast(tuple[Iterable[int], Iterable[int]], item)
            out.append(Bead(tuple(int(i) for i in src), tuple(int(j) for j in tgt), 1.0))
    next_s = next_t = 0
    for bead in out:
        if not (bead.src or bead.tgt):
            raise ValueError("an anchor bead needs at least one sentence")
        for side, start in ((bead.src, next_s), (bead.tgt, next_t)):
            if side and (side[0] < start or side != tuple(range(side[0], side[-1] + 1))):
                raise ValueError(
                    f"anchor {bead.src}-{bead.tgt} overlaps an earlier one, "
                    "is out of order or is not contiguous"
                )
        next_s = bead.src[-1] + 1 if bead.src else next_s
        next_t = bead.tgt[-1] + 1 if bead.tgt else next_t
    if next_s > n or next_t > m:
        raise ValueError("an anchor points past the end of the text")
    return out


def stretches(fixed: Sequence[Bead], n: int, m: int) -> list[Stretch]:
    """Return (s0, s1, t0, t1, paired anchor after it) for the stretches between paired anchors."""
    out: list[Stretch] = []
    s0 = t0 = 0
    for bead in fixed:
        if bead.src and bead.tgt:
            out.append((s0, bead.src[0], t0, bead.tgt[0], bead))
            s0, t0 = bead.src[-1] + 1, bead.tgt[-1] + 1
    out.append((s0, n, t0, m, None))
    return out


def null_masks(fixed: Sequence[Bead], n: int, m: int) -> tuple[FloatArray, FloatArray]:
    """Return 1.0 for every sentence a null anchor confirms as unpaired, per side."""
    src, tgt = np.zeros(n), np.zeros(m)
    for bead in fixed:
        if not bead.tgt:
            src[list(bead.src)] = 1.0
        if not bead.src:
            tgt[list(bead.tgt)] = 1.0
    return src, tgt


def put_back_nulls(beads: list[Bead], fixed: Sequence[Bead]) -> list[Bead]:
    """Replace the single-sentence null beads of each null anchor by the anchor itself."""
    owner: dict[tuple[int, int], Bead] = {}
    for bead in fixed:
        if not (bead.src and bead.tgt):
            owner.update({(0, i): bead for i in bead.src})
            owner.update({(1, j): bead for j in bead.tgt})
    out: list[Bead] = []
    placed: set[int] = set()
    for bead in beads:
        key = (0, bead.src[0]) if bead.src else (1, bead.tgt[0])
        anchor = owner.get(key) if len(bead.src) + len(bead.tgt) == 1 else None
        if anchor is None:
            out.append(bead)
        elif id(anchor) not in placed:
            placed.add(id(anchor))
            out.append(anchor)
    return out
