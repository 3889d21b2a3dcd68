"""Segments: the ordered units (sentences, headings, notes...) of a document text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base

if TYPE_CHECKING:
    from app.models.alignment import Bead
    from app.models.documents import DocumentText


class Segment(Base):
    __tablename__ = "segment"
    __table_args__ = (Index("ix_segment_text_position", "text_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    text_id: Mapped[int] = mapped_column(ForeignKey("document_text.id"))
    # Order within the text; ids never change, positions may be renumbered after a split.
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # alignment.SegmentKind value
    content: Mapped[str] = mapped_column(Text)
    # Offsets into the imported raw text; content may later be edited away from raw[start:end].
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    bead_id: Mapped[int | None] = mapped_column(ForeignKey("bead.id"), index=True)

    text: Mapped[DocumentText] = relationship(back_populates="segments")
    bead: Mapped[Bead | None] = relationship(back_populates="segments")
