"""Undo: revert a changeset by a new changeset that restores its `before` snapshots.

`undo(session, changeset, actor)` is allowed only while every row the changeset touched is still
exactly as the changeset left it (its `after` snapshot); otherwise it raises `UndoBlocked`
naming the latest later change of such a row (who, when, what), which has to be undone first.
The new changeset's changes point at the ones they revert (`Change.reverts_id`), and its
summary at the reverted summary, so `undone` can tell which operations are currently undone
(an undo can itself be undone). Works for every row type registered in `app.services.history`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Action, Change, User
from app.services.errors import Conflict, InvalidInput, NotFound
from app.services.history import (
    OPERATION,
    ROW_TYPES,
    Key,
    Outcome,
    Recorder,
    decode,
    snapshots,
)

NOT_UNDONE_BY_UNDO_LAST = (Action.CHANGESET_UNDO.value, Action.POSITIONS_RESPACE.value)
ROW_NOUNS = {"bead": "a pair", "segment": "a sentence"}


class UndoBlocked(Conflict):
    """A later change touched the same rows; it has to be undone first."""

    def __init__(self, message: str, blocking: Change | None, summary: str | None) -> None:
        super().__init__(message)
        self.blocking = blocking
        self.summary = summary


def undo(
    session: Session, changeset: str, actor: User | None, reason: str | None = None
) -> Outcome:
    """Restore the rows a changeset changed, as a new changeset; refuse if later changes depend."""
    changes = list(
        session.scalars(select(Change).where(Change.changeset == changeset).order_by(Change.id))
    )
    if not changes:
        raise NotFound("There is no such change.")
    rows = [c for c in changes if c.entity_type in ROW_TYPES]
    summaries = [c for c in changes if c.entity_type == OPERATION]
    if not rows or not summaries:
        raise InvalidInput("This change cannot be undone: it has no row history.")
    recorder = Recorder(session, actor, Action.CHANGESET_UNDO, reason=reason)
    recorder.lock(*(s.entity_id or 0 for s in summaries))
    current = _current_rows(session, rows)
    now = snapshots(session, [r for r in current.values() if r is not None])
    for change in rows:
        if now.get(_key(change)) != change.after:
            raise _blocked(session, change, changes[-1].id)
    _restore(recorder, rows, current)
    reverts = {_key(c): c.id for c in rows} | {
        (OPERATION, s.entity_id or 0): s.id for s in summaries
    }
    what = (summaries[0].after or {}).get("summary", "an earlier change")
    return recorder.finish(f"Undid: {what}", reverts)


def _key(change: Change) -> Key:
    return (change.entity_type, change.entity_id or 0)


def _current_rows(session: Session, changes: Sequence[Change]) -> dict[Key, Any]:
    """Return the current row (or None) for every row a changeset touched."""
    out: dict[Key, Any] = {_key(c): None for c in changes}
    for name, row_type in ROW_TYPES.items():
        ids = [i for t, i in out if t == name]
        if ids:
            model = row_type.model
            for row in session.scalars(select(model).where(model.id.in_(ids))):
                out[(name, row.id)] = row
    return out


def _restore(recorder: Recorder, changes: Sequence[Change], current: dict[Key, Any]) -> None:
    """Put every row back to its `before` snapshot (parents created first, deleted last)."""
    recorder.touch(*(current[_key(c)] for c in changes if c.before is not None and c.after))
    for name, row_type in ROW_TYPES.items():
        typed = [c for c in changes if c.entity_type == name]
        recreated = []
        for change in typed:
            row = current[_key(change)]
            if change.before is None:
                recorder.delete(row)
                continue
            values = {f: decode(row_type, f, change.before[f]) for f in row_type.fields}
            if row is None:
                recreated.append(row_type.model(id=change.entity_id, **values))
            else:
                for name_, value in values.items():
                    setattr(row, name_, value)
        if recreated:
            recorder.add(*recreated)


def _blocked(session: Session, change: Change, last_id: int) -> UndoBlocked:
    """Explain which later change keeps `change` from being undone."""
    query = (
        select(Change)
        .where(
            Change.entity_type == change.entity_type,
            Change.entity_id == change.entity_id,
            Change.id > last_id,
        )
        .order_by(Change.id.desc())
        .limit(1)
    )
    later = session.scalar(query)
    noun = ROW_NOUNS.get(change.entity_type, f"a {change.entity_type}")
    if later is None:
        message = f"This cannot be undone: {noun} it changed was changed outside the change log."
        return UndoBlocked(message, None, None)
    summary = operation_summary(session, later.changeset)
    who = later.user.username if later.user else "the system"
    message = (
        f"This cannot be undone: {noun} it changed was changed later by {who} at "
        f"{when_text(later.created_at)} ({summary}). Undo that change first."
    )
    return UndoBlocked(message, later, summary)


def operation_summary(session: Session, changeset: str | None) -> str:
    """Return the summary text of a changeset's operation."""
    after = session.scalar(
        select(Change.after)
        .where(Change.changeset == changeset, Change.entity_type == OPERATION)
        .limit(1)
    )
    return str((after or {}).get("summary", "a change without a summary"))


def undone(session: Session, summary_ids: Iterable[int]) -> set[int]:
    """Return which of these operation summaries are currently undone.

    An operation is undone when an undo of it exists that is not itself undone.
    """
    ids = list(summary_ids)
    reverts_of: dict[int, list[int]] = {}
    level = set(ids)
    for _depth in range(8):  # undo of an undo of an undo...; deeper chains do not happen
        if not level:
            break
        query = select(Change.id, Change.reverts_id).where(
            Change.entity_type == OPERATION, Change.reverts_id.in_(level)
        )
        found = session.execute(query).all()
        for revert_id, target in found:
            reverts_of.setdefault(target or 0, []).append(revert_id)
        level = {revert_id for revert_id, _ in found}

    def is_undone(summary_id: int) -> bool:
        return any(not is_undone(r) for r in reverts_of.get(summary_id, []))

    return {i for i in ids if is_undone(i)} if reverts_of else set()


def last_undoable(session: Session, document_id: int, actor: User) -> str | None:
    """Return the changeset of `actor`'s latest operation on a document that is not undone."""
    query = (
        select(Change.id, Change.changeset)
        .where(
            Change.document_id == document_id,
            Change.entity_type == OPERATION,
            Change.user_id == actor.id,
            Change.action.notin_(NOT_UNDONE_BY_UNDO_LAST),
        )
        .order_by(Change.id.desc())
        .limit(50)
    )
    recent = session.execute(query).all()
    gone = undone(session, [i for i, _ in recent])
    return next((changeset for i, changeset in recent if i not in gone), None)


def when_text(moment: datetime) -> str:
    """Return a moment as the review pages show it."""
    return f"{moment:%Y-%m-%d %H:%M} UTC"
