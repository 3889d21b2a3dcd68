"""Documents for review tests, built directly (no engine), and checks of their state."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Bead,
    BeadStatus,
    Change,
    Collection,
    Document,
    DocumentText,
    Segment,
    TextRole,
)
from app.services.review import text_ids

Pair = tuple[Sequence[str], Sequence[str], float]


def build_document(
    session: Session,
    pairs: Sequence[Pair],
    *,
    collection: Collection | None = None,
    slug: str = "doc",
    positions_step: int = 1,
) -> Document:
    """Store a document whose beads are `pairs` (Russian sentences, English, confidence)."""
    if collection is None:
        collection = Collection(slug=f"c-{slug}", title=f"Collection {slug}")
        session.add(collection)
    document = Document(collection=collection, slug=slug, title=f"Document {slug}")
    session.add(document)
    texts = {}
    for role, lang, index in ((TextRole.ORIGINAL, "ru", 0), (TextRole.TRANSLATION, "en", 1)):
        raw = " ".join(s for pair in pairs for s in pair[index])
        texts[role] = DocumentText(
            document=document,
            role=role,
            lang=lang,
            raw=raw,
            body_end=len(raw),
            source_format="plain",
            encoding="utf-8",
        )
    session.add_all(texts.values())
    offsets = {TextRole.ORIGINAL: 0, TextRole.TRANSLATION: 0}
    counts = {TextRole.ORIGINAL: 0, TextRole.TRANSLATION: 0}
    for position, (src, tgt, confidence) in enumerate(pairs):
        bead = Bead(document=document, position=position * positions_step, confidence=confidence)
        session.add(bead)
        for role, sentences in ((TextRole.ORIGINAL, src), (TextRole.TRANSLATION, tgt)):
            for sentence in sentences:
                start = offsets[role]
                segment = Segment(
                    text=texts[role],
                    position=counts[role] * positions_step,
                    kind="sentence",
                    content=sentence,
                    start=start,
                    end=start + len(sentence),
                    bead=bead,
                )
                session.add(segment)
                offsets[role] = start + len(sentence) + 1
                counts[role] += 1
    session.flush()
    return document


def numbered_pairs(count: int, confidence: float = 0.95) -> list[Pair]:
    """Return `count` 1-1 pairs with distinct sentences."""
    return [([f"Предложение {i}."], [f"Sentence {i}."], confidence) for i in range(count)]


def state(session: Session, document: Document) -> dict[str, Any]:
    """Return every bead and segment of a document as plain values (for exact comparisons)."""
    session.expire_all()
    ids = list(text_ids(session, document.id).values())
    beads = session.execute(
        select(Bead.id, Bead.position, Bead.confidence, Bead.status, Bead.comment)
        .where(Bead.document_id == document.id)
        .order_by(Bead.id)
    ).all()
    segments = session.execute(
        select(
            Segment.id,
            Segment.text_id,
            Segment.position,
            Segment.kind,
            Segment.content,
            Segment.start,
            Segment.end,
            Segment.bead_id,
        )
        .where(Segment.text_id.in_(ids))
        .order_by(Segment.id)
    ).all()
    return {"beads": [tuple(b) for b in beads], "segments": [tuple(s) for s in segments]}


def layout(session: Session, document: Document) -> list[tuple[list[str], list[str]]]:
    """Return the beads in order as (Russian sentences, English sentences)."""
    session.expire_all()
    original = text_ids(session, document.id)[TextRole.ORIGINAL]
    beads = session.scalars(
        select(Bead).where(Bead.document_id == document.id).order_by(Bead.position)
    )
    out = []
    for bead in beads:
        ordered = sorted(bead.segments, key=lambda s: s.position)
        out.append(
            (
                [s.content for s in ordered if s.text_id == original],
                [s.content for s in ordered if s.text_id != original],
            )
        )
    return out


def assert_well_formed(session: Session, document: Document) -> None:
    """Beads are non-empty, in order on both sides, and hold every segment exactly once."""
    session.expire_all()
    texts = text_ids(session, document.id)
    beads = list(
        session.scalars(select(Bead).where(Bead.document_id == document.id).order_by(Bead.position))
    )
    assert len({b.position for b in beads}) == len(beads), "two beads share a position"
    for role, text_id in texts.items():
        in_beads = [
            s.position
            for b in beads
            for s in sorted(b.segments, key=lambda s: s.position)
            if s.text_id == text_id
        ]
        all_positions = sorted(
            session.scalars(select(Segment.position).where(Segment.text_id == text_id))
        )
        assert in_beads == all_positions, f"{role} segments out of order or outside beads"
    assert all(b.segments for b in beads), "an empty bead"


def changesets_since(session: Session, change_id: int) -> set[str]:
    """Return the changesets recorded after change `change_id`."""
    query = select(Change.changeset).where(Change.id > change_id)
    return {c for c in session.scalars(query) if c}


def last_change_id(session: Session) -> int:
    """Return the id of the newest change (0 if none)."""
    return session.scalar(select(Change.id).order_by(Change.id.desc()).limit(1)) or 0


def statuses(session: Session, document: Document) -> list[BeadStatus]:
    """Return the beads' statuses in order."""
    session.expire_all()
    query = select(Bead.status).where(Bead.document_id == document.id).order_by(Bead.position)
    return list(session.scalars(query))
