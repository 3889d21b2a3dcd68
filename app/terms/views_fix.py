"""Fixing a term across documents: preview with per-occurrence accept, apply, undo."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from app.extensions import db
from app.models import Collection
from app.permissions import requires
from app.services import collections, glossary, undo
from app.services.errors import ServiceError
from app.services.terms import fixes
from app.services.terms.findings import check_collection
from app.terms import bp
from app.terms.forms import ReasonForm, submitted


@bp.get("/collections/<slug>/glossary/<int:entry_id>/fix")
@requires("read")
def fix_page(slug: str, entry_id: int) -> str:
    collection = collections.get_collection(db.session(), slug)
    entry = glossary.get_entry(db.session(), collection, entry_id)
    occurrences = fixes.preview(db.session(), collection, entry)
    by_document: dict[int, list[fixes.Occurrence]] = {}
    for occurrence in occurrences:
        by_document.setdefault(occurrence.document.id, []).append(occurrence)
    return render_template(
        "terms/fix.html",
        collection=collection,
        entry=entry,
        occurrences=occurrences,
        by_document=by_document,
        form=ReasonForm(reason="term decision"),
        undo_changeset=request.args.get("undo"),
    )


@bp.post("/collections/<slug>/glossary/<int:entry_id>/fix")
@requires("fix_terms")
def apply_fix(slug: str, entry_id: int) -> BaseResponse:
    collection = collections.get_collection(db.session(), slug)
    entry = glossary.get_entry(db.session(), collection, entry_id)
    form = submitted(ReasonForm())
    accepted = chosen_keys(collection, entry_id, request.form.get("scope", "ticked"))
    outcome = fixes.apply(db.session(), collection, entry, accepted, current_user, form.reason.data)
    db.session.commit()
    left = [f for f in check_collection(db.session(), collection) if f.finding.entry]
    left_here = sum(1 for f in left if f.finding.entry and f.finding.entry.id == entry_id)
    flash(
        f"Fixed {len(accepted)} place{'s' * (len(accepted) != 1)} in "
        f"{len(outcome.versions)} document{'s' * (len(outcome.versions) != 1)}. "
        f"Checks re-run: {left_here} finding{'s' * (left_here != 1)} left for «{entry.term}»."
    )
    target = url_for("terms.fix_page", slug=slug, entry_id=entry_id, undo=outcome.changeset)
    return redirect(target)


def chosen_keys(collection: Collection, entry_id: int, scope: str) -> list[str]:
    """Return the occurrence keys a submit button stands for: ticked, a document, all."""
    if scope == "ticked":
        return request.form.getlist("accept")
    entry = glossary.get_entry(db.session(), collection, entry_id)
    occurrences = fixes.preview(db.session(), collection, entry)
    if scope == "collection":
        return [o.key for o in occurrences]
    document_id = int(scope.removeprefix("document:")) if scope.startswith("document:") else -1
    return [o.key for o in occurrences if o.document.id == document_id]


@bp.post("/collections/<slug>/terms/undo")
@requires("fix_terms")
def undo_fix(slug: str) -> BaseResponse:
    collections.get_collection(db.session(), slug)
    back = request.form.get("next") or url_for("terms.report_page", slug=slug)
    if not back.startswith("/") or back.startswith("//"):
        back = url_for("terms.report_page", slug=slug)
    submitted(ReasonForm())
    try:
        outcome = undo.undo(db.session(), request.form.get("changeset", ""), current_user)
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
        return redirect(back)
    db.session.commit()
    flash(f"{outcome.summary}.")
    return redirect(back)
