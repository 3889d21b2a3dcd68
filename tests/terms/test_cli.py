"""`sverka terms import|export|check|fix` on the small test collection."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from app.models import Change, Segment
from app.services import collections
from app.services.terms.csvfile import read_csv
from tests.terms.conftest import DATA, import_doc


def run(app, *args: str):
    return app.test_cli_runner().invoke(args=["terms", *args])


def test_check_prints_findings_as_json(app, collection) -> None:
    result = run(app, "check", "--collection", "terms-test", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert sorted(f["subject"] for f in found) == [
        "Kim Chang Man",
        "Pak Kum Chol",
        "VNS",
        "VNS",
        "VNS",
        "VNS Presidium",
    ]
    assert {f["check"] for f in found} == {"term-forbidden"}


def test_check_one_document_as_text(app, collection) -> None:
    result = run(app, "check", "--collection", "terms-test", "--document", "deputies")
    assert result.exit_code == 0
    assert "deputies #2 [term-forbidden] “Kim Chang Man”" in result.output
    assert result.output.rstrip().endswith("Open findings: term-forbidden 2.")


def test_fix_dry_run_prints_the_edits_and_changes_nothing(app, collection, session) -> None:
    changes = session.scalar(select(func.count(Change.id)))
    result = run(app, "fix", "--collection", "terms-test", "--term", "ВНС", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "[VNS [Supreme People's Assembly] → Supreme People's Assembly]" in result.output
    assert len(result.output.splitlines()) == 4
    assert session.scalar(select(func.count(Change.id))) == changes


def test_fix_applies_and_reports_the_changeset(app, collection, session) -> None:
    result = run(app, "fix", "--collection", "terms-test", "--term", "ВНС", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["fixed"] == 4
    assert session.scalar(
        select(func.count(Change.id)).where(Change.changeset == data["changeset"])
    )
    texts = " ".join(session.scalars(select(Segment.content)))
    assert "VNS" not in texts


def test_fix_of_an_unknown_term_fails_clearly(app, collection) -> None:
    result = run(app, "fix", "--collection", "terms-test", "--term", "нет такого")
    assert result.exit_code == 1
    assert "has no entry «нет такого»" in result.output


def test_export_and_import_round_trip(app, collection, tmp_path) -> None:
    out = tmp_path / "glossary.tbx"
    exported = run(app, "export", "--collection", "terms-test", "--format", "tbx", "-o", str(out))
    assert exported.exit_code == 0, exported.output
    again = run(app, "import", str(out), "--collection", "terms-test", "--json")
    assert json.loads(again.output) == {"created": 0, "updated": 0, "unchanged": 6}
    csv_text = run(app, "export", "--collection", "terms-test").output
    original = read_csv((DATA / "glossary.csv").read_text(encoding="utf-8"))
    assert sorted(read_csv(csv_text), key=lambda r: r.term) == sorted(
        original, key=lambda r: r.term
    )


def test_import_refuses_a_bad_file_and_writes_nothing(app, collection, session, tmp_path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("term,preferred\nВНС,SPA\n", encoding="utf-8")
    changes = session.scalar(select(func.count(Change.id)))
    result = run(app, "import", str(bad), "--collection", "terms-test")
    assert result.exit_code == 1 and "lacks the column" in result.output
    assert session.scalar(select(func.count(Change.id))) == changes


def test_a_glossary_shared_with_another_collection_checks_it_too(app, collection, session) -> None:
    other = collections.create_collection(session, title="Other", slug="other", actor=None)
    import_doc(session, other, "deputies")
    session.commit()
    result = run(app, "share", "--collection", "other", "--from", "terms-test")
    assert result.exit_code == 0, result.output
    found = json.loads(run(app, "check", "--collection", "other", "--json").output)
    assert sorted(f["subject"] for f in found) == ["Kim Chang Man", "VNS"]
    assert run(app, "share", "--collection", "nowhere", "--from", "terms-test").exit_code == 1
