"""The demo collection: its glossary loads once, VNS and the romanizations are open findings,
and fixing VNS across the collection clears them (and can be undone)."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from alignment.lexicon import Lexicon, ru_stem
from app.models import Collection, Role, TermEntry
from app.services import demo, glossary, undo
from app.services.lexicons import collection_lexicon
from app.services.terms import findings, fixes
from app.services.terms.lexicon import add_glossary_terms
from tests.conftest import ROOT


@pytest.fixture
def puzanov(session) -> Collection:
    demo.load_corpus(session, ROOT / "corpora", max_bytes=1_000_000)
    session.commit()
    return session.scalar(select(Collection).where(Collection.slug == "puzanov-1957"))


@pytest.mark.slow
def test_the_demo_has_open_findings_and_fixing_vns_clears_them(session, puzanov, users) -> None:
    entries = session.scalar(select(func.count(TermEntry.id)))
    assert entries == 52
    demo.load_corpus(session, ROOT / "corpora", max_bytes=1_000_000)  # again: nothing doubles
    assert session.scalar(select(func.count(TermEntry.id))) == entries

    subjects = Counter(f.finding.subject for f in findings.check_collection(session, puzanov))
    assert subjects["VNS"] >= 3 and subjects["Kim Chang Man"] >= 6 and subjects["Pak Kum Chol"] >= 8

    vns = next(
        e
        for e in glossary.entries(session, glossary.glossary_of(session, puzanov))
        if e.term == "ВНС"
    )
    chosen = [o.key for o in fixes.preview(session, puzanov, vns) if o.in_source]
    outcome = fixes.apply(session, puzanov, vns, chosen, users[Role.TRANSLATOR])
    session.commit()
    after = findings.check_collection(session, puzanov)
    assert not [
        f
        for f in after
        if f.finding.entry
        and f.finding.entry.term in ("ВНС", "Президиум ВНС")
        and f.finding.check_id == "term-forbidden"
    ]
    undo.undo(session, outcome.changeset, users[Role.TRANSLATOR])
    session.commit()
    again = Counter(f.finding.subject for f in findings.check_collection(session, puzanov))
    assert again == subjects


def test_approved_entries_reach_the_aligner(session, puzanov) -> None:
    lexicon = Lexicon()
    add_glossary_terms(session, puzanov.id, lexicon)
    assert {"suprem", "assembl"} <= lexicon.links()[ru_stem("ВНС")]
    assert "pak" in lexicon.links()[ru_stem("Пак")]
    used = collection_lexicon(session, puzanov.id).links()  # what alignment.align is given
    assert {"suprem", "assembl"} <= used[ru_stem("ВНС")]
