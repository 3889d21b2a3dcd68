"""Remembered term findings on the review page never go stale, whatever changed the text.

After every way of changing a document's text or pairs (a review operation, undo, a term fix, a
realignment, a glossary edit), the warnings on the review page must equal a fresh check.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from sqlalchemy import event, select

from app.extensions import db
from app.models import Bead, Document, Role, Segment
from app.services import glossary, undo
from app.services.terms import fixes, remembered
from app.services.terms.analysis import Pair
from app.services.terms.checks import check_pair
from app.services.terms.findings import check_document, index_for
from app.services.terms.records import TermRecord
from tests.review.builders import build_document
from tests.support import csrf_token

Warnings = dict[int, list[str]]  # bead id -> the messages on its row


def page_warnings(client, document: Document) -> Warnings:
    """Return each row's warnings as the review page shows them."""
    html = client.get(f"/documents/{document.id}/review").get_data(as_text=True)
    rows = re.findall(r'<tr[^>]* id="bead-(\d+)"(.*?)</tr>', html, re.S)
    return {
        int(bead): re.findall(r'<li class="warning" data-check="[^"]+">(?:<a [^>]+>)?(.*?)<', row)
        for bead, row in rows
    }


def fresh_warnings(session, document: Document) -> Warnings:
    """Return each row's open findings computed from scratch (nothing remembered)."""
    session.expire_all()
    index = index_for(session, document.collection)
    shown: Warnings = {b: [] for b in bead_ids(session, document)}
    for found in check_document(session, document, index):
        if not found.dismissed:
            shown[found.row.bead.id].append(html_text(found.finding.message))
    return shown


def html_text(message: str) -> str:
    return message.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&#34;")


def bead_ids(session, document: Document) -> list[int]:
    query = select(Bead.id).where(Bead.document_id == document.id).order_by(Bead.position)
    return list(session.scalars(query))


def version(session, document: Document) -> int:
    session.refresh(document)
    return document.alignment_version


def segment_with(session, text: str) -> Segment:
    return session.scalars(select(Segment).where(Segment.content.contains(text))).one()


@pytest.fixture
def reviewer(as_role, documents):
    client = as_role(Role.TRANSLATOR)
    client.token = csrf_token(client, f"/documents/{documents['deputies'].id}/review")
    return client


def post(client, document: Document, action: str, data: dict | None = None):
    headers = {"HX-Request": "true", "HX-Target": "review-status", "X-CSRFToken": client.token}
    response = client.post(f"/documents/{document.id}/review/{action}", data=data, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response


def agree(client, session, document: Document) -> Warnings:
    """Assert the page shows exactly the fresh findings; return them."""
    shown = page_warnings(client, document)
    assert shown == fresh_warnings(session, document)
    return shown


def messages(shown: Warnings) -> list[str]:
    return [m for row in shown.values() for m in row]


def test_an_edited_translation_shows_its_findings_and_undo_brings_the_old_back(
    reviewer, documents, session
) -> None:
    document = documents["deputies"]
    before = agree(reviewer, session, document)  # the page has now remembered every pair
    assert any("“Kim Chang Man” is a forbidden rendering" in m for m in messages(before))
    kim = segment_with(session, "I visited Kim Chang Man.")
    edit = {"op": "edit_segment", "bead": kim.bead_id, "segment": kim.id, "version": 1}
    post(reviewer, document, "op", edit | {"content": "I visited Kim Chang-man."})
    after = agree(reviewer, session, document)
    assert not any("Kim Chang Man" in m for m in messages(after))
    post(reviewer, document, "op", edit | {"content": "I visited him.", "version": 2})
    missing = agree(reviewer, session, document)[kim.bead_id]
    assert any("The original has «Ким Чан Ман» but the translation has none" in m for m in missing)
    post(reviewer, document, "undo")
    post(reviewer, document, "undo")
    assert agree(reviewer, session, document) == before


def test_merged_and_realigned_pairs_carry_their_own_findings(reviewer, documents, session) -> None:
    document = documents["deputies"]
    before = agree(reviewer, session, document)
    kim = segment_with(session, "I visited Kim Chang Man.").bead_id
    post(reviewer, document, "op", {"op": "merge_up", "bead": kim, "version": 1})
    merged = agree(reviewer, session, document)
    assert len(merged) == len(before) - 1 and kim not in merged
    assert messages(merged).count(before[kim][0]) == 1  # the finding moved to the merged pair
    first = bead_ids(session, document)[0]
    post(
        reviewer,
        document,
        "op",
        {"op": "realign", "bead": first, "version": version(session, document)},
    )
    assert messages(agree(reviewer, session, document)).count(before[kim][0]) == 1


def test_a_term_fix_and_its_undo_show_at_once(reviewer, collection, documents, session, users):
    document = documents["deputies"]
    before = agree(reviewer, session, document)
    vns = next(
        e
        for e in glossary.entries(session, glossary.glossary_of(session, collection))
        if e.term == "ВНС"
    )
    keys = [o.key for o in fixes.preview(session, collection, vns)]
    outcome = fixes.apply(session, collection, vns, keys, users[Role.TRANSLATOR])
    session.commit()
    fixed = agree(reviewer, session, document)
    assert not any("“VNS”" in m for m in messages(fixed)) and messages(fixed)
    undo.undo(session, outcome.changeset, users[Role.TRANSLATOR])
    session.commit()
    assert agree(reviewer, session, document) == before


def test_a_glossary_edit_shows_at_once(reviewer, collection, documents, session, users) -> None:
    document = documents["deputies"]
    assert any("Kim Chang Man" in m for m in messages(agree(reviewer, session, document)))
    used = glossary.glossary_of(session, collection)
    kim = next(e for e in glossary.entries(session, used) if e.term == "Ким Чан Ман")
    admitted = TermRecord(
        term=kim.term,
        preferred=kim.preferred,
        admitted=("Kim Chang Man",),
        status=kim.status,
    )
    glossary.save_entry(session, used, admitted, users[Role.EDITOR], "both spellings", kim)
    session.commit()
    assert not any("Kim Chang Man" in m for m in messages(agree(reviewer, session, document)))


def test_remembered_findings_are_the_checks_findings_within_a_bounded_memory() -> None:
    remembered.forget()
    entry = TermRecord(term="ВНС", preferred="Supreme People's Assembly", forbidden=("VNS",), id=1)
    checks = remembered.remembered_checks([entry])
    pairs = [
        Pair(f"Сессия ВНС {n} мая.", (f"The VNS session on {n + n % 2} May.",)) for n in range(30)
    ]
    checks.terms.limit = 20
    first = checks.findings(pairs)
    assert first == [tuple(check_pair(p, checks.index.uses(p))) for p in pairs]
    kinds = [[f.check_id for f in found] for found in first]
    assert kinds[0] == ["term-forbidden"] and kinds[1] == ["term-forbidden", "numbers", "dates"]
    assert len(checks.terms) == 20  # the least recently used pairs were let go
    assert checks.findings(pairs) == first
    assert remembered.remembered_checks([entry]) is checks  # the same glossary state
    renamed = dataclasses.replace(entry, forbidden=("SPA",))
    other = remembered.remembered_checks([renamed])
    assert other is not checks
    after_edit = [[f.check_id for f in found] for found in other.findings(pairs)[:2]]
    assert after_edit == [["term-missing"], ["term-missing", "numbers", "dates"]]


def page_queries(client, document: Document, forget: bool) -> int:
    """Count the SQL statements of one review page, with findings remembered or not."""
    statements = []

    def count(*_args) -> None:
        statements.append(1)

    client.get(f"/documents/{document.id}/review")
    if forget:
        remembered.forget()
    event.listen(db.engine, "before_cursor_execute", count)
    try:
        assert any(page_warnings(client, document).values())
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(statements)


def test_the_page_query_count_stays_the_same_with_a_glossary(reviewer, collection, session):
    pair = (["Депутаты ВНС выехали."], ["The VNS deputies left."], 0.8)
    small, large = (
        build_document(session, [pair] * n, collection=collection, slug=f"n{n}") for n in (3, 150)
    )
    session.commit()
    counts = {
        (n, forget): page_queries(reviewer, document, forget)
        for n, document in ((3, small), (150, large))
        for forget in (False, True)
    }
    assert len(set(counts.values())) == 1, counts
