"""The append-only change log: who changed what, when, from what to what, and why."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, utcnow
from app.models.users import User


class Action(StrEnum):
    """Every kind of recorded change; the database stores the value."""

    COLLECTION_CREATE = "collection.create"
    DOCUMENT_IMPORT = "document.import"
    DOCUMENT_METADATA = "document.metadata"
    DOCUMENT_DELETE = "document.delete"
    TEXT_CREATE = "text.create"
    SEGMENTS_CREATE = "segments.create"
    ALIGNMENT_CREATE = "alignment.create"
    USER_CREATE = "user.create"
    USER_UPDATE = "user.update"
    # Review operations (app/services/review_ops.py, segment_ops.py, realign.py).
    BEAD_MERGE = "bead.merge"
    BEAD_MOVE = "bead.move"
    BEAD_SPLIT = "bead.split"
    BEAD_DETACH = "bead.detach"
    BEAD_CONFIRM = "bead.confirm"
    BEAD_CONFIRM_UP_TO = "bead.confirm_up_to"
    BEAD_RESET = "bead.reset"
    BEAD_FLAG = "bead.flag"
    SEGMENT_SPLIT = "segment.split"
    SEGMENT_JOIN = "segment.join"
    SEGMENT_EDIT = "segment.edit"
    ALIGNMENT_REALIGN = "alignment.realign"
    POSITIONS_RESPACE = "positions.respace"
    # A changeset that restores the rows an earlier changeset changed (app/services/undo.py).
    CHANGESET_UNDO = "changeset.undo"
    # Terminology (app/services/glossary.py, app/services/terms/).
    GLOSSARY_CREATE = "glossary.create"
    GLOSSARY_ASSIGN = "glossary.assign"
    TERM_CREATE = "term.create"
    TERM_UPDATE = "term.update"
    TERM_DELETE = "term.delete"
    TERM_FIX = "term.fix"
    FINDING_DISMISS = "finding.dismiss"
    FINDING_RESTORE = "finding.restore"


class Change(Base):
    """One recorded edit. Rows are only ever inserted (a trigger refuses updates and deletes)."""

    __tablename__ = "change"
    __table_args__ = (
        Index("ix_change_document_id_id", "document_id", "id"),
        # Finds the later change that blocks an undo (app/services/undo.py).
        Index("ix_change_entity", "entity_type", "entity_id", "id"),
        # Finds what undid a change (undo.undone), and a collection's newest change (lexicons).
        Index("ix_change_reverts_id", "reverts_id"),
        Index("ix_change_collection_id_id", "collection_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    action: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    document_id: Mapped[int | None] = mapped_column(Integer)  # no FK: history outlives deletes
    collection_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before: Mapped[Any | None] = mapped_column(JSON)
    after: Mapped[Any | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
    # Changes made by one operation share a changeset id, so they can be undone together.
    changeset: Mapped[str | None] = mapped_column(String(36), index=True)
    reverts_id: Mapped[int | None] = mapped_column(ForeignKey("change.id"))

    user: Mapped[User | None] = relationship()


class ChangeLogIsAppendOnly(RuntimeError):
    """Raised when code tries to edit or delete a recorded change."""


@event.listens_for(Change, "before_update")
@event.listens_for(Change, "before_delete")
def _refuse_edit(_mapper: Any, _connection: Any, target: Change) -> None:
    raise ChangeLogIsAppendOnly(
        f"change {target.id} is part of the audit trail and cannot be "
        "modified; record a new change instead"
    )
