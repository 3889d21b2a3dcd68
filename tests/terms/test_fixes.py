"""Term fixes across documents: preview, accept per occurrence, one changeset, undo."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Action, Change, Role, Segment
from app.services import glossary, undo
from app.services.errors import Conflict, InvalidInput
from app.services.terms import findings, fixes


def entry(session, collection, term):
    found = glossary.glossary_of(session, collection)
    return next(e for e in glossary.entries(session, found) if e.term == term)


def texts(session) -> dict[int, str]:
    return {s.id: s.content for s in session.scalars(select(Segment).order_by(Segment.id))}


def test_preview_lists_every_occurrence_with_its_edit(session, collection) -> None:
    occurrences = fixes.preview(session, collection, entry(session, collection, "ВНС"))
    edits = [(o.document.slug, o.edit.before, o.edit.after, o.in_source) for o in occurrences]
    assert edits == [
        ("assembly", "VNS", "Supreme People's Assembly", True),  # "the VNS Presidium"
        ("assembly", "VNS [Supreme People's Assembly]", "Supreme People's Assembly", True),
        ("assembly", "VNS", "Supreme People's Assembly", True),
        ("deputies", "VNS", "Supreme People's Assembly", True),
    ]
    first = occurrences[0]
    assert first.before_context.endswith("Chairman of the ")
    assert first.after_context.startswith(" Presidium Choe Yong-geon")


def test_applying_everything_fixes_the_term_and_the_checks_go_to_zero(session, collection, users):
    vns = entry(session, collection, "ВНС")
    keys = [o.key for o in fixes.preview(session, collection, vns)]
    outcome = fixes.apply(session, collection, vns, keys, users[Role.TRANSLATOR])
    session.commit()
    assert len(outcome.versions) == 2  # both documents, one changeset
    remaining = {f.finding.subject for f in findings.check_collection(session, collection)}
    assert remaining == {"Kim Chang Man", "Pak Kum Chol"}
    contents = texts(session).values()
    assert (
        "I visited Chairman of the Supreme People's Assembly Presidium Choe Yong-geon." in contents
    )
    assert (
        "He said that the session of the Supreme People's Assembly will open on 20 February 1958."
        in contents
    )
    assert fixes.preview(session, collection, vns) == []


def test_only_accepted_occurrences_change_and_nothing_else(session, collection, users) -> None:
    vns = entry(session, collection, "ВНС")
    before = texts(session)
    occurrences = fixes.preview(session, collection, vns)
    chosen = [occurrences[1], occurrences[3]]  # the bracketed gloss, and the other document
    fixes.apply(session, collection, vns, [o.key for o in chosen], users[Role.TRANSLATOR])
    session.commit()
    after = texts(session)
    changed = {i for i in before if before[i] != after[i]}
    assert changed == {o.segment.id for o in chosen}
    for o in chosen:  # the edited segment differs from the old one only by the edit
        old = before[o.segment.id]
        assert after[o.segment.id] == old[: o.edit.start] + o.edit.after + old[o.edit.end :]
    assert [o.edit.before for o in fixes.preview(session, collection, vns)] == ["VNS", "VNS"]


def test_one_changeset_undone_as_a_whole(session, collection, users) -> None:
    vns = entry(session, collection, "ВНС")
    before = texts(session)
    keys = [o.key for o in fixes.preview(session, collection, vns)]
    outcome = fixes.apply(session, collection, vns, keys, users[Role.TRANSLATOR], "term decision")
    session.commit()
    recorded = session.scalars(select(Change).where(Change.changeset == outcome.changeset)).all()
    assert {c.action for c in recorded} == {Action.TERM_FIX.value}
    assert sorted(c.entity_type for c in recorded) == ["operation", "operation"] + ["segment"] * 4
    assert {c.reason for c in recorded} == {"term decision"}
    undo.undo(session, outcome.changeset, users[Role.TRANSLATOR])
    session.commit()
    assert texts(session) == before
    assert len(findings.check_collection(session, collection)) == 6


def test_a_stale_preview_is_refused_and_nothing_changes(session, collection, users) -> None:
    vns = entry(session, collection, "ВНС")
    keys = [o.key for o in fixes.preview(session, collection, vns)]
    fixes.apply(session, collection, vns, keys[:1], None)
    session.commit()
    before = texts(session)
    with pytest.raises(Conflict, match="changed since the preview"):
        fixes.apply(session, collection, vns, keys, None)
    session.rollback()
    assert texts(session) == before


def test_nothing_ticked_is_refused(session, collection) -> None:
    with pytest.raises(InvalidInput, match="Tick at least one"):
        fixes.apply(session, collection, entry(session, collection, "ВНС"), [], None)


def test_spelling_variants_and_glosses_of_names(session, collection, users) -> None:
    pak = entry(session, collection, "Пак Кым Чер")
    (gloss,) = fixes.preview(session, collection, pak)
    assert (gloss.edit.before, gloss.edit.after) == (" [Pak Kum Chol]", "")
    assert gloss.before_context.endswith("Pak Geum-cheol")
    kim = entry(session, collection, "Ким Чан Ман")
    (occurrence,) = fixes.preview(session, collection, kim)
    assert (occurrence.edit.before, occurrence.edit.after, occurrence.kind) == (
        "Kim Chang Man",
        "Kim Chang-man",
        "forbidden",
    )
