"""What a collection has taught the aligner: a learned lexicon, rebuilt from confirmed beads."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class CollectionLexicon(Base):
    """The engine's `alignment.lexicon.Lexicon` of one collection, as `Lexicon.to_dict()`."""

    __tablename__ = "collection_lexicon"

    id: Mapped[int] = mapped_column(primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collection.id"), unique=True)
    data: Mapped[Any] = mapped_column(JSON)
    # How many confirmed beads it was learned from, and the newest change it has seen: when the
    # collection's change log has moved past `learned_through`, the lexicon is rebuilt.
    bead_count: Mapped[int] = mapped_column(Integer, default=0)
    learned_through: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
