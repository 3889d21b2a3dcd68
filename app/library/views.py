"""Views of the library area: collections, documents, import."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response
from wtforms import SelectChoice

from app.extensions import db
from app.library import bp
from app.library.forms import NEW_COLLECTION, ImportForm
from app.models import Collection, Document
from app.permissions import requires
from app.services import alignments, collections, imports
from app.services.errors import InvalidInput


@bp.get("/")
@requires("read")
def index() -> str:
    all_collections = collections.list_collections(db.session())
    return render_template("library/index.html", collections=all_collections)


@bp.get("/collections/<slug>")
@requires("read")
def collection(slug: str) -> str:
    found = collections.get_collection(db.session(), slug)
    progress = collections.progress_by_document(db.session(), found)
    return render_template("library/collection.html", collection=found, progress=progress)


@bp.get("/documents/<int:document_id>")
@requires("read")
def document(document_id: int) -> str:
    found = collections.get_document(db.session(), document_id)
    rows = alignments.bead_rows(db.session(), found)
    return render_template("library/document.html", document=found, rows=rows)


@bp.route("/import", methods=["GET", "POST"])
@requires("import")
def import_document() -> Response | str | tuple[str, int]:
    form = ImportForm()
    form.collection.choices = [
        SelectChoice(c.slug, c.title) for c in collections.list_collections(db.session())
    ]
    form.collection.choices.append(SelectChoice(NEW_COLLECTION, "New collection…"))
    if form.validate_on_submit():
        try:
            document = run_import(form)
        except InvalidInput as error:
            db.session.rollback()
            form.form_errors.append(error.message)
        else:
            db.session.commit()
            flash(f"Imported “{document.title}”: {len(document.beads)} aligned pairs.")
            return redirect(url_for("library.document", document_id=document.id))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("library/import.html", form=form), status


def run_import(form: ImportForm) -> Document:
    """Call the import service for a validated form (inside the request's transaction)."""
    target = target_collection(form)
    limit = current_app.config["SVERKA_MAX_UPLOAD_BYTES"]
    title = (form.title.data or "").strip() or None
    if form.mode.data == "pairs":
        return imports.import_pairs(
            db.session(),
            collection=target,
            upload=upload(form.pairs.data),
            actor=current_user,
            max_bytes=limit,
            title=title,
        )
    return imports.import_document(
        db.session(),
        collection=target,
        original=upload(form.original.data),
        translation=upload(form.translation.data),
        actor=current_user,
        max_bytes=limit,
        title=title,
    )


def target_collection(form: ImportForm) -> Collection:
    """Return the chosen collection, creating a new one if asked."""
    if form.collection.data == NEW_COLLECTION:
        return collections.create_collection(
            db.session(), title=form.new_collection.data or "", actor=current_user
        )
    return collections.get_collection(db.session(), form.collection.data or "")


def upload(storage: FileStorage) -> imports.Upload:
    """Read an uploaded file (its size is capped by MAX_CONTENT_LENGTH before we get here)."""
    return imports.Upload(filename=storage.filename or "upload", data=storage.read())
