"""Term, number and date findings as warnings on the review page's rows (review.ROW_ANNOTATORS)."""

from __future__ import annotations

from collections.abc import Sequence

from flask import has_request_context, url_for
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Bead, Collection, Document
from app.services.review import ROW_ANNOTATORS, ReviewRow, RowWarning
from app.services.terms.checks import Finding, check_pair
from app.services.terms.findings import dismissed_in, fingerprint, index_for, pair_of


def annotate(session: Session, rows: Sequence[ReviewRow]) -> None:
    """Append each row's open findings (dismissed ones left out) to its warnings."""
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
    index = index_for(session, collection)
    hidden = dismissed_in(session, collection.id)
    for row in rows:
        pair = pair_of(row)
        for finding in check_pair(pair, index.uses(pair)):
            if fingerprint(finding, row) not in hidden:
                row.warnings.append(
                    RowWarning(finding.check_id, finding.message, link(finding, collection))
                )


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
