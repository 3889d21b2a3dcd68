"""The `sverka` command line: Flask's commands (run, db ...) plus Sverka's own."""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path
from typing import Any

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext
from flask_migrate import upgrade
from werkzeug.serving import run_simple

from app.extensions import db
from app.models import Collection
from app.services import api_tokens, collections, demo, imports, users
from app.services.errors import ServiceError

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpora"


def fail(message: str) -> None:
    """Stop with a clear message and a non-zero exit status; nothing is committed."""
    db.session.rollback()
    raise click.ClickException(message)


def emit(data: Any, as_json: bool, text: str) -> None:
    """Print `data` as JSON or `text` for people."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2) if as_json else text)


@click.command("import")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--collection",
    "collection_slug",
    required=True,
    help="Short name of the collection to import into.",
)
@click.option(
    "--create",
    "create_title",
    metavar="TITLE",
    help="Create the collection with this title if it does not exist.",
)
@click.option("--pairs", is_flag=True, help="FILES is one TSV or TMX file of aligned pairs.")
@click.option("--title", help="Document title (default: from the archive header or file name).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@with_appcontext
def import_command(
    files: tuple[Path, ...],
    collection_slug: str,
    create_title: str | None,
    pairs: bool,
    title: str | None,
    as_json: bool,
) -> None:
    """Import ORIGINAL TRANSLATION (or, with --pairs, one pairs file) and align it."""
    if len(files) != (1 if pairs else 2):
        fail("Give two files (original, translation), or one file with --pairs.")
    limit = current_app.config["SVERKA_MAX_UPLOAD_BYTES"]
    try:
        target = find_or_create_collection(collection_slug, create_title)
        uploads = [imports.Upload(f.name, f.read_bytes()) for f in files]
        if pairs:
            document = imports.import_pairs(
                db.session(),
                collection=target,
                upload=uploads[0],
                actor=None,
                max_bytes=limit,
                title=title,
            )
        else:
            document = imports.import_document(
                db.session(),
                collection=target,
                original=uploads[0],
                translation=uploads[1],
                actor=None,
                max_bytes=limit,
                title=title,
            )
        db.session.commit()
    except ServiceError as error:
        fail(error.message)
    result = {
        "id": document.id,
        "slug": document.slug,
        "title": document.title,
        "collection": target.slug,
        "beads": len(document.beads),
        "date": document.date.isoformat() if document.date else None,
        "reference": document.reference,
        "translator": document.translator,
    }
    emit(
        result,
        as_json,
        f"Imported document {document.id} “{document.title}” into "
        f"{target.slug}: {len(document.beads)} aligned pairs.",
    )


def find_or_create_collection(slug: str, create_title: str | None) -> Collection:
    try:
        return collections.get_collection(db.session(), slug)
    except ServiceError:
        if not create_title:
            raise
        return collections.create_collection(
            db.session(), title=create_title, slug=slug, actor=None
        )


@click.group("users")
def users_group() -> None:
    """Manage user accounts."""


@users_group.command("create")
@click.argument("name")
@click.option("--role", required=True, help="translator, editor, linguist or admin.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def users_create(name: str, role: str, password_stdin: bool) -> None:
    """Create a user NAME with ROLE (prompts for the password)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = users.create_user(
            db.session(), username=name, role=users.parse_role(role), password=password, actor=None
        )
        db.session.commit()
    except ServiceError as error:
        fail(error.message)
    click.echo(f"Created user {user.username} ({user.role.value}).")


@users_group.command("list")
@click.option("--json", "as_json", is_flag=True)
@with_appcontext
def users_list(as_json: bool) -> None:
    """List user accounts."""
    rows = [
        {"username": u.username, "role": u.role.value, "active": u.active}
        for u in users.list_users(db.session())
    ]
    emit(
        rows,
        as_json,
        "\n".join(
            f"{r['username']:<20} {r['role']:<12}{'' if r['active'] else ' (inactive)'}"
            for r in rows
        ),
    )


@users_group.command("token")
@click.argument("name")
@with_appcontext
def users_token(name: str) -> None:
    """Issue a new API token for user NAME; it is printed once and only its hash is kept."""
    try:
        token = api_tokens.issue_token(db.session(), name, actor=None)
        db.session.commit()
    except ServiceError as error:
        fail(error.message)
    click.echo(token)


@click.command("demo")
@click.option("--no-serve", is_flag=True, help="Prepare everything but do not start the server.")
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=CORPUS_DIR,
    show_default=True,
)
@click.option("--port", default=5000, show_default=True)
@with_appcontext
def demo_command(no_serve: bool, corpus: Path, port: int) -> None:
    """Migrate the database, load the sample corpus, create demo users, serve."""
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    upgrade()
    click.echo(f"Database: {app.config['SQLALCHEMY_DATABASE_URI']}")
    documents = [d for c in demo.read_corpus(corpus) for d in c.documents]
    with click.progressbar(length=len(documents), label="Loading the sample corpus") as bar:
        imported = demo.load_corpus(
            db.session(),
            corpus,
            on_document=lambda _: bar.update(1),
            max_bytes=app.config["SVERKA_MAX_UPLOAD_BYTES"],
        )
    passwords = demo.demo_passwords(Path(app.instance_path) / "demo-logins.json")
    logins = demo.ensure_demo_users(db.session(), passwords)
    db.session.commit()
    click.echo(
        f"Sample corpus: {imported} documents imported, "
        f"{len(documents) - imported} already present."
    )
    click.echo("Demo logins (user name / password):")
    for name, password in logins:
        click.echo(f"  {name:<11} {password}")
    if not no_serve:
        click.echo(f"Serving on http://127.0.0.1:{port} (Ctrl+C stops).")
        freeze_start_up_objects()
        # Werkzeug's server directly: Flask ignores app.run() inside its own CLI.
        run_simple("127.0.0.1", port, app, threaded=True)


def freeze_start_up_objects() -> None:
    """Take what the app loaded at start-up out of the garbage collector's full scans.

    The imported modules, the engine's data and the app live as long as the server; left in
    the collector's oldest generation, every full collection walks all of them (90 ms on the
    review benchmark's machine), and a request waits for it. Frozen, a full collection walks
    only the requests' own objects. Under a WSGI server do the same once the app is loaded
    (README, "Serving").
    """
    db.session.remove()  # the demo import's objects are not kept alive by the session
    gc.collect()
    gc.freeze()


def register_commands(app: Flask) -> None:
    """Attach Sverka's commands to the app's CLI."""
    from app.terms.cli import terms_group  # imports this module's helpers

    for command in (import_command, users_group, demo_command, terms_group):
        app.cli.add_command(command)


def main() -> None:
    """Entry point of the `sverka` console script."""
    from app import create_app

    cli = FlaskGroup(
        create_app=create_app, help="Sverka: align, review and publish archival translations."
    )
    cli.main(prog_name="sverka")
