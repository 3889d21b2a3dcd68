"""The collection's term report: open findings, counts, usage of renderings, dismissals."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from app.extensions import db, htmx
from app.permissions import requires
from app.services import collections, glossary
from app.services.errors import InvalidInput
from app.services.terms import findings, report
from app.services.terms.checks import PAIR_CHECKS
from app.terms import bp
from app.terms.forms import ReasonForm, submitted


@bp.get("/collections/<slug>/terms")
@requires("read")
def report_page(slug: str) -> str:
    collection = collections.get_collection(db.session(), slug)
    sort = request.args.get("sort", "document")
    result = report.collection_report(db.session(), collection, sort)
    return render_template(
        "terms/report.html",
        collection=collection,
        report=result,
        checks=PAIR_CHECKS,
        sort=sort,
        fixable=fixable_entries(result),
        has_glossary=glossary.glossary_of(db.session(), collection) is not None,
        dismissed=findings.dismissals(db.session(), collection),
        form=ReasonForm(),
    )


def fixable_entries(result: report.Report) -> list[tuple[int, str, str, int]]:
    """Return (entry id, term, preferred, open findings) for terms a fix can correct."""
    counts: dict[int, tuple[int, str, str, int]] = {}
    for f in result.findings:
        entry = f.finding.entry
        if f.finding.hit is not None and entry is not None and entry.id is not None:
            _, term, preferred, n = counts.get(entry.id, (entry.id, entry.term, entry.preferred, 0))
            counts[entry.id] = (entry.id, term, preferred, n + 1)
    return sorted(counts.values(), key=lambda c: -c[3])


@bp.get("/collections/<slug>/terms.csv")
@requires("read")
def report_csv(slug: str) -> Response:
    collection = collections.get_collection(db.session(), slug)
    result = report.collection_report(db.session(), collection, request.args.get("sort", ""))
    disposition = f'attachment; filename="{collection.slug}-term-findings.csv"'
    return Response(
        report.findings_csv(result.findings),
        mimetype="text/csv",
        headers={"Content-Disposition": disposition},
    )


@bp.post("/collections/<slug>/terms/dismiss")
@requires("fix_terms")
def dismiss(slug: str) -> BaseResponse | str:
    collection = collections.get_collection(db.session(), slug)
    form = ReasonForm()
    document_id = request.form.get("document_id", type=int)
    if not form.validate_on_submit() or document_id is None:
        raise InvalidInput("The form had expired or was incomplete; reload the page.")
    document = collections.get_document(db.session(), document_id)
    if document.collection_id != collection.id:
        raise InvalidInput("That document is not in this collection.")
    key = request.form.get("fingerprint", "")
    dismissal = findings.dismiss(db.session(), document, key, current_user, form.reason.data or "")
    db.session.commit()
    if htmx:
        return render_template("terms/_dismissed_row.html", dismissal=dismissal, form=form)
    flash("Dismissed the finding; it stays hidden until someone restores it.")
    return redirect(url_for("terms.report_page", slug=slug))


@bp.post("/collections/<slug>/terms/dismissed/<int:dismissal_id>/restore")
@requires("fix_terms")
def restore(slug: str, dismissal_id: int) -> BaseResponse:
    collections.get_collection(db.session(), slug)
    submitted(ReasonForm())
    findings.restore(db.session(), dismissal_id, current_user)
    db.session.commit()
    flash("Restored the finding.")
    return redirect(url_for("terms.report_page", slug=slug))
