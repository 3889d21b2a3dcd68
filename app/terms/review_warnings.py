"""Term, number and date findings as warnings on the review page's rows (review.ROW_ANNOTATORS)."""

from __future__ import annotations

from collections.abc import Sequence

from flask import has_request_context, url_for
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Bead, Collection, Document
from app.services.glossary import records_for
from app.services.review import ROW_ANNOTATORS, ReviewRow, RowWarning
from app.services.terms.checks import Finding
from app.services.terms.findings import dismissed_in, fingerprint, pair_of
from app.services.terms.remembered import remembered_checks


def annotate(session: Session, rows: Sequence[ReviewRow]) -> None:
    """Append each row's open findings (dismissed ones left out) to its warnings.

    Findings come from `remembered_checks`: a page view checks only pairs whose text (or the
    glossary) changed since they were last checked.
    """
    if not rows:
        return
    collection = session.scalar(
        select(Collection)
        .join(Document, Document.collection_id == Collection.id)
        .join(Bead, Bead.document_id == Document.id)
        .where(Bead.id == rows[0].id)
    )
    if collection is None:
        return
    checks = remembered_checks(records_for(session, collection))
    found = checks.findings([pair_of(row) for row in rows])
    hidden = dismissed_in(session, collection.id)
    links: dict[int | None, str | None] = {}
    for row, row_findings in zip(rows, found, strict=True):
        for finding in row_findings:
            if fingerprint(finding, row) not in hidden:
                key = _link_key(finding)
                if key not in links:
                    links[key] = link(finding, collection)
                row.warnings.append(RowWarning(finding.check_id, finding.message, links[key]))


def _link_key(finding: Finding) -> int | None:
    """Return what a finding's link depends on: its entry when it has a fix, else nothing."""
    entry = finding.entry
    return entry.id if entry is not None and finding.hit is not None else None


def link(finding: Finding, collection: Collection) -> str | None:
    """Return where to act on a finding: the term's fix page, or the collection's checks."""
    if not has_request_context():
        return None
    entry = finding.entry
    if entry is not None and entry.id is not None and finding.hit is not None:
        return url_for("terms.fix_page", slug=collection.slug, entry_id=entry.id)
    return url_for("terms.report_page", slug=collection.slug)


def register() -> None:
    """Show the findings on the review page (idempotent)."""
    if annotate not in ROW_ANNOTATORS:
        ROW_ANNOTATORS.append(annotate)
