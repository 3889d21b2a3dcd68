"""The review page's rows: beads with their sentences, filters, progress and per-row warnings.

Rows are read as plain tuples (no ORM objects): a 2,000-bead page is two queries and a few
milliseconds of Python. Other areas add per-row warnings through `ROW_ANNOTATORS`: each is
called with the session and the rows about to be shown, and appends `RowWarning`s to
`row.warnings` (the review row template lists them under the row).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Bead, BeadStatus, Collection, Document, DocumentText, Segment, TextRole
from app.services.collections import Progress, progress_by_document
from app.services.history import Outcome

REVIEW_BELOW = 0.9  # a pair below this confidence needs review (the "check" band starts here)


class Show(StrEnum):
    """The review page's filters."""

    ALL = "all"
    REVIEW = "review"  # needs review: doubtful, flagged, not 1-1 or one side empty
    CONFIRMED = "confirmed"


class SegmentView(NamedTuple):
    """A segment as a review row shows it (a tuple: cheap to build, no work for the GC)."""

    id: int
    position: int
    kind: str
    content: str


@dataclass(frozen=True, slots=True)
class RowWarning:
    """A problem with a pair that another area found (a term check, for example)."""

    check_id: str
    message: str
    url: str | None = None


@dataclass(slots=True)
class ReviewRow:
    """One bead as the review page shows it."""

    id: int
    position: int
    confidence: float
    status: BeadStatus
    comment: str | None
    version: int  # the document version these rows were read at
    src: list[SegmentView] = field(default_factory=list)
    tgt: list[SegmentView] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """Return the bead type, "n-m"."""
        return f"{len(self.src)}-{len(self.tgt)}"

    @property
    def band(self) -> str:
        """Return the confidence band: high, mid or low."""
        return (
            "high"
            if self.confidence >= REVIEW_BELOW
            else "mid"
            if self.confidence >= 0.5
            else "low"
        )

    @property
    def needs_review(self) -> bool:
        """Return whether a reviewer should look at this pair."""
        if self.status == BeadStatus.CONFIRMED:
            return False
        doubtful = self.confidence < REVIEW_BELOW or self.status == BeadStatus.FLAGGED
        return doubtful or self.kind != "1-1"

    def shown_by(self, show: Show) -> bool:
        """Return whether the filter `show` lists this row."""
        if show == Show.REVIEW:
            return self.needs_review
        if show == Show.CONFIRMED:
            return self.status == BeadStatus.CONFIRMED
        return True


Annotator = Callable[[Session, Sequence[ReviewRow]], None]
ROW_ANNOTATORS: list[Annotator] = []


def text_ids(session: Session, document_id: int) -> dict[TextRole, int]:
    """Return the ids of a document's original and translation (without loading the texts)."""
    query = select(DocumentText.role, DocumentText.id).where(
        DocumentText.document_id == document_id
    )
    return dict(session.execute(query).all())


def load_rows(
    session: Session,
    document: Document,
    bead_ids: Sequence[int] | None = None,
    show: Show = Show.ALL,
    warnings: bool = True,
) -> list[ReviewRow]:
    """Return a document's rows in order (or only `bead_ids`), filtered, with their warnings.

    With `warnings=False` the annotators are not run (call `annotate` on the rows you show).
    """
    columns = (Bead.id, Bead.position, Bead.confidence, Bead.status, Bead.comment)
    beads = select(*columns).where(Bead.document_id == document.id).order_by(Bead.position)
    segments = select(
        Segment.bead_id,
        Segment.text_id,
        Segment.id,
        Segment.position,
        Segment.kind,
        Segment.content,
    ).order_by(Segment.position)
    if bead_ids is not None:
        beads = beads.where(Bead.id.in_(bead_ids))
        segments = segments.where(Segment.bead_id.in_(bead_ids))
    else:
        segments = segments.join(Bead, Bead.id == Segment.bead_id).where(
            Bead.document_id == document.id
        )
    version = document.alignment_version
    rows = {
        b[0]: ReviewRow(b[0], b[1], b[2], BeadStatus(b[3]), b[4], version)
        for b in session.execute(beads)
    }
    original = text_ids(session, document.id).get(TextRole.ORIGINAL)
    for bead_id, text_id, segment_id, position, kind, content in session.execute(segments):
        row = rows.get(bead_id or 0)
        if row is not None:
            side = row.src if text_id == original else row.tgt
            side.append(SegmentView(segment_id, position, kind, content))
    shown = [r for r in rows.values() if r.shown_by(show)]
    if warnings:
        annotate(session, shown)
    return shown


def annotate(session: Session, rows: Sequence[ReviewRow]) -> None:
    """Let the other areas add their warnings to the rows."""
    for annotator in ROW_ANNOTATORS:
        annotator(session, rows)


@dataclass(frozen=True)
class ReviewProgress:
    """Confirmed pairs of one document and of its whole collection."""

    document: Progress
    collection: Progress


def progress(session: Session, document: Document) -> ReviewProgress:
    """Return the progress bars' figures (one query)."""
    collection: Collection = document.collection
    per_document = progress_by_document(session, collection)
    empty = Progress(0, 0, 0)
    total = Progress(
        sum(p.confirmed for p in per_document.values()),
        sum(p.total for p in per_document.values()),
        sum(p.low_confidence for p in per_document.values()),
    )
    return ReviewProgress(per_document.get(document.id, empty), total)


@dataclass(frozen=True)
class PlacedRow:
    """A row to show again after an operation; a new one goes right after bead `after`."""

    row: ReviewRow
    new: bool
    after: int | None


@dataclass(frozen=True)
class RowChanges:
    rows: list[PlacedRow]
    removed: list[int]


def changed_rows(session: Session, document: Document, outcome: Outcome) -> RowChanges:
    """Return the rows an operation changed, created (placed) and removed."""
    removed = outcome.ids("bead", outcome.deleted)
    present = outcome.ids("bead") - removed
    segment_ids = outcome.ids("segment") - outcome.ids("segment", outcome.deleted)
    if segment_ids:
        holders = select(Segment.bead_id).where(Segment.id.in_(segment_ids))
        present |= {b for b in session.scalars(holders) if b is not None}
    if not present:
        return RowChanges([], sorted(removed))
    order = session.scalars(
        select(Bead.id).where(Bead.document_id == document.id).order_by(Bead.position)
    ).all()
    before = {bead: order[i - 1] if i else None for i, bead in enumerate(order)}
    created = outcome.ids("bead", outcome.created)
    rows = load_rows(session, document, sorted(present))
    placed = [PlacedRow(r, r.id in created, before.get(r.id)) for r in rows]
    return RowChanges(placed, sorted(removed))
