"""Running the checks on stored alignments, and dismissing findings that are false positives.

Findings are computed when asked for (they always reflect the current text); only dismissals
are stored. A finding is known across runs by its fingerprint: check id, entry id, the segment
it sits in (segment ids survive edits) and its subject.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Action, Collection, Document, FindingDismissal, Segment, User
from app.services.alignments import BeadRow, bead_rows
from app.services.changes import record
from app.services.errors import InvalidInput, NotFound
from app.services.glossary import records_for
from app.services.terms.analysis import Pair, TermIndex, TermUse
from app.services.terms.checks import CHECKS_BY_ID, Finding, Severity, check_pair


@dataclass(frozen=True)
class StoredFinding:
    """A finding placed in the database: which document, pair and segment it concerns."""

    finding: Finding
    document: Document
    row: BeadRow
    segment: Segment | None
    fingerprint: str
    dismissed: bool = False

    @property
    def severity(self) -> Severity:
        return CHECKS_BY_ID[self.finding.check_id].severity


class SegmentText(Protocol):
    """A segment as the checks need it (a stored Segment or a review page's SegmentView)."""

    @property
    def id(self) -> int: ...

    @property
    def kind(self) -> str: ...

    @property
    def content(self) -> str: ...


class RowText(Protocol):
    """A bead's segments on each side."""

    @property
    def src(self) -> Sequence[SegmentText]: ...

    @property
    def tgt(self) -> Sequence[SegmentText]: ...


def pair_of(row: RowText) -> Pair:
    """Return a bead's text as the checks read it."""
    return Pair(
        " ".join(s.content for s in row.src),
        tuple(s.content for s in row.tgt),
        tuple(s.kind for s in row.src),
    )


def fingerprint(finding: Finding, row: RowText) -> str:
    """Return the identity of a finding across runs (check, entry, segment, subject)."""
    entry = finding.entry.id if finding.entry and finding.entry.id else "-"
    anchor = anchor_of(finding, row)
    where = anchor.id if anchor else "-"
    return f"{finding.check_id}|{entry}|{where}|{finding.subject}"[:500]


def anchor_of(finding: Finding, row: RowText) -> SegmentText | None:
    """Return the segment a finding sits in: its translation segment, else the pair's first."""
    if finding.segment is not None:
        return row.tgt[finding.segment]
    sides = row.src or row.tgt
    return sides[0] if sides else None


def analysed_rows(
    session: Session, document: Document, index: TermIndex
) -> Iterator[tuple[BeadRow, Pair, list[TermUse]]]:
    """Yield a document's beads with their text and the glossary terms each contains."""
    for row in bead_rows(session, document):
        pair = pair_of(row)
        yield row, pair, index.uses(pair)


def check_document(
    session: Session, document: Document, index: TermIndex, dismissed: set[str] | None = None
) -> list[StoredFinding]:
    """Run every pair check on a document's beads, marking dismissed findings."""
    hidden = dismissed if dismissed is not None else dismissed_fingerprints(session, document)
    return findings_of(document, analysed_rows(session, document, index), hidden)


def findings_of(
    document: Document, rows: Iterable[tuple[BeadRow, Pair, list[TermUse]]], hidden: set[str]
) -> list[StoredFinding]:
    """Run every pair check on analysed rows of a document, marking dismissed findings."""
    found = []
    for row, pair, uses in rows:
        for finding in check_pair(pair, uses):
            key = fingerprint(finding, row)
            segment = row.tgt[finding.segment] if finding.segment is not None else None
            found.append(StoredFinding(finding, document, row, segment, key, key in hidden))
    return found


def index_for(session: Session, collection: Collection) -> TermIndex:
    """Return the collection's approved glossary entries prepared for matching."""
    return TermIndex(records_for(session, collection))


def check_collection(session: Session, collection: Collection) -> list[StoredFinding]:
    """Run the checks on every document of a collection."""
    index = index_for(session, collection)
    hidden = dismissed_in(session, collection.id)
    return [f for d in collection.documents for f in check_document(session, d, index, hidden)]


def dismissed_fingerprints(session: Session, document: Document) -> set[str]:
    """Return the fingerprints dismissed in a document's collection."""
    return dismissed_in(session, document.collection_id)


def dismissed_in(session: Session, collection_id: int) -> set[str]:
    query = select(FindingDismissal.fingerprint).where(
        FindingDismissal.collection_id == collection_id
    )
    return set(session.scalars(query))


def dismiss(
    session: Session, document: Document, key: str, actor: User | None, reason: str = ""
) -> FindingDismissal:
    """Dismiss a current finding of a document as a false positive (it stays dismissed)."""
    index = index_for(session, document.collection)
    current = {f.fingerprint: f for f in check_document(session, document, index, set())}
    found = current.get(key)
    if found is None:
        raise InvalidInput("That finding is no longer reported; reload the page.")
    existing = session.scalar(
        select(FindingDismissal).where(
            FindingDismissal.collection_id == document.collection_id,
            FindingDismissal.fingerprint == key,
        )
    )
    if existing is not None:
        return existing
    finding = found.finding
    dismissal = FindingDismissal(
        collection_id=document.collection_id,
        document_id=document.id,
        check_id=finding.check_id,
        entry_id=finding.entry.id if finding.entry else None,
        fingerprint=key,
        subject=finding.subject[:300],
        user_id=actor.id if actor else None,
        reason=reason.strip(),
    )
    session.add(dismissal)
    session.flush()
    _record(session, Action.FINDING_DISMISS, dismissal, actor, None, finding.message)
    return dismissal


def restore(session: Session, dismissal_id: int, actor: User | None) -> FindingDismissal:
    """Show a dismissed finding again."""
    dismissal = session.get(FindingDismissal, dismissal_id)
    if dismissal is None:
        raise NotFound("There is no such dismissed finding.")
    session.delete(dismissal)
    session.flush()
    _record(session, Action.FINDING_RESTORE, dismissal, actor, dismissal.reason, None)
    return dismissal


def _record(
    session: Session,
    action: Action,
    dismissal: FindingDismissal,
    actor: User | None,
    before: str | None,
    after: str | None,
) -> None:
    snapshot = {"check": dismissal.check_id, "fingerprint": dismissal.fingerprint}
    record(
        session,
        actor=actor,
        action=action,
        entity_type="finding",
        entity_id=dismissal.id,
        before=snapshot if before is not None else None,
        after={**snapshot, "message": after} if after is not None else None,
        reason=dismissal.reason or None,
        document_id=dismissal.document_id,
        collection_id=dismissal.collection_id,
    )


def dismissals(session: Session, collection: Collection) -> Sequence[FindingDismissal]:
    """Return a collection's dismissed findings, newest first."""
    query = (
        select(FindingDismissal)
        .where(FindingDismissal.collection_id == collection.id)
        .order_by(FindingDismissal.id.desc())
    )
    return list(session.scalars(query))
