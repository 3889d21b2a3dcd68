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


def ensure_unchanged(
    session: Session, document: Document, base_version: int, keys: Iterable[Key]
) -> None:
    """Refuse (StaleVersion) if a change after `base_version` touched any of `keys`.

    `document` must be locked (history.Recorder.lock), so no change slips in meanwhile.
    """
    current = document.alignment_version
    if base_version == current:
        return
    if not 1 <= base_version < current:
        raise InvalidInput(
            f"Version {base_version} of this document does not exist (it is at {current})."
        )
    later, floor = _later_operations(session, document, base_version)
    if len(later) != current - base_version:  # the log cannot vouch for every version
        raise StaleVersion(
            "This document changed in a way the change log cannot attribute to rows, so your "
            "change was not applied. Reload the rows and try again.",
            later,
            current,
        )
    hits = _row_changes(session, document.id, floor, keys)
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
    session: Session, document: Document, base_version: int
) -> tuple[list[LaterChange], int]:
    """Return the operations after `base_version` and the id of the one that made it."""
    limit = document.alignment_version - base_version + 1
    query = (
        select(Change.id, Change.changeset, Change.after, Change.created_at, User.username)
        .outerjoin(User, User.id == Change.user_id)
        .where(Change.document_id == document.id, Change.entity_type == OPERATION)
        .order_by(Change.id.desc())
        .limit(limit)
    )
    later, floor = [], 0
    for change_id, changeset, after, when, who in session.execute(query):
        version = int((after or {}).get("version", 0))
        if version > base_version and changeset:
            summary = str(after.get("summary", ""))
            later.append(LaterChange(changeset, version, who or "the system", when, summary, ()))
        elif version == base_version:
            floor = change_id
    return later[::-1], floor


def _row_changes(
    session: Session, document_id: int, floor: int, keys: Iterable[Key]
) -> dict[str, list[Key]]:
    """Return, per changeset, which of `keys` it changed after change id `floor`."""
    by_type: dict[str, set[int]] = {}
    for entity_type, entity_id in keys:
        by_type.setdefault(entity_type, set()).add(entity_id)
    if not by_type:
        return {}
    touched = or_(
        *(
            and_(Change.entity_type == t, Change.entity_id.in_(sorted(ids)))
            for t, ids in by_type.items()
        )
    )
    query = select(Change.changeset, Change.entity_type, Change.entity_id).where(
        Change.document_id == document_id, Change.id > floor, touched
    )
    hits: dict[str, list[Key]] = {}
    for changeset, changed_type, changed_id in session.execute(query):
        hits.setdefault(changeset or "", []).append((changed_type, changed_id or 0))
    return hits


def _with_rows(op: LaterChange, rows: list[Key]) -> LaterChange:
    return LaterChange(op.changeset, op.version, op.who, op.when, op.summary, tuple(rows))
