"""The review API: tokens, the same role rules as the UI, operations, conflicts, JSON errors."""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from app.models import Bead, BeadStatus, Role, User
from app.services import api_tokens
from tests.support import login


@pytest.fixture
def tokens(session, users) -> dict[Role, str]:
    issued = {role: api_tokens.issue_token(session, role.value, None) for role in Role}
    session.commit()
    return issued


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def bead_ids(session, document) -> list[int]:
    query = select(Bead.id).where(Bead.document_id == document.id).order_by(Bead.position)
    return list(session.scalars(query))


def test_the_cli_prints_a_token_once_and_stores_only_its_hash(app, session, users) -> None:
    result = CliRunner().invoke(app.cli, ["users", "token", "translator"])
    token = result.output.strip()
    assert result.exit_code == 0 and len(token) >= 40
    stored = session.scalar(select(User.api_token_hash).where(User.username == "translator"))
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    assert token not in stored
    unknown = CliRunner().invoke(app.cli, ["users", "token", "nobody"])
    assert unknown.exit_code != 0 and "no user 'nobody'" in unknown.output


def test_reading_beads_needs_a_token(client, document, tokens) -> None:
    path = f"/api/v1/documents/{document.id}/beads"
    response = client.get(path, headers=auth(tokens[Role.LINGUIST]))
    body = response.get_json()
    assert response.status_code == 200
    assert body["document"]["version"] == 1
    assert [b["kind"] for b in body["beads"]] == ["1-1", "1-1", "2-1", "1-2", "1-1"]
    assert body["beads"][0]["src"][0]["content"] == "Я посетил Ким Ир Сена."
    assert client.get(path, headers=auth("wrong")).status_code == 401
    assert client.get(path).status_code == 401


def test_a_session_cookie_alone_does_not_open_the_api(client, document, users) -> None:
    login(client, "translator")
    response = client.get(f"/api/v1/documents/{document.id}/beads")
    assert response.status_code == 401
    assert response.get_json()["error"].startswith("A valid API token is required")


def test_an_operation_returns_what_changed(client, document, tokens, session) -> None:
    ids = bead_ids(session, document)
    response = client.post(
        f"/api/v1/documents/{document.id}/operations",
        json={"op": "merge_down", "bead": ids[0], "version": 1},
        headers=auth(tokens[Role.TRANSLATOR]),
    )
    body = response.get_json()
    assert response.status_code == 200, body
    assert body["summary"] == "Merged “Я посетил Ким Ир Сена.” with the next pair"
    assert body["versions"] == {str(document.id): 2}
    assert body["removed"] == [ids[1]]
    assert [b["id"] for b in body["beads"]] == [ids[0]] and body["beads"][0]["kind"] == "2-2"


def test_the_same_role_rules_apply(client, document, tokens, session) -> None:
    ids = bead_ids(session, document)
    operation = {"op": "confirm", "bead": ids[0], "version": 1}
    path = f"/api/v1/documents/{document.id}/operations"
    refused = client.post(path, json=operation, headers=auth(tokens[Role.LINGUIST]))
    assert refused.status_code == 403 and "linguist" in refused.get_json()["error"]
    russian = bead_ids(session, document)[1]
    sentence = session.get(Bead, russian).segments[0].id
    edit = {"op": "edit_segment", "bead": russian, "version": 1, "segment": sentence}
    edit |= {"content": "Он поблагодарил меня.", "reason": "OCR"}
    assert client.post(path, json=edit, headers=auth(tokens[Role.TRANSLATOR])).status_code == 403
    assert client.post(path, json=edit, headers=auth(tokens[Role.EDITOR])).status_code == 200


def test_a_stale_operation_gets_409_naming_the_later_change(
    client, document, tokens, session
) -> None:
    ids = bead_ids(session, document)
    path = f"/api/v1/documents/{document.id}/operations"
    flag = {"op": "flag", "bead": ids[2], "version": 1, "comment": "check"}
    client.post(path, json=flag, headers=auth(tokens[Role.EDITOR]))
    stale = {"op": "split", "bead": ids[2], "version": 1, "src_cut": 1, "tgt_cut": 1}
    response = client.post(path, json=stale, headers=auth(tokens[Role.TRANSLATOR]))
    body = response.get_json()
    assert response.status_code == 409
    (later,) = body["later_changes"]
    assert later["by"] == "editor" and later["version"] == 2
    assert later["summary"] == "Flagged “Мы говорили о выборах.”"
    assert {"type": "bead", "id": ids[2]} in later["rows"]
    # Based on the version the other rows were read at, other pairs still go through.
    other = {"op": "confirm", "bead": ids[0], "version": 1}
    assert client.post(path, json=other, headers=auth(tokens[Role.TRANSLATOR])).status_code == 200
    assert session.get(Bead, ids[0]).status == BeadStatus.CONFIRMED


def test_undo_through_the_api_and_a_blocked_undo(client, document, tokens, session) -> None:
    ids = bead_ids(session, document)
    path = f"/api/v1/documents/{document.id}/operations"
    merged = client.post(
        path,
        json={"op": "merge_down", "bead": ids[0], "version": 1},
        headers=auth(tokens[Role.TRANSLATOR]),
    ).get_json()
    client.post(
        path,
        json={"op": "confirm", "bead": ids[0], "version": 2},
        headers=auth(tokens[Role.EDITOR]),
    )
    blocked = client.post(
        f"/api/v1/changesets/{merged['changeset']}/undo", headers=auth(tokens[Role.TRANSLATOR])
    )
    assert blocked.status_code == 409
    assert blocked.get_json()["blocked_by"]["summary"] == "Confirmed “Я посетил Ким Ир Сена.”"
    undone = client.post(
        f"/api/v1/documents/{document.id}/undo", headers=auth(tokens[Role.EDITOR])
    ).get_json()
    assert undone["summary"] == "Undid: Confirmed “Я посетил Ким Ир Сена.”"
    history = client.get(
        f"/api/v1/documents/{document.id}/history", headers=auth(tokens[Role.LINGUIST])
    ).get_json()
    assert [op["undone"] for op in history["operations"]] == [False, True, False]


def test_errors_are_json(client, document, tokens) -> None:
    headers = auth(tokens[Role.TRANSLATOR])
    path = f"/api/v1/documents/{document.id}/operations"
    unknown = client.post(path, json={"op": "explode", "bead": 1, "version": 1}, headers=headers)
    assert unknown.status_code == 400 and "Unknown operation" in unknown.get_json()["error"]
    assert client.post(path, data="not json", headers=headers).status_code == 400
    missing = client.get("/api/v1/documents/999/beads", headers=headers)
    assert missing.status_code == 404 and missing.get_json()["error"] == "There is no document 999."
    nowhere = client.get("/api/v1/no/such/path", headers=headers)
    assert nowhere.status_code == 404 and nowhere.is_json


def test_the_openapi_document_lists_the_review_paths(client, tokens) -> None:
    spec = client.get("/api/v1/openapi.json", headers=auth(tokens[Role.LINGUIST])).get_json()
    assert spec["openapi"].startswith("3.")
    assert "/documents/{document_id}/operations" in spec["paths"]
    assert "merge_down" in spec["components"]["schemas"]["Operation"]["properties"]["op"]["enum"]
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


def test_the_queue_over_the_api(client, document, tokens, session) -> None:
    body = client.get(
        f"/api/v1/collections/{document.collection.slug}/next", headers=auth(tokens[Role.LINGUIST])
    ).get_json()
    assert body["next"]["bead"] == bead_ids(session, document)[1]
    assert body["next"]["confidence"] == 0.4
