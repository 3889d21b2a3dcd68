"""Review operations on beads: merge, move a sentence, split, confirm, flag.

Each takes the document id, the bead acted on, the document version the reviewer's rows were
shown at, and the actor; locks the document, refuses if a later change touched the same rows
(`editing.Edit.check`), changes the rows and records one changeset (`history.Recorder`).
Segments never change ids; beads stay in order and every segment stays in exactly one bead.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import Action, Bead, BeadStatus, User
from app.services.editing import Bases, Edit, begin, name, positions_after
from app.services.errors import InvalidInput
from app.services.history import Outcome


class Side(StrEnum):
    SRC = "src"
    TGT = "tgt"


def merge(
    session: Session, document_id: int, bead_id: int, step: int, base_version: Bases, actor: User
) -> Outcome:
    """Merge a bead with the next (step 1) or previous (step -1) one; the earlier bead stays."""
    edit = begin(session, document_id, actor, Action.BEAD_MERGE)
    bead, other = edit.with_neighbour(bead_id, step, base_version)
    first, second = (bead, other) if step > 0 else (other, bead)
    summary = f"Merged {name(edit, first)} with the next pair"
    edit.recorder.touch(first, second, *second.segments)
    for segment in list(second.segments):
        segment.bead = first
    first.confidence = min(first.confidence, second.confidence)
    first.status = BeadStatus.AUTOMATIC
    first.comment = "; ".join(c for c in (first.comment, second.comment) if c) or None
    edit.recorder.delete(second)
    return edit.recorder.finish(summary)


def move(
    session: Session,
    document_id: int,
    bead_id: int,
    side: Side,
    step: int,
    base_version: Bases,
    actor: User,
) -> Outcome:
    """Move one sentence of a side to the neighbouring bead.

    With step -1 the bead's first sentence of `side` goes to the end of the previous bead; with
    step 1 its last sentence goes to the start of the next bead. A bead left empty is removed.
    """
    edit = begin(session, document_id, actor, Action.BEAD_MOVE)
    bead, other = edit.with_neighbour(bead_id, step, base_version)
    src, tgt = edit.sides(bead)
    sentences = src if side == Side.SRC else tgt
    if not sentences:
        raise InvalidInput("That side of the pair has no sentence to move.")
    moving = sentences[0] if step < 0 else sentences[-1]
    language = "Russian" if side == Side.SRC else "English"
    where = "previous" if step < 0 else "next"
    summary = f"Moved a {language} sentence of {name(edit, bead)} to the {where} pair"
    edit.recorder.touch(bead, other, moving)
    moving.bead = other
    for changed in (bead, other):
        changed.status = BeadStatus.AUTOMATIC
    if len(bead.segments) == 0:
        edit.recorder.delete(bead)
    return edit.recorder.finish(summary)


def split(
    session: Session,
    document_id: int,
    bead_id: int,
    src_cut: int,
    tgt_cut: int,
    base_version: Bases,
    actor: User,
) -> Outcome:
    """Split a bead in two: the first `src_cut` source and `tgt_cut` target sentences stay."""
    edit = begin(session, document_id, actor, Action.BEAD_SPLIT)
    bead = edit.bead(bead_id)
    edit.check(base_version, [bead])
    return _split(edit, bead, src_cut, tgt_cut, f"Split {name(edit, bead)} in two")


def detach(
    session: Session, document_id: int, bead_id: int, base_version: Bases, actor: User
) -> Outcome:
    """Give each side of a bead its own bead with an empty counterpart (1-0, then 0-1)."""
    edit = begin(session, document_id, actor, Action.BEAD_DETACH)
    bead = edit.bead(bead_id)
    edit.check(base_version, [bead])
    src, tgt = edit.sides(bead)
    if not src or not tgt:
        raise InvalidInput("One side of this pair is already empty.")
    summary = f"Left {name(edit, bead)} without a counterpart (1-0 and 0-1)"
    return _split(edit, bead, len(src), 0, summary)


def _split(edit: Edit, bead: Bead, src_cut: int, tgt_cut: int, summary: str) -> Outcome:
    src, tgt = edit.sides(bead)
    if not (0 <= src_cut <= len(src) and 0 <= tgt_cut <= len(tgt)):
        raise InvalidInput("Choose where to split among the pair's own sentences.")
    moving = src[src_cut:] + tgt[tgt_cut:]
    if not moving or len(moving) == len(src) + len(tgt):
        raise InvalidInput("Both parts of a split need at least one sentence.")
    position = positions_after(edit, bead, 1)[0]
    edit.recorder.touch(bead, *moving)
    new = Bead(
        document_id=bead.document_id,
        position=position,
        confidence=bead.confidence,
        status=BeadStatus.AUTOMATIC,
    )
    edit.recorder.add(new)
    for segment in moving:
        segment.bead = new
    bead.status = BeadStatus.AUTOMATIC
    return edit.recorder.finish(summary)


def set_status(
    session: Session,
    document_id: int,
    bead_id: int,
    status: BeadStatus,
    base_version: Bases,
    actor: User,
    comment: str | None = None,
) -> Outcome:
    """Confirm, flag (with a comment) or reset a bead to automatic."""
    action = {
        BeadStatus.CONFIRMED: Action.BEAD_CONFIRM,
        BeadStatus.FLAGGED: Action.BEAD_FLAG,
        BeadStatus.AUTOMATIC: Action.BEAD_RESET,
    }[status]
    edit = begin(session, document_id, actor, action)
    bead = edit.bead(bead_id)
    edit.check(base_version, [bead])
    verb = {"confirmed": "Confirmed", "flagged": "Flagged", "automatic": "Reopened"}[status.value]
    summary = f"{verb} {name(edit, bead)}"
    edit.recorder.touch(bead)
    bead.status = status
    if comment is not None:
        bead.comment = comment.strip() or None
    return edit.recorder.finish(summary)


def confirm_up_to(
    session: Session, document_id: int, bead_id: int, base_version: Bases, actor: User
) -> Outcome:
    """Confirm every automatic bead from the start of the document up to this one.

    Flagged beads stay flagged: someone marked them as wrong.
    """
    edit = begin(session, document_id, actor, Action.BEAD_CONFIRM_UP_TO)
    bead = edit.bead(bead_id)
    query = select(Bead).where(
        Bead.document_id == document_id,
        Bead.position <= bead.position,
        Bead.status == BeadStatus.AUTOMATIC,
    )
    beads = list(session.scalars(query.options(selectinload(Bead.segments))))
    edit.check(base_version, beads)
    edit.recorder.touch(*beads)
    for each in beads:
        each.status = BeadStatus.CONFIRMED
    return edit.recorder.finish(f"Confirmed {len(beads)} pairs up to {name(edit, bead)}")
