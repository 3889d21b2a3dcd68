"""The review page and its operations: each answers htmx with the rows it changed, else a page."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from app.extensions import db, htmx
from app.models import Document
from app.permissions import can, requires
from app.review import bp
from app.services import collections, commands, queue, review, undo
from app.services.errors import Conflict, ServiceError
from app.services.history import Outcome
from app.services.overview import overview
from app.services.review import Show

PANELS = ("split", "edit", "flag")
Page = str | Response | tuple[str, int]


def parse_show(value: str | None) -> Show:
    """Return the filter named in the query string (all by default)."""
    try:
        return Show(value or Show.ALL)
    except ValueError:
        abort(400, "Unknown filter.")


def page_url(document_id: int, bead_id: int | None = None, show: str | None = None) -> str:
    """Return the review page, scrolled to a pair and with it selected."""
    anchor = f"bead-{bead_id}" if bead_id else None
    show = show if show and show != Show.ALL else None
    return url_for("review.page", document_id=document_id, at=bead_id, show=show, _anchor=anchor)


@bp.get("/documents/<int:document_id>/review")
@requires("read")
def page(document_id: int) -> str:
    document = collections.get_document(db.session(), document_id)
    show = parse_show(request.args.get("show"))
    rows = review.load_rows(db.session(), document, warnings=False)
    shown = [r for r in rows if r.shown_by(show)]
    review.annotate(db.session(), shown)
    if htmx and htmx.target == "rows":
        return render_template("review/_rows.html", rows=shown, show=show)
    selected = next((r for r in rows if str(r.id) == request.args.get("at")), None)
    counts = {s: sum(1 for r in rows if r.shown_by(s)) for s in Show}
    return render_template(
        "review/document.html",
        document=document,
        rows=shown,
        show=show,
        counts=counts,
        selected=selected,
        progress=review.progress(db.session(), document),
        overview=overview(rows),
    )


@bp.post("/documents/<int:document_id>/review/op")
@requires("edit_alignment")
def operate(document_id: int) -> Page:
    may_edit_original = can(current_user, "edit_original")
    try:
        command = commands.parse(request.form, may_edit_original)
        outcome = commands.execute(db.session(), document_id, command, current_user)
    except ServiceError as error:
        return refused(document_id, error, request.form.get("bead"))
    db.session.commit()
    return changed(document_id, outcome, command.bead)


@bp.post("/documents/<int:document_id>/review/undo")
@requires("edit_alignment")
def undo_last(document_id: int) -> Page:
    changeset = undo.last_undoable(db.session(), document_id, current_user)
    if changeset is None:
        return status(document_id, "Nothing of yours to undo in this document.")
    try:
        outcome = commands.undo_changeset(
            db.session(), changeset, current_user, can(current_user, "edit_original")
        )
    except ServiceError as error:
        return refused(document_id, error, None)
    db.session.commit()
    return changed(document_id, outcome, None)


@bp.get("/documents/<int:document_id>/review/panel")
@requires("edit_alignment")
def panel(document_id: int) -> str:
    document = collections.get_document(db.session(), document_id)
    kind = request.args.get("panel")
    rows = review.load_rows(
        db.session(), document, [commands.whole_number(request.args.get("bead"), "bead")]
    )
    if kind not in PANELS or not rows:
        abort(404, "That pair no longer exists, or there is no such panel.")
    version = request.args.get("version", type=int) or rows[0].version
    template = "review/_panel.html" if htmx else "review/panel.html"
    return render_template(template, document=document, row=rows[0], kind=kind, version=version)


@bp.get("/documents/<int:document_id>/overview.svg")
@requires("read")
def overview_svg(document_id: int) -> Response:
    document = collections.get_document(db.session(), document_id)
    svg = render_template(
        "review/_overview.svg",
        document=document,
        overview=overview(review.load_rows(db.session(), document, warnings=False)),
    )
    return Response(svg, mimetype="image/svg+xml")


def changed(document_id: int, outcome: Outcome, bead_id: int | None) -> Page:
    """Answer a done operation: the changed rows and progress for htmx, else back to the page."""
    message = outcome.summary if outcome.changeset else "Nothing needed changing."
    if not htmx:
        flash(message)
        return redirect(page_url(document_id, bead_id, request.form.get("show")))
    document = db.session.get(Document, document_id)
    assert document is not None
    return render_template(
        "review/_changes.html",
        document=document,
        message=message,
        changes=review.changed_rows(db.session(), document, outcome),
        progress=review.progress(db.session(), document),
        needing=queue.needing_review_count(db.session(), document),
    )


def refused(document_id: int, error: ServiceError, bead: str | None) -> Page:
    """Explain a refused operation; nothing was changed. htmx gets 409 or 422 to swap."""
    db.session.rollback()
    if not htmx:
        flash(error.message, "error")
        return redirect(page_url(document_id, int(bead) if bead and bead.isdigit() else None))
    code = 409 if isinstance(error, Conflict) else 422
    unsaved = request.form.get("content") if isinstance(error, Conflict) else None
    return render_template(
        "review/_refused.html",
        document_id=document_id,
        error=error,
        conflict=code == 409,
        unsaved=unsaved,
        show=request.form.get("show", Show.ALL),
    ), code


def status(document_id: int, message: str) -> Page:
    """Say something without changing anything."""
    if not htmx:
        flash(message)
        return redirect(page_url(document_id))
    return render_template("review/_status.html", message=message)
