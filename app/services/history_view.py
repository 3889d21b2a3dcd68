"""A document's history as people read it: operations, newest first, with readable row diffs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Action, Change, TextRole, User
from app.services.history import OPERATION
from app.services.review import text_ids
from app.services.undo import undone

ROWS_SHOWN = 12  # row diffs listed per operation; the rest are counted


@dataclass
class RowDiff:
    label: str
    kind: str  # created, removed, changed
    details: list[str] = field(default_factory=list)


@dataclass
class OperationView:
    summary_id: int
    changeset: str
    action: str
    who: str
    when: datetime
    summary: str
    reason: str | None
    row_count: int
    undone: bool = False
    rows: list[RowDiff] = field(default_factory=list)

    @property
    def is_undo(self) -> bool:
        return self.action == Action.CHANGESET_UNDO.value

    @property
    def more(self) -> int:
        return max(self.row_count - len(self.rows), 0)


def operations(
    session: Session, document_id: int, before_id: int | None = None, limit: int = 30
) -> list[OperationView]:
    """Return a page of a document's operations, newest first (three queries)."""
    query = (
        select(Change, User.username)
        .outerjoin(User, User.id == Change.user_id)
        .where(Change.document_id == document_id, Change.entity_type == OPERATION)
        .order_by(Change.id.desc())
        .limit(limit)
    )
    if before_id is not None:
        query = query.where(Change.id < before_id)
    views = {
        c.changeset or "": OperationView(
            c.id,
            c.changeset or "",
            c.action,
            who or "the system",
            c.created_at,
            str((c.after or {}).get("summary", "")),
            c.reason,
            int((c.after or {}).get("rows", 0)),
        )
        for c, who in session.execute(query)
    }
    gone = undone(session, [v.summary_id for v in views.values()])
    for view in views.values():
        view.undone = view.summary_id in gone
    roles = {text_id: role for role, text_id in text_ids(session, document_id).items()}
    for change in _first_rows(session, document_id, list(views)):
        views[change.changeset or ""].rows.append(describe(change, roles))
    return list(views.values())


def _first_rows(session: Session, document_id: int, changesets: list[str]) -> list[Change]:
    """Return the first ROWS_SHOWN row changes of each changeset."""
    rank = func.row_number().over(partition_by=Change.changeset, order_by=Change.id).label("rank")
    ranked = (
        select(Change.id, rank)
        .where(
            Change.document_id == document_id,
            Change.changeset.in_(changesets),
            Change.entity_type != OPERATION,
        )
        .subquery()
    )
    first = select(ranked.c.id).where(ranked.c.rank <= ROWS_SHOWN)
    return list(session.scalars(select(Change).where(Change.id.in_(first)).order_by(Change.id)))


def describe(change: Change, roles: dict[int, TextRole]) -> RowDiff:
    """Say what happened to one row."""
    before, after = change.before, change.after
    snapshot = after or before or {}
    if change.entity_type == "segment":
        role = roles.get(snapshot.get("text_id", 0))
        language = "Russian" if role == TextRole.ORIGINAL else "English"
        text = str(snapshot.get("content", ""))
        short = text if len(text) <= 40 else text[:39] + "…"
        label = f"{language} sentence {change.entity_id} “{short}”"
    elif change.entity_type == "bead":
        label = f"Pair {change.entity_id}"
    else:
        label = f"{change.entity_type.capitalize()} {change.entity_id}"
    if before is None:
        return RowDiff(label, "created", _whole(after or {}))
    if after is None:
        return RowDiff(label, "removed", _whole(before))
    return RowDiff(label, "changed", _differences(before, after))


def _whole(snapshot: dict[str, Any]) -> list[str]:
    if "content" in snapshot:
        return [f"“{snapshot['content']}”"]
    if "segments" in snapshot:
        return [f"{len(snapshot['segments'])} sentences, {snapshot.get('status', '')}"]
    return []


def _differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    out = []
    for name in before.keys() | after.keys():
        old, new = before.get(name), after.get(name)
        if old == new or name in ("position", "start", "end", "text_id", "document_id"):
            continue
        if name == "content":
            out.append(f"text “{old}” → “{new}”")
        elif name == "segments":
            out.append(f"sentences {len(old or [])} → {len(new or [])}")
        elif name == "bead_id":
            out.append(f"moved from pair {old} to pair {new}")
        elif name == "confidence":
            out.append(f"confidence {float(old or 0):.2f} → {float(new or 0):.2f}")
        else:
            out.append(f"{name} {old or '—'} → {new or '—'}")
    return sorted(out)
