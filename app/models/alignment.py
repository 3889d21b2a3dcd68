"""Beads: the alignment pairs of a document."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Float, ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.users import enum_column

if TYPE_CHECKING:
    from app.models.documents import Document
    from app.models.segments import Segment


class BeadStatus(StrEnum):
    AUTOMATIC = "automatic"
    CONFIRMED = "confirmed"
    FLAGGED = "flagged"


class Bead(Base):
    """One alignment pair joining zero or more source and zero or more target segments."""

    __tablename__ = "bead"
    __table_args__ = (Index("ix_bead_document_position", "document_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"))
    position: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)
    status: Mapped[BeadStatus] = mapped_column(
        enum_column(BeadStatus, "bead_status"), default=BeadStatus.AUTOMATIC
    )
    comment: Mapped[str | None] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="beads")
    segments: Mapped[list[Segment]] = relationship(
        back_populates="bead", order_by="Segment.position"
    )
