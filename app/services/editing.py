"""What every review operation shares: locking, finding beads, the staleness check, positions.

Positions only order rows. Beads and segments get positions 1024 apart when a document (or
text) first needs room between two rows; that renumbering is its own recorded changeset
("positions.respace"), so undoing the operation that needed the room leaves it in place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from app.models import Action, Bead, Document, Segment, TextRole, User
from app.services.alignments import POSITION_GAP
from app.services.errors import InvalidInput, NotFound
from app.services.history import Recorder
from app.services.review import text_ids
from app.services.versions import Based, ensure_unchanged

GAP = POSITION_GAP  # distance between positions after a renumbering
QUOTE_LENGTH = 40
# The version a reviewer saw the rows at: one for all, or a default and one per bead id.
Bases = int | tuple[int, Mapping[int, int]]


@dataclass
class Edit:
    """An operation under way: its recorder, the locked document and its original's text id."""

    session: Session
    recorder: Recorder
    document: Document
    original_id: int | None

    def bead(self, bead_id: int) -> Bead:
        """Return a bead of this document with its segments."""
        bead = self.session.scalar(
            select(Bead).where(Bead.id == bead_id).options(selectinload(Bead.segments))
        )
        if bead is None or bead.document_id != self.document.id:
            raise NotFound("That pair no longer exists; reload the rows.")
        return bead

    def neighbour(self, bead: Bead, step: int) -> Bead | None:
        """Return the next (step 1) or previous (step -1) bead of the document."""
        query = select(Bead).where(Bead.document_id == self.document.id)
        if step > 0:
            query = query.where(Bead.position > bead.position).order_by(Bead.position)
        else:
            query = query.where(Bead.position < bead.position).order_by(Bead.position.desc())
        return self.session.scalar(query.limit(1).options(selectinload(Bead.segments)))

    def with_neighbour(self, bead_id: int, step: int, base_version: Bases) -> tuple[Bead, Bead]:
        """Return a bead and its neighbour (step 1: next, -1: previous), both checked fresh."""
        bead = self.bead(bead_id)
        other = self.neighbour(bead, step)
        if other is None:
            raise InvalidInput(f"There is no {'next' if step > 0 else 'previous'} pair.")
        self.check(base_version, [bead, other])
        return bead, other

    def sides(self, bead: Bead) -> tuple[list[Segment], list[Segment]]:
        """Return a bead's source and target segments in text order."""
        ordered = sorted(bead.segments, key=lambda s: s.position)
        return (
            [s for s in ordered if s.text_id == self.original_id],
            [s for s in ordered if s.text_id != self.original_id],
        )

    def check(self, base: Bases, beads: Iterable[Bead]) -> None:
        """Refuse if a change after the version a bead was shown at touched it or its segments.

        `base` is one version for all beads, or (version, {bead id: version}) when the
        reviewer's rows were shown at different versions (beads not listed use the first).
        """
        version, per_bead = (base, {}) if isinstance(base, int) else base
        rows: list[Based] = []
        for bead in beads:
            seen = per_bead.get(bead.id, version)
            rows.append((("bead", bead.id), seen))
            rows.extend((("segment", s.id), seen) for s in bead.segments)
        ensure_unchanged(self.session, self.document, rows)


def begin(
    session: Session,
    document_id: int,
    actor: User | None,
    action: Action,
    reason: str | None = None,
) -> Edit:
    """Lock a document for an operation and return the edit under way."""
    recorder = Recorder(session, actor, action, reason=reason)
    document = recorder.lock(document_id)
    return Edit(session, recorder, document, text_ids(session, document_id).get(TextRole.ORIGINAL))


def quote(segments: Sequence[Segment]) -> str:
    """Return the start of a pair's first sentence, to name the pair in summaries."""
    text = segments[0].content if segments else ""
    short = text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1].rstrip() + "…"
    return f"“{short}”"


def name(edit: Edit, bead: Bead) -> str:
    """Return how summaries name a pair: its first Russian (or English) sentence."""
    src, tgt = edit.sides(bead)
    return quote(src or tgt)


def positions_after(edit: Edit, bead: Bead, count: int) -> list[int]:
    """Return `count` free bead positions right after `bead`, renumbering if there is no room."""
    return free_positions(edit, bead, edit.neighbour(bead, 1), count)


def free_positions(edit: Edit, low: Bead | None, high: Bead | None, count: int) -> list[int]:
    """Return `count` increasing bead positions strictly between two beads (None: no bound)."""
    for _attempt in range(2):
        if low is None:
            top = high.position if high is not None else 0
            return [top - GAP * (count - i) for i in range(count)]
        room = _between(low.position, high.position if high is not None else None, count)
        if room is not None:
            return room
        _respace(edit, list(edit.session.scalars(_beads_in_order(edit.document.id))), "pairs")
    raise InvalidInput("Too many pairs to place here at once; confirm a pair in between first.")


def segment_positions_after(edit: Edit, segment: Segment) -> int:
    """Return a free position right after `segment` in its text, renumbering if needed."""
    query = (
        select(Segment.position)
        .where(Segment.text_id == segment.text_id, Segment.position > segment.position)
        .order_by(Segment.position)
        .limit(1)
    )
    room = _between(segment.position, edit.session.scalar(query), 1)
    if room is None:
        text_order = select(Segment).where(Segment.text_id == segment.text_id)
        _respace(
            edit, list(edit.session.scalars(text_order.order_by(Segment.position))), "sentences"
        )
        room = _between(segment.position, edit.session.scalar(query), 1)
    assert room is not None
    return room[0]


def _between(low: int, high: int | None, count: int) -> list[int] | None:
    """Return `count` evenly spread integers strictly between low and high, if they fit."""
    if high is None:
        return [low + GAP * (i + 1) for i in range(count)]
    step = (high - low) // (count + 1)
    return [low + step * (i + 1) for i in range(count)] if step >= 1 else None


def _beads_in_order(document_id: int) -> Select[Bead]:
    return select(Bead).where(Bead.document_id == document_id).order_by(Bead.position)


def _respace(edit: Edit, rows: Sequence[Bead | Segment], what: str) -> None:
    """Renumber rows GAP apart, recorded as a changeset of its own."""
    respace = Recorder(
        edit.session, edit.recorder.actor, Action.POSITIONS_RESPACE, locked=edit.recorder.locked
    )
    respace.touch(*rows)
    for index, row in enumerate(rows):
        row.position = GAP * (index + 1)
    respace.finish(f"Renumbered the positions of {len(rows)} {what} to make room")
