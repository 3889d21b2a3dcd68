"""A document's history with undo, and the review queue across a collection."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from app.extensions import db
from app.permissions import can, requires
from app.review import bp
from app.review.views import page_url
from app.services import collections, commands, history_view, queue
from app.services.errors import ServiceError


@bp.get("/documents/<int:document_id>/history")
@requires("read")
def history(document_id: int) -> str:
    document = collections.get_document(db.session(), document_id)
    before = request.args.get("before", type=int)
    operations = history_view.operations(db.session(), document_id, before)
    return render_template(
        "review/history.html", document=document, operations=operations, before=before
    )


@bp.post("/documents/<int:document_id>/history/<changeset>/undo")
@requires("edit_alignment")
def undo_changeset(document_id: int, changeset: str) -> Response:
    try:
        outcome = commands.undo_changeset(
            db.session(), changeset, current_user, can(current_user, "edit_original")
        )
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        flash(outcome.summary)
    return redirect(url_for("review.history", document_id=document_id))


@bp.get("/collections/<slug>/queue")
@requires("read")
def review_queue(slug: str) -> str:
    collection = collections.get_collection(db.session(), slug)
    items = queue.queue(db.session(), collection.id)
    return render_template("review/queue.html", collection=collection, items=items)


@bp.get("/collections/<slug>/next")
@requires("read")
def next_in_queue(slug: str) -> Response:
    collection = collections.get_collection(db.session(), slug)
    after = request.args.get("after", type=int)
    item = queue.next_needing_review(db.session(), collection.id, after)
    if item is None:
        flash("Nothing left to review in this collection.")
        return redirect(url_for("review.review_queue", slug=slug))
    return redirect(page_url(item.document_id, item.bead_id))
