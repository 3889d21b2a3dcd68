"""Terminology over the API: the glossary, its import and export, findings, fixes."""

from __future__ import annotations

from typing import Any

from flask import Response, abort, jsonify, request

from app.api import bp, openapi
from app.api.auth import api_user, require
from app.api.terms_spec import PATHS, SCHEMAS
from app.extensions import db
from app.models import TermEntry, TermStatus
from app.services import collections, glossary
from app.services.terms import findings, fixes, importing, report
from app.services.terms.files import FORMATS, read_glossary_file, write_glossary_file
from app.services.terms.records import TermRecord, unique

openapi.add_paths(PATHS, SCHEMAS)


def entry_json(entry: TermEntry) -> dict[str, Any]:
    """Return an entry as the API shows it."""
    return {
        "id": entry.id,
        **glossary.snapshot(entry),
        "approved_at": entry.approved_at.isoformat() if entry.approved_at else None,
    }


def body() -> dict[str, Any]:
    """Return the request's JSON object (400 otherwise)."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400, "Send a JSON object.")
    return data


def record_from(data: dict[str, Any]) -> TermRecord:
    """Read an entry from JSON (lists of strings for the multi-valued fields)."""

    def texts(name: str) -> tuple[str, ...]:
        value = data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            abort(400, f"{name} must be a list of strings.")
        return unique(value)

    status = data.get("status", TermStatus.PROPOSED.value)
    if status not in {s.value for s in TermStatus}:
        abort(400, "status must be proposed or approved.")
    return TermRecord(
        term=str(data.get("term", "")),
        ru_forms=texts("ru_forms"),
        preferred=str(data.get("preferred", "")),
        admitted=texts("admitted"),
        forbidden=texts("forbidden"),
        note=str(data.get("note", "")),
        status=TermStatus(status),
        case_sensitive=bool(data.get("case_sensitive", False)),
    )


@bp.get("/collections/<slug>/glossary")
def glossary_entries(slug: str) -> Response:
    require("read")
    collection = collections.get_collection(db.session(), slug)
    fmt = request.args.get("format", "json")
    if fmt in FORMATS:
        records = glossary.records_for(db.session(), collection, approved_only=False)
        content, media_type = write_glossary_file(records, fmt, f"{collection.title}: glossary")
        return Response(content, mimetype=media_type)
    found = glossary.glossary_of(db.session(), collection)
    entries = glossary.entries(db.session(), found) if found else []
    return jsonify(entries=[entry_json(e) for e in entries])


@bp.post("/collections/<slug>/glossary")
def glossary_import(slug: str) -> Response:
    require("edit_glossary")
    collection = collections.get_collection(db.session(), slug)
    upload = request.files.get("file")
    name, data = (upload.filename or "", upload.read()) if upload else ("", request.get_data())
    records = read_glossary_file(name or request.args.get("filename", ""), data)
    target = glossary.ensure_glossary(db.session(), collection, api_user())
    reason = request.args.get("reason", "glossary import")
    result = importing.import_records(db.session(), target, records, api_user(), reason)
    db.session.commit()
    return jsonify(result.__dict__)


@bp.post("/collections/<slug>/glossary/entries")
def glossary_create(slug: str) -> tuple[Response, int]:
    require("edit_glossary")
    collection = collections.get_collection(db.session(), slug)
    data = body()
    target = glossary.ensure_glossary(db.session(), collection, api_user())
    entry = glossary.save_entry(
        db.session(), target, record_from(data), api_user(), data.get("reason")
    )
    db.session.commit()
    assert entry is not None  # a new entry always changes something
    return jsonify(entry_json(entry)), 201


@bp.put("/collections/<slug>/glossary/entries/<int:entry_id>")
def glossary_update(slug: str, entry_id: int) -> Response:
    require("edit_glossary")
    collection = collections.get_collection(db.session(), slug)
    entry = glossary.get_entry(db.session(), collection, entry_id)
    data = body()
    glossary.save_entry(
        db.session(), entry.glossary, record_from(data), api_user(), data.get("reason"), entry
    )
    db.session.commit()
    return jsonify(entry_json(entry))


@bp.get("/collections/<slug>/terms/findings")
def term_findings(slug: str) -> Response:
    require("read")
    collection = collections.get_collection(db.session(), slug)
    found = findings.check_collection(db.session(), collection)
    document = request.args.get("document")
    dismissed = request.args.get("dismissed") == "include"
    shown = [
        f
        for f in found
        if (dismissed or not f.dismissed) and (not document or f.document.slug == document)
    ]
    return jsonify(findings=report.as_json(shown))


@bp.post("/collections/<slug>/terms/findings/dismiss")
def term_dismiss(slug: str) -> Response:
    require("fix_terms")
    collection = collections.get_collection(db.session(), slug)
    data = body()
    document = collections.get_document(db.session(), int(data.get("document_id") or 0))
    if document.collection_id != collection.id:
        abort(404, "That document is not in this collection.")
    dismissal = findings.dismiss(
        db.session(),
        document,
        str(data.get("fingerprint", "")),
        api_user(),
        str(data.get("reason", "")),
    )
    db.session.commit()
    return jsonify(id=dismissal.id, fingerprint=dismissal.fingerprint)


@bp.get("/collections/<slug>/glossary/entries/<int:entry_id>/fix")
def term_fix_preview(slug: str, entry_id: int) -> Response:
    require("read")
    collection = collections.get_collection(db.session(), slug)
    entry = glossary.get_entry(db.session(), collection, entry_id)
    occurrences = fixes.preview(db.session(), collection, entry)
    return jsonify(occurrences=[o.as_dict() for o in occurrences])


@bp.post("/collections/<slug>/glossary/entries/<int:entry_id>/fix")
def term_fix_apply(slug: str, entry_id: int) -> Response:
    require("fix_terms")
    collection = collections.get_collection(db.session(), slug)
    entry = glossary.get_entry(db.session(), collection, entry_id)
    data = body()
    accept = data.get("accept", "in_original")
    occurrences = fixes.preview(db.session(), collection, entry)
    if accept == "in_original":
        keys = [o.key for o in occurrences if o.in_source]
    elif accept == "all":
        keys = [o.key for o in occurrences]
    elif isinstance(accept, list) and all(isinstance(k, str) for k in accept):
        keys = accept
    else:
        abort(400, 'accept must be "in_original", "all" or a list of occurrence keys.')
    outcome = fixes.apply(db.session(), collection, entry, keys, api_user(), data.get("reason"))
    db.session.commit()
    return jsonify(
        summary=outcome.summary,
        changeset=outcome.changeset,
        fixed=len(keys),
        versions={str(d): v for d, v in outcome.versions.items()},
    )
