"""The terminology API under /api/v1/: glossary, findings, dismissal, fix and its undo."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Role, Segment
from app.services import api_tokens
from tests.terms.conftest import DATA

BASE = "/api/v1/collections/terms-test"


@pytest.fixture
def tokens(session, users) -> dict[Role, dict[str, str]]:
    issued = {role: api_tokens.issue_token(session, role.value, None) for role in Role}
    session.commit()
    return {role: {"Authorization": f"Bearer {token}"} for role, token in issued.items()}


def entry_id(client, headers, term: str) -> int:
    entries = client.get(f"{BASE}/glossary", headers=headers).get_json()["entries"]
    return next(e["id"] for e in entries if e["term"] == term)


def test_a_token_is_required(client, collection) -> None:
    response = client.get(f"{BASE}/terms/findings")
    assert response.status_code == 401


def test_findings_as_json_and_dismissal(client, collection, tokens) -> None:
    found = client.get(f"{BASE}/terms/findings", headers=tokens[Role.LINGUIST]).get_json()
    assert len(found["findings"]) == 6
    pak = next(f for f in found["findings"] if f["subject"] == "Pak Kum Chol")
    refused = client.post(f"{BASE}/terms/findings/dismiss", json=pak, headers=tokens[Role.LINGUIST])
    assert refused.status_code == 403 and refused.get_json()["status"] == 403
    done = client.post(
        f"{BASE}/terms/findings/dismiss",
        json={**pak, "reason": "the archive's gloss"},
        headers=tokens[Role.TRANSLATOR],
    )
    assert done.status_code == 200
    after = client.get(f"{BASE}/terms/findings", headers=tokens[Role.LINGUIST]).get_json()
    assert len(after["findings"]) == 5
    every = client.get(
        f"{BASE}/terms/findings?dismissed=include", headers=tokens[Role.LINGUIST]
    ).get_json()["findings"]
    assert [f["dismissed"] for f in every if f["subject"] == "Pak Kum Chol"] == [True]


def test_fix_preview_apply_and_undo(client, collection, tokens, session) -> None:
    headers = tokens[Role.TRANSLATOR]
    vns = entry_id(client, headers, "ВНС")
    preview = client.get(f"{BASE}/glossary/entries/{vns}/fix", headers=headers).get_json()
    assert [o["before"] for o in preview["occurrences"]] == [
        "VNS",
        "VNS [Supreme People's Assembly]",
        "VNS",
        "VNS",
    ]
    before = {s.id: s.content for s in session.scalars(select(Segment))}
    applied = client.post(
        f"{BASE}/glossary/entries/{vns}/fix",
        json={"accept": [preview["occurrences"][0]["key"]], "reason": "term decision"},
        headers=headers,
    ).get_json()
    assert applied["fixed"] == 1 and len(applied["versions"]) == 1
    stale = client.post(
        f"{BASE}/glossary/entries/{vns}/fix",
        json={"accept": [preview["occurrences"][0]["key"]]},
        headers=headers,
    )
    assert stale.status_code == 409
    undone = client.post(f"/api/v1/changesets/{applied['changeset']}/undo", headers=headers)
    assert undone.status_code == 200
    session.expire_all()
    assert {s.id: s.content for s in session.scalars(select(Segment))} == before


def test_glossary_entries_import_and_export(client, collection, tokens) -> None:
    editor = tokens[Role.EDITOR]
    created = client.post(
        f"{BASE}/glossary/entries",
        json={"term": "МИД", "preferred": "MFA", "forbidden": ["Foreign Ministry"]},
        headers=editor,
    )
    assert created.status_code == 201 and created.get_json()["status"] == "proposed"
    new_id = created.get_json()["id"]
    no_reason = client.put(
        f"{BASE}/glossary/entries/{new_id}",
        json={"term": "МИД", "preferred": "MFA", "status": "approved"},
        headers=editor,
    )
    assert no_reason.status_code == 400 and "Say why" in no_reason.get_json()["error"]
    approved = client.put(
        f"{BASE}/glossary/entries/{new_id}",
        json={"term": "МИД", "preferred": "MFA", "status": "approved", "reason": "decided"},
        headers=editor,
    ).get_json()
    assert approved["approved_by"] == "editor"
    tbx = client.get(f"{BASE}/glossary?format=tbx", headers=editor)
    assert tbx.mimetype == "application/x-tbx+xml"
    again = client.post(
        f"{BASE}/glossary?filename=glossary.tbx", data=tbx.data, headers=editor
    ).get_json()
    assert again == {"created": 0, "updated": 0, "unchanged": 7}
    csv_import = client.post(
        f"{BASE}/glossary?filename=g.csv",
        data=(DATA / "glossary.csv").read_bytes(),
        headers=tokens[Role.TRANSLATOR],
    )
    assert csv_import.status_code == 403


def test_the_openapi_document_lists_the_terminology_paths(client, tokens) -> None:
    spec = client.get("/api/v1/openapi.json", headers=tokens[Role.LINGUIST]).get_json()
    assert "/collections/{slug}/glossary/entries/{entry_id}/fix" in spec["paths"]
    assert "Finding" in spec["components"]["schemas"]
