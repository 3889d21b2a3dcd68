"""Glossary and findings at the service level, against a real database session."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Action, Change, Role, TermStatus
from app.services import glossary
from app.services.errors import InvalidInput
from app.services.terms import findings, importing, report
from app.services.terms.records import TermRecord


def entry_named(session, collection, term):
    found = glossary.glossary_of(session, collection)
    return next(e for e in glossary.entries(session, found) if e.term == term)


def test_editing_an_entry_records_before_after_and_reason(session, collection, users) -> None:
    entry = entry_named(session, collection, "ВНС")
    values = glossary.to_record(entry)
    changed = TermRecord(**{**values.__dict__, "admitted": ("SPA", "the Assembly")})
    glossary.save_entry(
        session, entry.glossary, changed, users[Role.EDITOR], "term decision", entry
    )
    session.commit()
    (change,) = glossary.entry_history(session, [entry.id])[:1]
    assert change.action == Action.TERM_UPDATE
    assert change.reason == "term decision"
    assert change.before["admitted"] == ["SPA"]
    assert change.after["admitted"] == ["SPA", "the Assembly"]
    assert change.user.username == "editor"


def test_an_edit_needs_a_reason_and_changes_nothing_without(session, collection) -> None:
    entry = entry_named(session, collection, "ВНС")
    changed = TermRecord(**{**glossary.to_record(entry).__dict__, "preferred": "Assembly"})
    with pytest.raises(InvalidInput, match="Say why"):
        glossary.save_entry(session, entry.glossary, changed, None, "  ", entry)


def test_approving_records_who_approved(session, collection, users) -> None:
    entry = entry_named(session, collection, "пленум")
    assert entry.status == TermStatus.PROPOSED
    values = TermRecord(**{**glossary.to_record(entry).__dict__, "status": TermStatus.APPROVED})
    glossary.save_entry(session, entry.glossary, values, users[Role.EDITOR], "decided", entry)
    session.commit()
    assert entry.approved_by.username == "editor" and entry.approved_at is not None
    assert glossary.entry_history(session, [entry.id])[0].after["approved_by"] == "editor"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"term": " "}, "Russian term"),
        ({"preferred": ""}, "preferred English rendering"),
        ({"forbidden": ("VNS", "spa")}, "both approved and forbidden"),
        ({"term": "Пак Кым Чер"}, "already has an entry"),
    ],
)
def test_invalid_entries_are_refused(session, collection, changes, message) -> None:
    entry = entry_named(session, collection, "ВНС")
    values = TermRecord(**{**glossary.to_record(entry).__dict__, **changes})
    with pytest.raises(InvalidInput, match=message):
        glossary.save_entry(session, entry.glossary, values, None, "why", entry)


def test_importing_the_same_file_again_changes_nothing(session, collection) -> None:
    found = glossary.glossary_of(session, collection)
    records = [glossary.to_record(e) for e in glossary.entries(session, found)]
    before = session.scalar(select(Change.id).order_by(Change.id.desc()).limit(1))
    result = importing.import_records(session, found, records, None)
    assert result == importing.ImportResult(created=0, updated=0, unchanged=len(records))
    assert session.scalar(select(Change.id).order_by(Change.id.desc()).limit(1)) == before


def test_an_import_is_one_changeset(session, collection) -> None:
    found = glossary.glossary_of(session, collection)
    new = [TermRecord("МИД", preferred="MFA"), TermRecord("КНА", preferred="KPA")]
    assert importing.import_records(session, found, new, None).created == 2
    changesets = session.scalars(
        select(Change.changeset)
        .where(Change.action == Action.TERM_CREATE)
        .order_by(Change.id.desc())
        .limit(2)
    ).all()
    assert len(set(changesets)) == 1


def subjects(items):
    return sorted((f.finding.check_id, f.finding.subject) for f in items)


def test_the_collection_findings(session, collection) -> None:
    found = findings.check_collection(session, collection)
    assert subjects(found) == [
        ("term-forbidden", "Kim Chang Man"),
        ("term-forbidden", "Pak Kum Chol"),
        ("term-forbidden", "VNS"),
        ("term-forbidden", "VNS"),
        ("term-forbidden", "VNS"),
        ("term-forbidden", "VNS Presidium"),
    ]


def test_a_dismissed_finding_stays_dismissed(session, collection, documents, users) -> None:
    document = documents["assembly"]
    index = findings.index_for(session, collection)
    pak = next(
        f
        for f in findings.check_document(session, document, index)
        if f.finding.subject == "Pak Kum Chol"
    )
    findings.dismiss(session, document, pak.fingerprint, users[Role.EDITOR], "the archive's gloss")
    session.commit()
    again = findings.check_document(session, document, findings.index_for(session, collection))
    assert [f.dismissed for f in again if f.finding.subject == "Pak Kum Chol"] == [True]
    assert "Pak Kum Chol" not in [
        f.finding.subject for f in report.collection_report(session, collection).findings
    ]
    change = session.scalars(select(Change).where(Change.action == Action.FINDING_DISMISS)).one()
    assert change.reason == "the archive's gloss" and change.user_id == users[Role.EDITOR].id


def test_dismissing_and_restoring(session, collection, documents) -> None:
    document = documents["deputies"]
    (kim,) = [
        f
        for f in findings.check_collection(session, collection)
        if f.finding.subject == "Kim Chang Man"
    ]
    dismissal = findings.dismiss(session, document, kim.fingerprint, None)
    findings.restore(session, dismissal.id, None)
    session.commit()
    assert not any(f.dismissed for f in findings.check_collection(session, collection))
    with pytest.raises(InvalidInput, match="no longer reported"):
        findings.dismiss(session, document, "term-forbidden|1|1|nothing", None)


def test_report_counts_and_usage(session, collection) -> None:
    result = report.collection_report(session, collection, sort="check")
    assert result.by_check["term-forbidden"] == 6
    vns = next(u for u in result.usage if u.entry.term == "ВНС")
    assert vns.renderings[("forbidden", "VNS")] == 3
    assert vns.renderings[("admitted", "SPA")] == 1
    assert not vns.consistent
    csv_text = report.findings_csv(result.findings)
    assert csv_text.splitlines()[0].startswith("document,pair,check,severity,term")
    assert len(csv_text.splitlines()) == 1 + len(result.findings)


def test_an_entry_edit_reaches_the_collection_lexicon(session, collection, users) -> None:
    from alignment.lexicon import en_stem, ru_stem
    from app.services.lexicons import collection_lexicon

    assert (
        en_stem("parliament")
        not in collection_lexicon(session, collection.id).links()[ru_stem("ВНС")]
    )
    entry = entry_named(session, collection, "ВНС")
    values = TermRecord(**{**glossary.to_record(entry).__dict__, "admitted": ("SPA", "parliament")})
    glossary.save_entry(session, entry.glossary, values, users[Role.EDITOR], "decided", entry)
    session.commit()
    assert (
        en_stem("parliament") in collection_lexicon(session, collection.id).links()[ru_stem("ВНС")]
    )
