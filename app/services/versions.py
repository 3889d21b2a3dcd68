"""Optimistic concurrency per row: an edit based on an older version is refused only if a later
change touched the same rows.

Every operation carries the document version its rows were shown at. Comparing it with the
document's version alone would make two people editing different parts of one document collide
on every edit, so instead the change log is asked which rows changed since that version: the
operation is refused (409, naming who changed what, when) only when one of the rows it acts on
is among them. The rows are the beads it acts on and their segments, and since a bead's snapshot
includes its segment ids, a sentence moved out of a bead shows up as a change of that bead too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.models import Change, Document, User
from app.services.errors import Conflict, InvalidInput
from app.services.history import OPERATION, Key

Based = tuple[Key, int]  # a row and the document version the reviewer saw it at
MAX_BEHIND = 5000  # a page further behind than this is simply reloaded


@dataclass(frozen=True)
class LaterChange:
    """An operation recorded after the version an edit was based on."""

    changeset: str
    version: int
    who: str
    when: datetime
    summary: str
    rows: tuple[Key, ...]

    def describe(self) -> str:
        """Say who did what, when, in one sentence."""
        return f"{self.who} changed them at {self.when:%Y-%m-%d %H:%M} UTC: {self.summary}"


class StaleVersion(Conflict):
    """A later operation touched the rows this edit was based on; nothing was changed."""

    def __init__(self, message: str, later: list[LaterChange], version: int) -> None:
        super().__init__(message)
        self.later = later
        self.version = version


def ensure_unchanged(session: Session, document: Document, rows: Iterable[Based]) -> None:
    """Refuse (StaleVersion) if a row changed after the version it was shown at.

    `rows` pairs each row the operation acts on with the document version the reviewer saw it
    at. `document` must be locked (history.Recorder.lock), so no change slips in meanwhile.
    """
    current = document.alignment_version
    base_of: dict[Key, int] = {}
    for key, base in rows:
        base_of[key] = min(base, base_of.get(key, base))
    stale = {key: base for key, base in base_of.items() if base != current}
    if not stale:
        return
    oldest = min(stale.values())
    if not 1 <= oldest < current:
        raise InvalidInput(
            f"Version {oldest} of this document does not exist (it is at {current})."
        )
    if current - oldest > MAX_BEHIND:
        raise StaleVersion(
            f"Your rows are {current - oldest} changes behind, so your change was not applied. "
            "Reload the rows and try again.",
            [],
            current,
        )
    later, floors = _later_operations(session, document, oldest)
    if len(later) != current - oldest:  # the log cannot vouch for every version
        raise StaleVersion(
            "This document changed in a way the change log cannot attribute to rows, so your "
            "change was not applied. Reload the rows and try again.",
            later,
            current,
        )
    hits: dict[str, list[Key]] = {}
    for changeset, key, change_id in _row_changes(session, document.id, floors[oldest], stale):
        if change_id > floors[stale[key]]:
            hits.setdefault(changeset, []).append(key)
    clashing = [_with_rows(op, hits[op.changeset]) for op in later if op.changeset in hits]
    if clashing:
        described = "; ".join(op.describe() for op in clashing)
        raise StaleVersion(
            "Someone changed these rows after you loaded them, so your change was not "
            f"applied. {described}. Reload the rows to see the current state.",
            clashing,
            current,
        )


def _later_operations(
    session: Session, document: Document, oldest: int
) -> tuple[list[LaterChange], dict[int, int]]:
    """Return the operations after version `oldest`, and the summary id of each version since.

    Version 1 (the import) has no summary: its floor is 0, before every row change.
    """
    limit = document.alignment_version - oldest + 1
    query = (
        select(Change.id, Change.changeset, Change.after, Change.created_at, User.username)
        .outerjoin(User, User.id == Change.user_id)
        .where(Change.document_id == document.id, Change.entity_type == OPERATION)
        .order_by(Change.id.desc())
        .limit(limit)
    )
    later: list[LaterChange] = []
    floors = {1: 0}
    for change_id, changeset, after, when, who in session.execute(query):
        version = int((after or {}).get("version", 0))
        floors[version] = change_id
        if version > oldest and changeset:
            summary = str(after.get("summary", ""))
            later.append(LaterChange(changeset, version, who or "the system", when, summary, ()))
    floors.setdefault(oldest, 0)
    return later[::-1], floors


def _row_changes(
    session: Session, document_id: int, floor: int, keys: Iterable[Key]
) -> list[tuple[str, Key, int]]:
    """Return (changeset, row, change id) for the changes of `keys` after change id `floor`."""
    by_type: dict[str, set[int]] = {}
    for entity_type, entity_id in keys:
        by_type.setdefault(entity_type, set()).add(entity_id)
    touched = or_(
        *(
            and_(Change.entity_type == t, Change.entity_id.in_(sorted(ids)))
            for t, ids in by_type.items()
        )
    )
    query = select(Change.changeset, Change.entity_type, Change.entity_id, Change.id).where(
        Change.document_id == document_id, Change.id > floor, touched
    )
    return [
        (changeset or "", (changed_type, changed_id or 0), change_id)
        for changeset, changed_type, changed_id, change_id in session.execute(query)
    ]


def _with_rows(op: LaterChange, rows: list[Key]) -> LaterChange:
    return LaterChange(op.changeset, op.version, op.who, op.when, op.summary, tuple(rows))
