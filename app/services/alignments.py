"""Segmenting texts, running the engine, and storing the resulting beads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

import alignment
from app.models import Action, Bead, BeadStatus, Document, DocumentText, Segment, TextRole, User
from app.services.changes import record
from app.services.lexicons import collection_lexicon

# Positions only order rows; they start this far apart so that review operations can place
# new beads and sentences between two rows without renumbering the document.
POSITION_GAP = 1024


def segment_text(
    session: Session, text: DocumentText, pieces: Sequence[tuple[int, int]] | None = None
) -> list[list[Segment]]:
    """Split a text's body (or each of `pieces`, spans of raw) into stored segments.

    Returns the segments grouped by piece (one group for the whole body).
    """
    spans = pieces if pieces is not None else [(text.body_start, text.body_end)]
    groups: list[list[Segment]] = []
    position = POSITION_GAP
    for start, end in spans:
        group = []
        for piece in alignment.split_sentences(text.raw[start:end], text.lang):
            group.append(
                Segment(
                    text=text,
                    position=position,
                    kind=str(piece.kind),
                    content=piece.text,
                    start=start + piece.start,
                    end=start + piece.end,
                )
            )
            position += POSITION_GAP
        groups.append(group)
    session.add_all(s for group in groups for s in group)
    session.flush()
    return groups


def segment_snapshot(segment: Segment) -> dict[str, Any]:
    """Return a segment as recorded in the change log."""
    return {
        "id": segment.id,
        "position": segment.position,
        "kind": segment.kind,
        "content": segment.content,
        "start": segment.start,
        "end": segment.end,
    }


@dataclass(frozen=True)
class BeadRow:
    """A bead with its source and target segments, in order."""

    bead: Bead
    src: list[Segment]
    tgt: list[Segment]
    number: int = 0  # 1-based place in the document, as people count pairs

    def snapshot(self) -> dict[str, Any]:
        """Return the bead as recorded in the change log."""
        return {
            "id": self.bead.id,
            "position": self.bead.position,
            "src": [s.id for s in self.src],
            "tgt": [s.id for s in self.tgt],
            "confidence": round(self.bead.confidence, 4),
            "status": self.bead.status.value,
        }


def store_beads(
    session: Session,
    document: Document,
    src: Sequence[Segment],
    tgt: Sequence[Segment],
    beads: Sequence[alignment.Bead],
    status: BeadStatus = BeadStatus.AUTOMATIC,
) -> list[BeadRow]:
    """Create bead rows for engine beads (indices into `src` and `tgt`) and attach segments."""
    rows = []
    for index, engine_bead in enumerate(beads):
        bead = Bead(
            document=document,
            position=POSITION_GAP * (index + 1),
            confidence=float(engine_bead.confidence),
            status=status,
        )
        row = BeadRow(
            bead, [src[i] for i in engine_bead.src], [tgt[j] for j in engine_bead.tgt], index + 1
        )
        for segment in row.src + row.tgt:
            segment.bead = bead
        rows.append(row)
    session.add_all(row.bead for row in rows)
    session.flush()
    return rows


def record_alignment(
    session: Session,
    document: Document,
    rows: Sequence[BeadRow],
    actor: User | None,
    changeset: str,
    reason: str,
) -> None:
    """Record the creation of a document's beads as one change."""
    record(
        session,
        actor=actor,
        action=Action.ALIGNMENT_CREATE,
        entity_type="document",
        entity_id=document.id,
        after=[row.snapshot() for row in rows],
        reason=reason,
        document_id=document.id,
        collection_id=document.collection_id,
        changeset=changeset,
    )


def align_document(
    session: Session, document: Document, src: Sequence[Segment], tgt: Sequence[Segment]
) -> list[BeadRow]:
    """Run the engine on the document's segments and store its beads."""
    result = alignment.align(
        [s.content for s in src],
        [s.content for s in tgt],
        src_lang=document.collection.source_lang,
        tgt_lang=document.collection.target_lang,
        lexicon=collection_lexicon(session, document.collection_id),  # glossary and learned
    )
    return store_beads(session, document, src, tgt, result.beads)


def bead_rows(session: Session, document: Document) -> list[BeadRow]:
    """Return a document's beads in order with their segments (two queries)."""
    original = document.text(TextRole.ORIGINAL)
    original_id = original.id if original else None
    query = (
        select(Bead)
        .where(Bead.document_id == document.id)
        .order_by(Bead.position)
        .options(selectinload(Bead.segments))
    )
    rows: list[BeadRow] = []
    for bead in session.scalars(query):
        src = [s for s in bead.segments if s.text_id == original_id]
        tgt = [s for s in bead.segments if s.text_id != original_id]
        rows.append(BeadRow(bead, src, tgt, len(rows) + 1))
    return rows
