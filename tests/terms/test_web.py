"""The terminology pages through HTTP: report, glossary, entry editing, fix preview and apply."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select

from app.models import Action, Change, Role, Segment
from app.services import glossary
from tests.support import csrf_token


def entry_id(session, collection, term: str) -> int:
    found = glossary.glossary_of(session, collection)
    return next(e.id for e in glossary.entries(session, found) if e.term == term)


def test_report_lists_findings_and_terms_to_fix(as_role, collection, session) -> None:
    client = as_role(Role.TRANSLATOR)
    page = client.get("/collections/terms-test/terms").get_data(as_text=True)
    assert 'data-check="term-forbidden">6<' in page
    assert "“VNS” is a forbidden rendering of «ВНС»" in page
    vns = entry_id(session, collection, "ВНС")
    assert f"/collections/terms-test/glossary/{vns}/fix" in page


def test_report_csv_export(as_role, collection) -> None:
    response = as_role(Role.LINGUIST).get("/collections/terms-test/terms.csv?sort=check")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 6 and {r["check"] for r in rows} == {"term-forbidden"}
    assert {r["document"] for r in rows} == {"assembly", "deputies"}


def test_dismiss_through_htmx_returns_the_row(as_role, collection) -> None:
    client = as_role(Role.TRANSLATOR)
    token = csrf_token(client, "/collections/terms-test/terms")
    rows = csv.DictReader(
        io.StringIO(client.get("/collections/terms-test/terms.csv").get_data(as_text=True))
    )
    pak = next(r for r in rows if r["subject"] == "Pak Kum Chol")
    document_id = next(d.id for d in collection.documents if d.slug == pak["document"])
    response = client.post(
        "/collections/terms-test/terms/dismiss",
        data={
            "csrf_token": token,
            "document_id": document_id,
            "fingerprint": pak["fingerprint"],
            "reason": "gloss may stay",
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "Dismissed" in response.get_data(as_text=True)
    page = client.get("/collections/terms-test/terms").get_data(as_text=True)
    assert 'data-check="term-forbidden">5<' in page and "gloss may stay" in page


def test_a_linguist_cannot_dismiss_or_fix(as_role, collection, session) -> None:
    client = as_role(Role.LINGUIST)
    token = csrf_token(client, "/collections/terms-test/terms")
    vns = entry_id(session, collection, "ВНС")
    fix = client.post(
        f"/collections/terms-test/glossary/{vns}/fix",
        data={"csrf_token": token, "scope": "collection"},
    )
    assert fix.status_code == 403
    assert (
        client.post("/collections/terms-test/terms/dismiss", data={"csrf_token": token}).status_code
        == 403
    )


def test_glossary_page_and_exports(as_role, collection) -> None:
    client = as_role(Role.LINGUIST)
    page = client.get("/collections/terms-test/glossary").get_data(as_text=True)
    assert "Supreme People&#39;s Assembly" in page and "New entry" not in page
    tbx = client.get("/collections/terms-test/glossary.tbx")
    assert tbx.mimetype == "application/x-tbx+xml" and b"<term>VNS</term>" in tbx.data
    assert client.get("/collections/terms-test/glossary.csv").data.startswith(b"term,ru_variants")
    assert client.get("/collections/terms-test/glossary.xls").status_code == 400


def test_editor_edits_an_entry_with_a_reason(as_role, collection, session) -> None:
    client = as_role(Role.EDITOR)
    vns = entry_id(session, collection, "ВНС")
    url = f"/collections/terms-test/glossary/{vns}"
    form = {
        "csrf_token": csrf_token(client, url),
        "term": "ВНС",
        "ru_forms": "Верховное Народное Собрание",
        "preferred": "Supreme People's Assembly",
        "admitted": "SPA",
        "forbidden": "VNS\nthe VNS assembly",
        "status": "approved",
        "reason": "",
    }
    refused = client.post(url, data=form)
    assert refused.status_code == 422 and "Say why" in refused.get_data(as_text=True)
    saved = client.post(url, data={**form, "reason": "term decision"})
    assert saved.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "term decision" in page and "the VNS assembly" in page


def test_translator_cannot_edit_the_glossary(as_role, collection, session) -> None:
    client = as_role(Role.TRANSLATOR)
    vns = entry_id(session, collection, "ВНС")
    url = f"/collections/terms-test/glossary/{vns}"
    assert client.post(url, data={"csrf_token": csrf_token(client, url)}).status_code == 403
    assert client.get("/collections/terms-test/glossary/new").status_code == 403


def test_import_a_glossary_file(as_role, collection) -> None:
    client = as_role(Role.EDITOR)
    token = csrf_token(client, "/collections/terms-test/glossary")
    header = "term,ru_variants,preferred,admitted,forbidden,note,status\n"
    data = header + "МИД,МИД,MFA,,Foreign Ministry,,approved\n"
    response = client.post(
        "/collections/terms-test/glossary/import",
        data={
            "csrf_token": token,
            "file": (io.BytesIO(data.encode()), "more.csv"),
            "reason": "more terms",
        },
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "1 entries added" in response.get_data(as_text=True)
    bad = client.post(
        "/collections/terms-test/glossary/import",
        data={"csrf_token": token, "file": (io.BytesIO(b"<tbx><oops"), "bad.tbx")},
        content_type="multipart/form-data",
    )
    assert bad.status_code == 400 and "not a readable TBX file" in bad.get_data(as_text=True)


def test_fix_preview_and_apply_ticked_then_undo(as_role, collection, session) -> None:
    client = as_role(Role.TRANSLATOR)
    vns = entry_id(session, collection, "ВНС")
    url = f"/collections/terms-test/glossary/{vns}/fix"
    page = client.get(url).get_data(as_text=True)
    keys = [
        line.split('value="')[1].split('"')[0]
        for line in page.splitlines()
        if 'name="accept"' in line
    ]
    assert len(keys) == 4  # three VNS and the VNS of "VNS Presidium"
    assert (
        "<del>VNS [Supreme People&#39;s Assembly]</del><ins>Supreme People&#39;s Assembly</ins>"
        in page
    )
    before = {s.id: s.content for s in session.scalars(select(Segment))}
    response = client.post(
        url, data={"csrf_token": csrf_token(client, url), "scope": "ticked", "accept": keys[:1]}
    )
    assert response.status_code == 302 and "undo=" in response.location
    session.expire_all()
    after = {s.id: s.content for s in session.scalars(select(Segment))}
    assert [i for i in before if before[i] != after[i]] == [int(keys[0].split("-")[0])]
    done = client.get(response.location).get_data(as_text=True)
    assert "Fixed 1 place in 1 document" in done and "Undo this fix" in done
    changeset = response.location.split("undo=")[1]
    client.post(
        "/collections/terms-test/terms/undo",
        data={"csrf_token": csrf_token(client, url), "changeset": changeset, "next": url},
    )
    session.expire_all()
    assert {s.id: s.content for s in session.scalars(select(Segment))} == before
    assert (
        session.scalar(select(Change).where(Change.action == Action.CHANGESET_UNDO).limit(1))
        is not None
    )
