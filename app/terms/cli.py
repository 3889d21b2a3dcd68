"""`sverka terms import|export|check|fix`: the glossary and its checks from the command line."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click
from flask.cli import with_appcontext

from app.cli import emit, fail
from app.extensions import db
from app.models import Collection, TermEntry
from app.services import collections, glossary
from app.services.errors import ServiceError
from app.services.terms import fixes, importing, report
from app.services.terms.files import FORMATS, read_glossary_file, write_glossary_file
from app.services.terms.findings import check_collection

COLLECTION = click.option(
    "--collection", "slug", required=True, help="Short name of the collection."
)


def find_collection(slug: str) -> Collection:
    try:
        return collections.get_collection(db.session(), slug)
    except ServiceError as error:
        raise click.ClickException(error.message) from error


@click.group("terms")
def terms_group() -> None:
    """Glossary import/export, term checks and term fixes."""


@terms_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@COLLECTION
@click.option("--reason", default="glossary import", show_default=True)
@click.option("--json", "as_json", is_flag=True)
@with_appcontext
def import_command(file: Path, slug: str, reason: str, as_json: bool) -> None:
    """Add or update the collection's glossary entries from a CSV or TBX FILE."""
    collection = find_collection(slug)
    try:
        records = read_glossary_file(file.name, file.read_bytes())
        target = glossary.ensure_glossary(db.session(), collection, None)
        result = importing.import_records(db.session(), target, records, None, reason)
        db.session.commit()
    except ServiceError as error:
        fail(error.message)
    text = (
        f"{result.created} entries added, {result.updated} changed, {result.unchanged} unchanged."
    )
    emit(result.__dict__, as_json, text)


@terms_group.command("share")
@COLLECTION
@click.option("--from", "source", required=True, help="The collection whose glossary to use.")
@with_appcontext
def share_command(slug: str, source: str) -> None:
    """Make a collection use another collection's glossary (decisions then apply to both)."""
    collection, other = find_collection(slug), find_collection(source)
    shared = glossary.ensure_glossary(db.session(), other, None)
    glossary.use_glossary(db.session(), collection, shared, None)
    db.session.commit()
    click.echo(f"{collection.slug} now uses the glossary “{shared.title}”.")


@terms_group.command("export")
@COLLECTION
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def export_command(slug: str, fmt: str, output: Path | None) -> None:
    """Write the collection's glossary as CSV or TBX (to standard output by default)."""
    collection = find_collection(slug)
    records = glossary.records_for(db.session(), collection, approved_only=False)
    content, _ = write_glossary_file(records, fmt, f"{collection.title}: glossary")
    if output is None:
        click.echo(content, nl=False)
    else:
        output.write_text(content, encoding="utf-8")
        click.echo(f"Wrote {len(records)} entries to {output}.", err=True)


@terms_group.command("check")
@COLLECTION
@click.option("--document", "document_slug", help="Only this document (its short name).")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@with_appcontext
def check_command(slug: str, document_slug: str | None, as_json: bool) -> None:
    """Run the term, number and date checks; print the open findings."""
    collection = find_collection(slug)
    found = [f for f in check_collection(db.session(), collection) if not f.dismissed]
    if document_slug:
        found = [f for f in found if f.document.slug == document_slug]
    counts = Counter(f.finding.check_id for f in found)
    lines = [
        f"{f.document.slug} #{f.row.number} [{f.finding.check_id}] {f.finding.message}"
        for f in found
    ]
    summary = ", ".join(f"{check} {n}" for check, n in sorted(counts.items())) or "none"
    emit(report.as_json(found), as_json, "\n".join([*lines, f"Open findings: {summary}."]))


@terms_group.command("fix")
@COLLECTION
@click.option("--term", required=True, help="The Russian term of the glossary entry.")
@click.option("--dry-run", is_flag=True, help="Print the proposed edits, change nothing.")
@click.option(
    "--all", "everything", is_flag=True, help="Also places whose original lacks the term."
)
@click.option("--reason", default="term decision", show_default=True)
@click.option("--json", "as_json", is_flag=True)
@with_appcontext
def fix_command(
    slug: str, term: str, dry_run: bool, everything: bool, reason: str, as_json: bool
) -> None:
    """Replace an entry's forbidden renderings across the collection (one undoable change)."""
    collection = find_collection(slug)
    entry = find_entry(collection, term)
    try:
        occurrences = fixes.preview(db.session(), collection, entry)
        chosen = [o for o in occurrences if o.in_source or everything]
        rows = [{**o.as_dict(), "applied": o in chosen} for o in occurrences]
        if dry_run or not chosen:
            db.session.rollback()
            emit(rows, as_json, "\n".join(describe(r) for r in rows) or "Nothing to fix.")
            return
        outcome = fixes.apply(
            db.session(), collection, entry, [o.key for o in chosen], None, reason
        )
        db.session.commit()
    except ServiceError as error:
        fail(error.message)
    data = {"changeset": outcome.changeset, "fixed": len(chosen), "edits": rows}
    emit(data, as_json, f"{outcome.summary}. Undo it with changeset {outcome.changeset}.")


def find_entry(collection: Collection, term: str) -> TermEntry:
    found = glossary.glossary_of(db.session(), collection)
    entries = glossary.entries(db.session(), found) if found else []
    entry = next((e for e in entries if e.term == term), None)
    if entry is None:
        raise click.ClickException(f"The glossary of {collection.slug} has no entry «{term}».")
    return entry


def describe(row: dict[str, object]) -> str:
    mark = "" if row["applied"] else "  (skipped: the aligned original lacks the term)"
    context = f"{row['context_before']}[{row['before']} → {row['after']}]{row['context_after']}"
    return f"{row['document']} #{row['pair']}: {context}{mark}"
