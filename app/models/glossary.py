"""Glossaries: term entries with approved and forbidden renderings, and dismissed findings."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Timestamped, utcnow
from app.models.users import User, enum_column


class TermStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"


class Glossary(Base, Timestamped):
    """A set of term entries; one glossary may serve several collections."""

    __tablename__ = "glossary"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    source_lang: Mapped[str] = mapped_column(String(8), default="ru")
    target_lang: Mapped[str] = mapped_column(String(8), default="en")

    entries: Mapped[list[TermEntry]] = relationship(
        back_populates="glossary", order_by="TermEntry.term"
    )


class GlossaryUse(Base):
    """Which glossary a collection's checks, fixes and alignment use (at most one)."""

    __tablename__ = "glossary_collection"

    collection_id: Mapped[int] = mapped_column(
        ForeignKey("collection.id", ondelete="CASCADE"), primary_key=True
    )
    glossary_id: Mapped[int] = mapped_column(ForeignKey("glossary.id"), index=True)

    glossary: Mapped[Glossary] = relationship()


class TermEntry(Base, Timestamped):
    """One concept: its Russian forms, English renderings (preferred, admitted, forbidden)."""

    __tablename__ = "term_entry"
    __table_args__ = (UniqueConstraint("glossary_id", "term"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    glossary_id: Mapped[int] = mapped_column(ForeignKey("glossary.id"), index=True)
    term: Mapped[str] = mapped_column(String(300))  # the Russian headword
    ru_forms: Mapped[list[str]] = mapped_column(JSON, default=list)  # abbreviations, variants
    preferred: Mapped[str] = mapped_column(String(300), default="")
    admitted: Mapped[list[str]] = mapped_column(JSON, default=list)
    forbidden: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[TermStatus] = mapped_column(
        enum_column(TermStatus, "term_status"), default=TermStatus.PROPOSED
    )
    # English renderings match case-insensitively unless the entry says otherwise.
    case_sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    glossary: Mapped[Glossary] = relationship(back_populates="entries")
    approved_by: Mapped[User | None] = relationship()


class FindingDismissal(Base, Timestamped):
    """A check finding someone judged a false positive; it stays hidden until restored.

    `fingerprint` identifies the finding across re-runs: check id, entry id, the segment it
    sits in (segment ids survive edits) and its subject (the words or numbers concerned).
    """

    __tablename__ = "finding_dismissal"
    __table_args__ = (UniqueConstraint("collection_id", "fingerprint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    collection_id: Mapped[int] = mapped_column(
        ForeignKey("collection.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    check_id: Mapped[str] = mapped_column(String(40))
    entry_id: Mapped[int | None] = mapped_column(Integer)  # no FK: kept if the entry goes
    fingerprint: Mapped[str] = mapped_column(String(500))
    subject: Mapped[str] = mapped_column(String(300))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    reason: Mapped[str] = mapped_column(Text, default="")

    user: Mapped[User | None] = relationship()
