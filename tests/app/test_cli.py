"""The `sverka` command line: import, users, demo."""

from __future__ import annotations

import json
import shutil

from sqlalchemy import func, select

from app.models import Change, Document, Role, User
from tests.conftest import FIXTURES
from tests.support import login

SEED = FIXTURES / "app" / "seed-1957-12-23.en.txt"
SHORT_RU = FIXTURES / "app" / "short.ru.txt"


def test_import_prints_json_with_the_parsed_metadata(app, session) -> None:
    result = app.test_cli_runner().invoke(
        args=[
            "import",
            str(SHORT_RU),
            str(SEED),
            "--collection",
            "puzanov",
            "--create",
            "Puzanov journal",
            "--json",
        ]
    )
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert printed["date"] == "1957-12-23"
    assert printed["reference"] == "AVPRF, F. 0102, Op. 14, Delo 6, Listy 26-29"
    assert printed["translator"] == "Gary Goldberg" and printed["beads"] > 3
    assert session.get(Document, printed["id"]).collection.slug == "puzanov"


def test_import_of_a_bad_file_fails_clearly_and_writes_nothing(app, session, tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = app.test_cli_runner().invoke(
        args=["import", str(empty), str(SEED), "--collection", "puzanov", "--create", "Puzanov"]
    )
    assert result.exit_code != 0
    assert "empty.txt" in result.output
    assert session.scalar(select(func.count(Change.id))) == 0


def test_import_into_a_missing_collection_says_so(app) -> None:
    result = app.test_cli_runner().invoke(
        args=["import", str(SHORT_RU), str(SEED), "--collection", "nowhere"]
    )
    assert result.exit_code != 0 and "no collection 'nowhere'" in result.output


def test_users_create_reads_the_password_from_stdin(app, session) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["users", "create", "anna", "--role", "editor", "--password-stdin"],
        input="a-long-password\n",
    )
    assert result.exit_code == 0, result.output
    user = session.scalar(select(User).where(User.username == "anna"))
    assert user.role is Role.EDITOR
    listed = json.loads(runner.invoke(args=["users", "list", "--json"]).output)
    assert listed == [{"username": "anna", "role": "editor", "active": True}]


def test_users_create_refuses_an_unknown_role(app) -> None:
    result = app.test_cli_runner().invoke(
        args=["users", "create", "anna", "--role", "boss", "--password-stdin"],
        input="a-long-password\n",
    )
    assert result.exit_code != 0 and "translator, editor, linguist, admin" in result.output


def small_corpus(tmp_path):
    folder = tmp_path / "corpus" / "tiny"
    folder.mkdir(parents=True)
    (folder / "collection.toml").write_text('title = "Tiny"\nslug = "tiny"\n')
    shutil.copy(SHORT_RU, folder / "01-short.ru.txt")
    shutil.copy(SEED, folder / "01-short.en.txt")
    return folder.parent


def test_demo_loads_the_corpus_once_and_prints_logins(app, session, tmp_path) -> None:
    corpus = small_corpus(tmp_path)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo", "--no-serve", "--corpus", str(corpus)])
    assert first.exit_code == 0, first.output
    assert "1 documents imported" in first.output
    second = runner.invoke(args=["demo", "--no-serve", "--corpus", str(corpus)])
    assert "0 documents imported, 1 already present" in second.output
    assert session.scalar(select(func.count(Document.id))) == 1
    for role in Role:
        assert role.value in second.output
    # The printed passwords work.
    passwords = dict(
        line.split()
        for line in second.output.splitlines()
        if line.startswith("  ") and len(line.split()) == 2
    )
    client = app.test_client()
    login(client, "editor", passwords["editor"])
