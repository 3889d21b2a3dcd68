"""Collections, documents with their archival metadata, and the language versions of each."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Timestamped
from app.models.users import enum_column

if TYPE_CHECKING:
    from app.models.alignment import Bead
    from app.models.segments import Segment


class Collection(Base, Timestamped):
    __tablename__ = "collection"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    source_lang: Mapped[str] = mapped_column(String(8), default="ru")
    target_lang: Mapped[str] = mapped_column(String(8), default="en")

    documents: Mapped[list[Document]] = relationship(
        back_populates="collection", order_by="Document.id"
    )


class Document(Base, Timestamped):
    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("collection_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collection.id"), index=True)
    slug: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(String(500))
    # Archival metadata, as the archive's citation gives it.
    date: Mapped[date | None] = mapped_column(Date)
    date_text: Mapped[str | None] = mapped_column(String(100))
    summary: Mapped[str | None] = mapped_column(Text)
    citation: Mapped[str | None] = mapped_column(Text)
    repository: Mapped[str | None] = mapped_column(String(300))
    archive: Mapped[str | None] = mapped_column(String(100))
    fond: Mapped[str | None] = mapped_column(String(40))
    opis: Mapped[str | None] = mapped_column(String(40))
    papka: Mapped[str | None] = mapped_column(String(40))  # folder, cited between opis and delo
    delo: Mapped[str | None] = mapped_column(String(40))
    listy: Mapped[str | None] = mapped_column(String(40))
    source_url: Mapped[str | None] = mapped_column(String(1000))
    translator: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    # Bumped by every alignment edit; an edit based on an older version is refused.
    alignment_version: Mapped[int] = mapped_column(Integer, default=1)

    collection: Mapped[Collection] = relationship(back_populates="documents")
    texts: Mapped[list[DocumentText]] = relationship(
        back_populates="document", order_by="DocumentText.id"
    )
    beads: Mapped[list[Bead]] = relationship(back_populates="document", order_by="Bead.position")

    def text(self, role: TextRole) -> DocumentText | None:
        """Return the language version playing `role`, if imported."""
        return next((t for t in self.texts if t.role == role), None)

    @property
    def reference(self) -> str | None:
        """Return the archival reference as the archive cites it, e.g. "AVPRF F. 0102, Op. 13"."""
        parts = [
            (self.archive, ""),
            (self.fond, "F. "),
            (self.opis, "Op. "),
            (self.papka, "P. "),
            (self.delo, "Delo "),
            (self.listy, "Listy "),
        ]
        cited = [f"{label}{value}" for value, label in parts if value]
        return ", ".join(cited) or None


class TextRole(StrEnum):
    ORIGINAL = "original"
    TRANSLATION = "translation"


class DocumentText(Base, Timestamped):
    """One language version of a document, with the imported text kept verbatim."""

    __tablename__ = "document_text"
    __table_args__ = (UniqueConstraint("document_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    role: Mapped[TextRole] = mapped_column(enum_column(TextRole, "text_role"))
    lang: Mapped[str] = mapped_column(String(8))
    raw: Mapped[str] = mapped_column(Text)
    # The span of `raw` that holds the document itself; archive chrome lies outside it.
    body_start: Mapped[int] = mapped_column(Integer, default=0)
    body_end: Mapped[int] = mapped_column(Integer)
    source_format: Mapped[str] = mapped_column(String(20))
    encoding: Mapped[str] = mapped_column(String(20))
    filename: Mapped[str | None] = mapped_column(String(300))

    document: Mapped[Document] = relationship(back_populates="texts")
    segments: Mapped[list[Segment]] = relationship(
        back_populates="text", order_by="Segment.position"
    )
