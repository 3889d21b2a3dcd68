"""Recording changes: every write to user data goes through `record` in the same transaction."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from app.models import Action, Change, User


def new_changeset() -> str:
    """Return a fresh id grouping the changes of one operation."""
    return str(uuid.uuid4())


def record(
    session: Session,
    *,
    actor: User | None,
    action: Action,
    entity_type: str,
    entity_id: int | None,
    before: Any = None,
    after: Any = None,
    reason: str | None = None,
    document_id: int | None = None,
    collection_id: int | None = None,
    changeset: str | None = None,
) -> Change:
    """Append one change to the log (flushed, not committed: the caller owns the transaction)."""
    change = Change(
        user_id=actor.id if actor else None,
        action=action.value,
        entity_type=entity_type,
        entity_id=entity_id,
        before=before,
        after=after,
        reason=reason,
        document_id=document_id,
        collection_id=collection_id,
        changeset=changeset,
    )
    session.add(change)
    session.flush()
    return change
