"""The review page over HTTP: full pages, htmx fragments, refusals, roles, history and queue."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event, select

from app.extensions import db
from app.models import Bead, BeadStatus, Role
from app.services import review
from app.services.review import RowWarning
from tests.review.builders import build_document, numbered_pairs
from tests.support import csrf_token


def bead_ids(session, document) -> list[int]:
    query = select(Bead.id).where(Bead.document_id == document.id).order_by(Bead.position)
    return list(session.scalars(query))


def htmx_post(client, path: str, data: dict, token: str, target: str = "review-status"):
    headers = {"HX-Request": "true", "HX-Target": target, "X-CSRFToken": token}
    return client.post(path, data=data, headers=headers)


@pytest.fixture
def reviewer(as_role, document):
    client = as_role(Role.TRANSLATOR)
    client.token = csrf_token(client, f"/documents/{document.id}/review")
    return client


def test_the_review_page_shows_every_pair_with_confidence_status_and_type(
    reviewer, document
) -> None:
    page = reviewer.get(f"/documents/{document.id}/review")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert html.count('class="bead ') == 5
    assert "Он поблагодарил." in html and "He thanked me." in html
    assert '<span class="type">2-1</span>' in html and '<span class="type">1-2</span>' in html
    assert '<span class="conf">0.40</span>' in html
    assert 'data-version="1"' in html
    assert "0 / 5 confirmed" in html
    assert 'id="actions"' in html  # the command bar for someone who may edit
    assert "HX-Request" in page.headers["Vary"]


def test_the_rows_alone_come_back_to_htmx_filtered(reviewer, document) -> None:
    response = reviewer.get(
        f"/documents/{document.id}/review?show=review",
        headers={"HX-Request": "true", "HX-Target": "rows"},
    )
    html = response.get_data(as_text=True)
    assert html.startswith('<tbody id="rows"')
    assert "<html" not in html
    # Needs review: the 0.4, the 2-1 and the 1-2 pairs; not the confident 1-1 pairs.
    assert html.count('class="bead ') == 3
    assert "Присутствовал Нам Ир." not in html


def test_a_merge_through_htmx_answers_with_the_touched_rows_only(
    reviewer, document, session
) -> None:
    ids = bead_ids(session, document)
    data = {"op": "merge_down", "bead": ids[1], "version": 1}
    response = htmx_post(reviewer, f"/documents/{document.id}/review/op", data, reviewer.token)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Merged “Он поблагодарил.” with the next pair" in html
    assert f'<tr hx-swap-oob="true" id="bead-{ids[1]}"' in html
    assert f'<tr id="bead-{ids[2]}" hx-swap-oob="delete">' in html
    assert html.count('class="bead ') == 1  # only the merged row is sent
    assert 'data-version="2"' in html
    assert 'id="progress" class="review-progress" hx-swap-oob="true"' in html
    assert bead_ids(session, document) == [ids[0], ids[1], ids[3], ids[4]]


def test_a_split_sends_the_new_row_to_go_right_after_the_split_one(
    reviewer, document, session
) -> None:
    ids = bead_ids(session, document)
    data = {"op": "split", "bead": ids[2], "version": 1, "src_cut": 1, "tgt_cut": 1}
    html = htmx_post(reviewer, f"/documents/{document.id}/review/op", data, reviewer.token)
    new_id = bead_ids(session, document)[3]
    assert re.search(
        rf'<template><tbody hx-swap-oob="afterend:#bead-{ids[2]}"><tr\s+id="bead-{new_id}"',
        html.get_data(as_text=True),
    )


def test_without_javascript_an_operation_redirects_back_to_the_pair(
    reviewer, document, session
) -> None:
    ids = bead_ids(session, document)
    data = {"op": "confirm", "bead": ids[0], "version": 1, "csrf_token": reviewer.token}
    response = reviewer.post(f"/documents/{document.id}/review/op", data=data)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"?at={ids[0]}#bead-{ids[0]}")
    page = reviewer.get(response.headers["Location"]).get_data(as_text=True)
    assert "Confirmed “Я посетил Ким Ир Сена.”" in page
    assert "1 / 5 confirmed" in page
    assert f'name="bead" value="{ids[0]}"' in page  # the bar acts on the selected pair


def test_a_stale_operation_gets_409_with_who_changed_what_and_a_reload_button(
    reviewer, document, session, users
) -> None:
    from app.services import review_ops

    ids = bead_ids(session, document)
    review_ops.set_status(
        session, document.id, ids[1], BeadStatus.FLAGGED, 1, users[Role.EDITOR], "no"
    )
    session.commit()
    data = {"op": "edit_segment", "bead": ids[1], "version": 1, "content": "He thanked us."}
    data["segment"] = session.get(Bead, ids[1]).segments[-1].id
    response = htmx_post(reviewer, f"/documents/{document.id}/review/op", data, reviewer.token)
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "editor changed them" in html and "Flagged “Он поблагодарил.”" in html
    assert "He thanked us." in html  # the unsaved text is shown, not lost
    assert 'hx-target="#rows"' in html and "Reload the rows" in html


def test_an_impossible_operation_gets_422_with_the_reason(reviewer, document, session) -> None:
    last = bead_ids(session, document)[-1]
    data = {"op": "merge_down", "bead": last, "version": 1}
    response = htmx_post(reviewer, f"/documents/{document.id}/review/op", data, reviewer.token)
    assert response.status_code == 422
    assert "There is no next pair." in response.get_data(as_text=True)


def test_undo_last_restores_my_last_operation(reviewer, document, session) -> None:
    ids = bead_ids(session, document)
    data = {"op": "merge_down", "bead": ids[0], "version": 1}
    htmx_post(reviewer, f"/documents/{document.id}/review/op", data, reviewer.token)
    response = htmx_post(reviewer, f"/documents/{document.id}/review/undo", {}, reviewer.token)
    html = response.get_data(as_text=True)
    assert "Undid: Merged" in html
    assert f'afterend:#bead-{ids[0]}"><tr' in html  # the merged-away pair comes back
    assert bead_ids(session, document) == ids
    again = htmx_post(reviewer, f"/documents/{document.id}/review/undo", {}, reviewer.token)
    assert "Nothing of yours to undo" in again.get_data(as_text=True)


def test_a_linguist_reads_the_review_page_but_cannot_change_it(as_role, document, session) -> None:
    client = as_role(Role.LINGUIST)
    page = client.get(f"/documents/{document.id}/review").get_data(as_text=True)
    assert 'id="actions"' not in page
    token = csrf_token(client, f"/documents/{document.id}/review")
    data = {"op": "confirm", "bead": bead_ids(session, document)[0], "version": 1}
    response = htmx_post(client, f"/documents/{document.id}/review/op", data, token)
    assert response.status_code == 403


def test_panels_come_as_fragments_or_as_pages(reviewer, document, session) -> None:
    bead = bead_ids(session, document)[2]
    path = f"/documents/{document.id}/review/panel?bead={bead}&panel=split&version=1"
    fragment = reviewer.get(path, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" not in fragment and 'name="src_cut"' in fragment
    page = reviewer.get(path).get_data(as_text=True)
    assert "<html" in page and 'name="src_cut"' in page and "Back to the review" in page
    edit = reviewer.get(path.replace("split", "edit"), headers={"HX-Request": "true"})
    assert 'name="marked"' in edit.get_data(as_text=True)
    assert 'name="reason"' not in edit.get_data(as_text=True)  # a translator cannot edit Russian


def test_history_lists_changes_readably_and_undoes_one(reviewer, document, session) -> None:
    ids = bead_ids(session, document)
    data = {"op": "flag", "bead": ids[0], "version": 1, "comment": "names differ"}
    htmx_post(reviewer, f"/documents/{document.id}/review/op", data, reviewer.token)
    page = reviewer.get(f"/documents/{document.id}/history").get_data(as_text=True)
    assert "Flagged “Я посетил Ким Ир Сена.”" in page
    assert "status automatic → flagged" in page and "comment — → names differ" in page
    changeset = re.search(r"/history/([0-9a-f-]{36})/undo", page).group(1)
    response = reviewer.post(
        f"/documents/{document.id}/history/{changeset}/undo", data={"csrf_token": reviewer.token}
    )
    assert response.status_code == 302
    after = reviewer.get(response.headers["Location"]).get_data(as_text=True)
    assert "Undid: Flagged" in after and "undone" in after
    assert session.get(Bead, ids[0]).status == BeadStatus.AUTOMATIC


def test_the_queue_goes_lowest_confidence_first_across_documents(
    reviewer, document, session
) -> None:
    other = build_document(
        session, numbered_pairs(2, 0.2), slug="other", collection=document.collection
    )
    session.commit()
    slug = document.collection.slug
    first = reviewer.get(f"/collections/{slug}/next")
    assert f"/documents/{other.id}/review" in first.headers["Location"]
    low = bead_ids(session, other)
    second = reviewer.get(f"/collections/{slug}/next?after={low[1]}")
    assert (
        f"/documents/{document.id}/review?at={bead_ids(session, document)[1]}"
        in (second.headers["Location"])
    )
    page = reviewer.get(f"/collections/{slug}/queue").get_data(as_text=True)
    assert page.index("0.20") < page.index("0.40") < page.index("0.70")
    assert "0.95" not in page  # confident 1-1 pairs do not need review


def test_the_overview_is_an_svg_of_the_path_with_links_to_doubtful_rows(
    reviewer, document, session
) -> None:
    response = reviewer.get(f"/documents/{document.id}/overview.svg")
    svg = response.get_data(as_text=True)
    assert response.mimetype == "image/svg+xml"
    assert svg.startswith("<svg") and 'class="path low"' in svg
    assert f'href="#bead-{bead_ids(session, document)[1]}"' in svg
    assert "5 Russian against" not in svg and "6 Russian against 6 English" in svg


def test_warnings_added_by_another_area_show_under_their_row(
    reviewer, document, session, monkeypatch
) -> None:
    target = bead_ids(session, document)[0]

    def term_check(_session, rows) -> None:
        for row in rows:
            if row.id == target:
                row.warnings.append(RowWarning("term.missing", "ВНС: no approved rendering"))

    monkeypatch.setattr(review, "ROW_ANNOTATORS", [term_check])
    html = reviewer.get(f"/documents/{document.id}/review").get_data(as_text=True)
    assert '<li class="warning" data-check="term.missing">ВНС: no approved rendering</li>' in html


def count_queries(app, client, path: str) -> int:
    statements = []

    def count(*_args) -> None:
        statements.append(1)

    client.get(path)  # the same warm start for every page (the test shares one app context)
    engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(statements)


def test_the_page_query_count_does_not_grow_with_the_document(app, reviewer, session) -> None:
    small = build_document(session, numbered_pairs(5), slug="small")
    large = build_document(session, numbered_pairs(120), slug="large")
    session.commit()
    queries = [count_queries(app, reviewer, f"/documents/{d.id}/review") for d in (small, large)]
    assert queries[0] == queries[1] <= 10


def test_an_operation_updates_the_filter_counts(reviewer, document, session) -> None:
    ids = bead_ids(session, document)
    data = {"op": "confirm", "bead": ids[2], "version": 1}
    html = htmx_post(reviewer, f"/documents/{document.id}/review/op", data, reviewer.token)
    body = html.get_data(as_text=True)
    assert '<span class="count" id="count-confirmed" hx-swap-oob="true">1</span>' in body
    assert '<span class="count" id="count-review" hx-swap-oob="true">2</span>' in body
