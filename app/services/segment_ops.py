"""Review operations on sentences: split one in two, join two, edit the text.

A split keeps the segment's id for the first piece and gives the second a new id; a join keeps
the first segment's id; an edit keeps the id. Nothing is renumbered, so links stay valid.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Action, Bead, Segment, User
from app.services.editing import Bases, Edit, begin, quote, segment_positions_after
from app.services.errors import Forbidden, InvalidInput, NotFound
from app.services.history import Outcome

MAX_SEGMENT_LENGTH = 20_000


def _segment(edit: Edit, segment_id: int) -> tuple[Segment, Bead]:
    """Return a segment of the locked document and the bead holding it."""
    segment = edit.session.get(Segment, segment_id)
    if segment is None or segment.bead_id is None:
        raise NotFound("That sentence no longer exists; reload the rows.")
    bead = edit.bead(segment.bead_id)
    return segment, bead


def _language(edit: Edit, segment: Segment) -> str:
    return "Russian" if segment.text_id == edit.original_id else "English"


def split_segment(
    session: Session,
    document_id: int,
    segment_id: int,
    at: int,
    base_version: Bases,
    actor: User,
    expected: str | None = None,
) -> Outcome:
    """Split a sentence at character `at`; both pieces stay in the same bead.

    With `expected`, the sentence must still read exactly so (the reviewer marked the split
    in that text).
    """
    edit = begin(session, document_id, actor, Action.SEGMENT_SPLIT)
    segment, bead = _segment(edit, segment_id)
    edit.check(base_version, [bead])
    if expected is not None and expected != segment.content:
        raise InvalidInput("Only mark where the sentence breaks; change its words with Edit.")
    first, second = segment.content[:at].rstrip(), segment.content[at:].lstrip()
    if not (0 < at < len(segment.content)) or not first or not second:
        raise InvalidInput("Split a sentence between two of its words, not at either end.")
    position = segment_positions_after(edit, segment)
    summary = f"Split the {_language(edit, segment)} sentence {quote([segment])} in two"
    edit.recorder.touch(segment, bead)
    # Offsets into the imported text: exact while the content still matches it, else estimated.
    first_end = min(segment.start + len(first), segment.end)
    second_start = min(segment.start + len(segment.content) - len(second), segment.end)
    piece = Segment(
        text_id=segment.text_id,
        position=position,
        kind=segment.kind,
        content=second,
        start=second_start,
        end=segment.end,
        bead_id=bead.id,
    )
    segment.content, segment.end = first, first_end
    edit.recorder.add(piece)
    return edit.recorder.finish(summary)


def join_segment(
    session: Session, document_id: int, segment_id: int, base_version: Bases, actor: User
) -> Outcome:
    """Join a sentence with the next sentence of the same text and bead."""
    edit = begin(session, document_id, actor, Action.SEGMENT_JOIN)
    segment, bead = _segment(edit, segment_id)
    edit.check(base_version, [bead])
    query = (
        select(Segment)
        .where(Segment.text_id == segment.text_id, Segment.position > segment.position)
        .order_by(Segment.position)
        .limit(1)
    )
    following = session.scalar(query)
    if following is None or following.bead_id != bead.id:
        raise InvalidInput(
            "Only two sentences of the same pair can be joined; merge the pairs first."
        )
    summary = f"Joined the {_language(edit, segment)} sentence {quote([segment])} with the next"
    edit.recorder.touch(segment, bead, following)
    segment.content = f"{segment.content} {following.content}"
    segment.end = max(segment.end, following.end)
    following.bead = None
    edit.recorder.delete(following)
    return edit.recorder.finish(summary)


def edit_segment(
    session: Session,
    document_id: int,
    segment_id: int,
    content: str,
    base_version: Bases,
    actor: User,
    may_edit_original: bool,
    reason: str | None = None,
) -> Outcome:
    """Replace a sentence's text; the Russian original only with the right and a reason."""
    edit = begin(
        session, document_id, actor, Action.SEGMENT_EDIT, reason=(reason or "").strip() or None
    )
    segment, bead = _segment(edit, segment_id)
    content = " ".join(content.split())
    if not content:
        raise InvalidInput("A sentence cannot be empty; merge or move it instead.")
    if len(content) > MAX_SEGMENT_LENGTH:
        raise InvalidInput(f"A sentence can have at most {MAX_SEGMENT_LENGTH} characters.")
    if segment.text_id == edit.original_id:
        if not may_edit_original:
            raise Forbidden("Only an editor may change the Russian original.")
        if not edit.recorder.reason:
            raise InvalidInput("Say why the Russian original is changed.")
    edit.check(base_version, [bead])
    summary = f"Edited the {_language(edit, segment)} sentence {quote([segment])}"
    edit.recorder.touch(segment)
    segment.content = content
    return edit.recorder.finish(summary)
