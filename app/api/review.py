"""Review over the API: read a document's beads, post operations, undo, history, queue."""

from __future__ import annotations

from typing import Any

from flask import abort, jsonify, request
from werkzeug.wrappers import Response

from app.api import bp, openapi
from app.api.auth import api_user, require
from app.api.review_spec import PATHS, SCHEMAS
from app.extensions import db
from app.models import Document
from app.permissions import PERMISSIONS
from app.services import collections, commands, history_view, queue, review, undo
from app.services.history import Outcome
from app.services.review import ReviewRow, Show

openapi.add_paths(PATHS, SCHEMAS)


def row_json(row: ReviewRow) -> dict[str, Any]:
    """Return a review row as the API shows it."""
    return {
        "id": row.id,
        "position": row.position,
        "confidence": row.confidence,
        "status": row.status.value,
        "comment": row.comment,
        "kind": row.kind,
        "needs_review": row.needs_review,
        "version": row.version,
        "src": [{"id": s.id, "kind": s.kind, "content": s.content} for s in row.src],
        "tgt": [{"id": s.id, "kind": s.kind, "content": s.content} for s in row.tgt],
        "warnings": [{"check_id": w.check_id, "message": w.message} for w in row.warnings],
    }


def outcome_json(document: Document, outcome: Outcome) -> dict[str, Any]:
    """Return what an operation changed, with the changed rows as they are now."""
    changes = review.changed_rows(db.session(), document, outcome)
    return {
        "summary": outcome.summary,
        "changeset": outcome.changeset,
        "versions": {str(d): v for d, v in outcome.versions.items()},
        "beads": [dict(row_json(p.row), after=p.after) for p in changes.rows],
        "created": sorted(outcome.ids("bead", outcome.created)),
        "removed": changes.removed,
    }


def may_edit_original() -> bool:
    return api_user().role in PERMISSIONS["edit_original"]


@bp.get("/documents/<int:document_id>/beads")
def document_beads(document_id: int) -> Response:
    require("read")
    document = collections.get_document(db.session(), document_id)
    try:
        show = Show(request.args.get("show", Show.ALL))
    except ValueError:
        abort(400, "show must be all, review or confirmed.")
    rows = review.load_rows(db.session(), document)
    progress = review.progress(db.session(), document)
    return jsonify(
        document={
            "id": document.id,
            "title": document.title,
            "version": document.alignment_version,
        },
        progress={"confirmed": progress.document.confirmed, "total": progress.document.total},
        beads=[row_json(r) for r in rows if r.shown_by(show)],
    )


@bp.post("/documents/<int:document_id>/operations")
def document_operation(document_id: int) -> Response:
    require("edit_alignment")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400, "Send the operation as a JSON object.")
    command = commands.parse(body, may_edit_original())
    outcome = commands.execute(db.session(), document_id, command, api_user())
    db.session.commit()
    return jsonify(outcome_json(collections.get_document(db.session(), document_id), outcome))


@bp.post("/documents/<int:document_id>/undo")
def document_undo(document_id: int) -> Response:
    require("edit_alignment")
    changeset = undo.last_undoable(db.session(), document_id, api_user())
    if changeset is None:
        abort(404, "Nothing of yours to undo in this document.")
    outcome = commands.undo_changeset(db.session(), changeset, api_user(), may_edit_original())
    db.session.commit()
    return jsonify(outcome_json(collections.get_document(db.session(), document_id), outcome))


@bp.post("/changesets/<changeset>/undo")
def changeset_undo(changeset: str) -> Response:
    require("edit_alignment")
    outcome = commands.undo_changeset(db.session(), changeset, api_user(), may_edit_original())
    db.session.commit()
    return jsonify(
        summary=outcome.summary,
        changeset=outcome.changeset,
        versions={str(d): v for d, v in outcome.versions.items()},
    )


@bp.get("/documents/<int:document_id>/history")
def document_history(document_id: int) -> Response:
    require("read")
    collections.get_document(db.session(), document_id)
    before = request.args.get("before", type=int)
    operations = history_view.operations(db.session(), document_id, before)
    return jsonify(
        operations=[
            {
                "id": op.summary_id,
                "changeset": op.changeset,
                "action": op.action,
                "by": op.who,
                "at": op.when.isoformat(),
                "summary": op.summary,
                "reason": op.reason,
                "undone": op.undone,
                "rows": [{"row": r.label, "kind": r.kind, "details": r.details} for r in op.rows],
                "more_rows": op.more,
            }
            for op in operations
        ]
    )


@bp.get("/collections/<slug>/next")
def collection_next(slug: str) -> Response:
    require("read")
    collection = collections.get_collection(db.session(), slug)
    item = queue.next_needing_review(
        db.session(), collection.id, request.args.get("after", type=int)
    )
    found = None
    if item is not None:
        found = {
            "bead": item.bead_id,
            "document": item.document_id,
            "confidence": item.confidence,
            "kind": item.kind,
            "status": item.status.value,
        }
    return jsonify(next=found)
