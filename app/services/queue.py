"""The review queue of a collection: beads needing review, lowest confidence first.

A bead needs review when it is not confirmed and is doubtful (confidence below
`review.REVIEW_BELOW`), flagged, or not 1-1 (which includes an empty side); the same rule as
`ReviewRow.needs_review`, in SQL. "Next" is keyset pagination on (confidence, id), so it needs
no state: after confirming a bead, the next one is simply the following bead in that order.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, case, func, or_, select, tuple_
from sqlalchemy.orm import Session

from app.models import Bead, BeadStatus, Document, DocumentText, Segment, TextRole
from app.services.review import REVIEW_BELOW


@dataclass(frozen=True)
class QueueItem:
    bead_id: int
    document_id: int
    document_title: str
    confidence: float
    status: BeadStatus
    kind: str


def _needing_review(
    collection_id: int, document_id: int | None = None
) -> Select[int, int, str, float, BeadStatus, int, int]:
    """Return the query of a collection's (or one document's) beads needing review, in order."""
    scope = (
        Document.id == document_id
        if document_id is not None
        else Document.collection_id == collection_id
    )
    is_src = case((DocumentText.role == TextRole.ORIGINAL, 1), else_=0)
    counts = (
        select(
            Segment.bead_id.label("bead_id"),
            func.sum(is_src).label("src"),
            func.count(Segment.id).label("total"),
        )
        .join(DocumentText, DocumentText.id == Segment.text_id)
        .join(Document, Document.id == DocumentText.document_id)
        .where(scope)
        .group_by(Segment.bead_id)
        .subquery()
    )
    src, tgt = counts.c.src, counts.c.total - counts.c.src
    return (
        select(Bead.id, Bead.document_id, Document.title, Bead.confidence, Bead.status, src, tgt)
        .join(Document, Document.id == Bead.document_id)
        .join(counts, counts.c.bead_id == Bead.id)
        .where(
            scope,
            Bead.status != BeadStatus.CONFIRMED,
            or_(
                Bead.confidence < REVIEW_BELOW,
                Bead.status == BeadStatus.FLAGGED,
                src != 1,
                tgt != 1,
            ),
        )
        .order_by(Bead.confidence, Bead.id)
    )


def needing_review_count(session: Session, document: Document) -> int:
    """Return how many beads of a document need review (one query)."""
    query = _needing_review(document.collection_id, document.id).order_by(None).subquery()
    return session.scalar(select(func.count()).select_from(query)) or 0


def queue(session: Session, collection_id: int, limit: int = 100) -> list[QueueItem]:
    """Return the first `limit` beads needing review across a collection."""
    rows = session.execute(_needing_review(collection_id).limit(limit))
    return [
        QueueItem(bead, doc, title, confidence, BeadStatus(status), f"{src}-{tgt}")
        for bead, doc, title, confidence, status, src, tgt in rows
    ]


def next_needing_review(
    session: Session, collection_id: int, after_bead_id: int | None = None
) -> QueueItem | None:
    """Return the bead after `after_bead_id` in queue order (the first without one)."""
    query = _needing_review(collection_id)
    if after_bead_id is not None:
        current = session.execute(
            select(Bead.confidence, Bead.id).where(Bead.id == after_bead_id)
        ).first()
        if current is not None:
            query = query.where(tuple_(Bead.confidence, Bead.id) > tuple_(*current))
    found = session.execute(query.limit(1)).first()
    if found is None:
        return None
    bead, doc, title, confidence, status, src, tgt = found
    return QueueItem(bead, doc, title, confidence, BeadStatus(status), f"{src}-{tgt}")
