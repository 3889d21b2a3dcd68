"""A learned lexicon per collection: what reviewers' confirmed beads teach the aligner.

The lexicon is a cache of the collection's confirmed beads (IBM Model 1 counts over all of them,
`alignment.lexicon.Lexicon.learn`), stored in `collection_lexicon` and rebuilt when the
collection's change log has moved on since it was learned. Other areas add entries through
`LEXICON_SOURCES` (each is called with the session, the collection id and the lexicon being
built; the glossary adds its approved terms there).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from alignment.lexicon import Lexicon
from app.models import (
    Bead,
    BeadStatus,
    Change,
    CollectionLexicon,
    Document,
    DocumentText,
    Segment,
    TextRole,
)
from app.models.base import utcnow

LexiconSource = Callable[[Session, int, Lexicon], None]
LEXICON_SOURCES: list[LexiconSource] = []


def collection_lexicon(session: Session, collection_id: int) -> Lexicon:
    """Return the collection's lexicon, relearned first if confirmations changed since."""
    latest = session.scalar(
        select(func.max(Change.id)).where(Change.collection_id == collection_id)
    )
    stored = session.scalar(
        select(CollectionLexicon).where(CollectionLexicon.collection_id == collection_id)
    )
    if stored is not None and stored.learned_through >= (latest or 0):
        return Lexicon.from_dict(stored.data)
    lexicon, count = learn_confirmed(session, collection_id)
    for contribute in LEXICON_SOURCES:
        contribute(session, collection_id, lexicon)
    if stored is None:
        stored = CollectionLexicon(collection_id=collection_id)
        session.add(stored)
    stored.data = lexicon.to_dict()
    stored.bead_count = count
    stored.learned_through = latest or 0
    stored.updated_at = utcnow()
    session.flush()
    return lexicon


def learn_confirmed(session: Session, collection_id: int) -> tuple[Lexicon, int]:
    """Learn a lexicon from every confirmed bead of a collection; return it and the bead count."""
    query = (
        select(Segment.bead_id, DocumentText.role, Segment.content)
        .join(Bead, Bead.id == Segment.bead_id)
        .join(Document, Document.id == Bead.document_id)
        .join(DocumentText, DocumentText.id == Segment.text_id)
        .where(Document.collection_id == collection_id, Bead.status == BeadStatus.CONFIRMED)
        .order_by(Segment.bead_id, Segment.position)
    )
    src: list[str] = []
    tgt: list[str] = []
    beads: dict[int, tuple[list[int], list[int]]] = {}
    for bead_id, role, content in session.execute(query):
        sides = beads.setdefault(bead_id or 0, ([], []))
        texts, side = (src, sides[0]) if role == TextRole.ORIGINAL else (tgt, sides[1])
        side.append(len(texts))
        texts.append(content)
    lexicon = Lexicon()
    lexicon.learn(src, tgt, beads.values())
    return lexicon, len(beads)
