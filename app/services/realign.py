"""Realign the unconfirmed stretch around a bead, with confirmed beads as fixed anchors.

The engine aligns the whole document (so its own model learns from all of it) with every
confirmed bead passed as an anchor and the collection's learned lexicon; only the beads that
fall inside the stretch are kept. Confirmed beads are never changed. A stretch bead whose
sentences the engine groups the same way keeps its id, status and comment.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

import alignment
from alignment.lexicon import Lexicon
from app.models import Action, Bead, BeadStatus, Segment, User
from app.services.editing import Bases, Edit, begin, free_positions, name
from app.services.errors import InvalidInput, NotFound
from app.services.history import Outcome
from app.services.lexicons import collection_lexicon

Group = frozenset[int]  # the segment ids of one bead


def realign(
    session: Session, document_id: int, bead_id: int, base_version: Bases, actor: User
) -> Outcome:
    """Realign the run of unconfirmed beads around `bead_id` between its confirmed neighbours."""
    edit = begin(session, document_id, actor, Action.ALIGNMENT_REALIGN)
    query = select(Bead).where(Bead.document_id == document_id).order_by(Bead.position)
    beads = list(session.scalars(query.options(selectinload(Bead.segments))))
    index = next((i for i, b in enumerate(beads) if b.id == bead_id), None)
    if index is None:
        raise NotFound("That pair no longer exists; reload the rows.")
    if beads[index].status == BeadStatus.CONFIRMED:
        raise InvalidInput("Choose an unconfirmed pair: confirmed pairs are fixed anchors.")
    low, high = index, index + 1
    while low > 0 and beads[low - 1].status != BeadStatus.CONFIRMED:
        low -= 1
    while high < len(beads) and beads[high].status != BeadStatus.CONFIRMED:
        high += 1
    stretch = beads[low:high]
    edit.check(base_version, stretch)
    lexicon = collection_lexicon(session, edit.document.collection_id)
    groups = _engine_groups(edit, beads, stretch, lexicon)
    summary = f"Realigned {len(stretch)} pairs from {name(edit, stretch[0])}"
    bounds = (beads[low - 1] if low else None, beads[high] if high < len(beads) else None)
    return _replace(edit, bounds, stretch, groups, summary)


def _engine_groups(
    edit: Edit, beads: Sequence[Bead], stretch: Sequence[Bead], lexicon: Lexicon
) -> list[tuple[Group, float]]:
    """Return the engine's beads for the stretch as segment-id groups with confidences."""
    sides = [edit.sides(b) for b in beads]
    src = [s for side, _ in sides for s in side]
    tgt = [t for _, side in sides for t in side]
    src_at = {s.id: i for i, s in enumerate(src)}
    tgt_at = {t.id: j for j, t in enumerate(tgt)}
    anchors = [
        (tuple(src_at[s.id] for s in a), tuple(tgt_at[t.id] for t in b))
        for bead, (a, b) in zip(beads, sides, strict=True)
        if bead.status == BeadStatus.CONFIRMED
    ]
    wanted = {s.id for b in stretch for s in b.segments}
    inside = [(g, c) for g, c in _align(edit, src, tgt, lexicon, anchors) if g <= wanted]
    if set().union(*(g for g, _ in inside)) == wanted:
        return inside
    # A confirmed 1-0 or 0-1 bead does not cut the other text, so the engine may have paired
    # across it: align the stretch on its own instead.
    own = [edit.sides(b) for b in stretch]
    return _align(edit, [s for a, _ in own for s in a], [t for _, b in own for t in b], lexicon)


def _align(
    edit: Edit,
    src: Sequence[Segment],
    tgt: Sequence[Segment],
    lexicon: Lexicon,
    anchors: Sequence[tuple[tuple[int, ...], tuple[int, ...]]] = (),
) -> list[tuple[Group, float]]:
    """Run the engine; return its beads as groups of segment ids with their confidences."""
    collection = edit.document.collection
    result = alignment.align(
        [s.content for s in src],
        [t.content for t in tgt],
        src_lang=collection.source_lang,
        tgt_lang=collection.target_lang,
        lexicon=lexicon,
        anchors=anchors,
    )
    return [
        (frozenset([src[i].id for i in b.src] + [tgt[j].id for j in b.tgt]), b.confidence)
        for b in result.beads
    ]


def _replace(
    edit: Edit,
    bounds: tuple[Bead | None, Bead | None],
    stretch: Sequence[Bead],
    groups: Sequence[tuple[Group, float]],
    summary: str,
) -> Outcome:
    """Put the engine's groups in place of the stretch, keeping beads that did not change."""
    if len(groups) <= len(stretch):
        positions = [b.position for b in stretch[: len(groups)]]
    else:
        positions = free_positions(edit, bounds[0], bounds[1], len(groups))
    segments = {s.id: s for b in stretch for s in b.segments}
    old = {frozenset(s.id for s in b.segments): b for b in stretch}
    edit.recorder.touch(*stretch, *segments.values())
    kept: set[int] = set()
    for (group, confidence), position in zip(groups, positions, strict=True):
        bead = old.get(group)
        if bead is None:
            bead = Bead(document_id=edit.document.id, status=BeadStatus.AUTOMATIC)
            bead.position, bead.confidence = position, float(confidence)
            edit.recorder.add(bead)
        kept.add(bead.id)
        bead.position, bead.confidence = position, float(confidence)
        for segment_id in group:
            segments[segment_id].bead = bead
    edit.recorder.delete(*(b for b in stretch if b.id not in kept))
    return edit.recorder.finish(summary)
