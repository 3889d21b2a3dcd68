"""Glossary pages: the entries of a collection's glossary, editing with a reason, import, export."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from app.extensions import db
from app.models import Collection, TermEntry
from app.permissions import requires
from app.services import collections, glossary
from app.services.errors import InvalidInput
from app.services.terms import importing
from app.services.terms.files import FORMATS, read_glossary_file, write_glossary_file
from app.terms import bp
from app.terms.forms import EntryForm, GlossaryImportForm, ReasonForm, submitted

Page = str | tuple[str, int] | BaseResponse


@bp.get("/collections/<slug>/glossary")
@requires("read")
def glossary_page(slug: str) -> str:
    collection = collections.get_collection(db.session(), slug)
    found = glossary.glossary_of(db.session(), collection)
    entries = glossary.entries(db.session(), found) if found else []
    return render_template(
        "terms/glossary.html",
        collection=collection,
        glossary=found,
        entries=entries,
        form=GlossaryImportForm(),
    )


@bp.route("/collections/<slug>/glossary/new", methods=["GET", "POST"])
@requires("edit_glossary")
def new_entry(slug: str) -> Page:
    collection = collections.get_collection(db.session(), slug)
    form = EntryForm()
    if saved(form, collection):
        flash(f"Added «{form.record().term}» to the glossary.")
        return redirect(url_for("terms.glossary_page", slug=slug))
    status = 422 if form.errors or form.form_errors else 200
    return render_template("terms/entry.html", collection=collection, form=form), status


@bp.get("/collections/<slug>/glossary/<int:entry_id>")
@requires("read")
def entry_page(slug: str, entry_id: int) -> Page:
    collection = collections.get_collection(db.session(), slug)
    entry = glossary.get_entry(db.session(), collection, entry_id)
    form = EntryForm()
    form.fill(glossary.to_record(entry))
    return show_entry(collection, entry, form)


@bp.post("/collections/<slug>/glossary/<int:entry_id>")
@requires("edit_glossary")
def save_entry(slug: str, entry_id: int) -> Page:
    collection = collections.get_collection(db.session(), slug)
    entry = glossary.get_entry(db.session(), collection, entry_id)
    form = EntryForm()
    if saved(form, collection, entry):
        flash(f"Saved «{entry.term}».")
        return redirect(url_for("terms.entry_page", slug=slug, entry_id=entry_id))
    return show_entry(collection, entry, form)


def saved(form: EntryForm, collection: Collection, entry: TermEntry | None = None) -> bool:
    """Save a valid entry form (committing); otherwise keep the problems on the form."""
    if not form.validate_on_submit():
        return False
    target = (
        entry.glossary
        if entry
        else glossary.ensure_glossary(db.session(), collection, current_user)
    )
    try:
        glossary.save_entry(
            db.session(), target, form.record(), current_user, form.reason.data, entry
        )
    except InvalidInput as error:
        db.session.rollback()
        form.form_errors.append(error.message)
        return False
    db.session.commit()
    return True


def show_entry(collection: Collection, entry: TermEntry, form: EntryForm) -> Page:
    """Render an entry's page: its form, its history (422 when the form has errors)."""
    history = glossary.entry_history(db.session(), [entry.id])
    status = 422 if form.errors or form.form_errors else 200
    page = render_template(
        "terms/entry.html", collection=collection, entry=entry, form=form, history=history
    )
    return page, status


@bp.post("/collections/<slug>/glossary/<int:entry_id>/delete")
@requires("edit_glossary")
def delete_entry(slug: str, entry_id: int) -> BaseResponse:
    collection = collections.get_collection(db.session(), slug)
    entry = glossary.get_entry(db.session(), collection, entry_id)
    form = submitted(ReasonForm())
    term = entry.term
    glossary.delete_entry(db.session(), entry, current_user, form.reason.data or "")
    db.session.commit()
    flash(f"Deleted «{term}» from the glossary.")
    return redirect(url_for("terms.glossary_page", slug=slug))


@bp.post("/collections/<slug>/glossary/import")
@requires("edit_glossary")
def import_glossary(slug: str) -> BaseResponse:
    collection = collections.get_collection(db.session(), slug)
    form = submitted(GlossaryImportForm(), "Choose a CSV or TBX glossary file to import.")
    upload = form.file.data
    records = read_glossary_file(upload.filename or "glossary", upload.read())
    target = glossary.ensure_glossary(db.session(), collection, current_user)
    result = importing.import_records(
        db.session(), target, records, current_user, form.reason.data or "glossary import"
    )
    db.session.commit()
    flash(
        f"Imported the glossary: {result.created} entries added, {result.updated} changed, "
        f"{result.unchanged} unchanged."
    )
    return redirect(url_for("terms.glossary_page", slug=slug))


@bp.get("/collections/<slug>/glossary.<fmt>")
@requires("read")
def export_glossary(slug: str, fmt: str) -> Response:
    if fmt not in FORMATS:
        raise InvalidInput("Export the glossary as .csv or .tbx.")
    collection = collections.get_collection(db.session(), slug)
    records = glossary.records_for(db.session(), collection, approved_only=False)
    content, media_type = write_glossary_file(records, fmt, f"{collection.title}: glossary")
    disposition = f'attachment; filename="{collection.slug}-glossary.{fmt}"'
    return Response(content, mimetype=media_type, headers={"Content-Disposition": disposition})
