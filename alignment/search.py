"""Alignment search (placeholder: pairs sentence i with sentence i; replaced by the banded DP)."""

from __future__ import annotations

from collections.abc import Sequence

from alignment.types import Alignment, Bead


def align(src: Sequence[object], tgt: Sequence[object], src_lang: str = "ru",
          tgt_lang: str = "en", lexicon: object = None,
          anchors: object = None) -> Alignment:
    """Align source and target sentences into monotone beads."""
    n, m = len(src), len(tgt)
    beads = [Bead((i,), (i,), 0.5) for i in range(min(n, m))]
    beads += [Bead((i,), (), 0.5) for i in range(m, n)]
    beads += [Bead((), (j,), 0.5) for j in range(n, m)]
    return Alignment(beads)
