"""Collections, documents and the import form, as a user sees them."""

from __future__ import annotations

import io

import sqlalchemy as sa
from sqlalchemy import select

from app.extensions import db
from app.models import Collection, Document, Role
from app.services import collections
from tests.conftest import FIXTURES
from tests.support import csrf_token

SEED = FIXTURES / "app" / "seed-1957-10-01.en.txt"
SHORT_RU = FIXTURES / "app" / "short.ru.txt"


def upload_form(client, **files):
    data = {
        "csrf_token": csrf_token(client, "/import"),
        "collection": "__new__",
        "new_collection": "Puzanov 1957",
        "mode": "texts",
    }
    for field, (name, content) in files.items():
        data[field] = (io.BytesIO(content), name)
    return client.post("/import", data=data, content_type="multipart/form-data")


def test_import_through_the_form_shows_the_aligned_document(as_role, session) -> None:
    client = as_role(Role.TRANSLATOR)
    response = upload_form(
        client,
        original=("ru.txt", SHORT_RU.read_bytes()),
        translation=("seed.txt", SEED.read_bytes()),
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 1 October 1957" in page
    assert "AVPRF, F. 0102, Op. 13, Delo 5, Listy 257-307" in page
    assert "Gary Goldberg" in page
    assert "Посетил Ким Ир Сена." in page and "I visited Kim Il Sung" in page
    assert 'lang="ru"' in page and 'class="bead' in page


def test_a_bad_file_in_the_form_is_explained_and_nothing_is_written(as_role, session) -> None:
    client = as_role(Role.TRANSLATOR)
    response = upload_form(
        client, original=("ru.txt", b""), translation=("seed.txt", SEED.read_bytes())
    )
    assert response.status_code == 400
    assert "ru.txt" in response.get_data(as_text=True)
    assert "empty" in response.get_data(as_text=True).lower()
    assert session.scalar(select(Collection)) is None
    assert session.scalar(sa.select(sa.func.count(Document.id))) == 0


def test_the_form_asks_for_missing_files(as_role) -> None:
    client = as_role(Role.TRANSLATOR)
    response = upload_form(client, original=("ru.txt", SHORT_RU.read_bytes()))
    assert response.status_code == 400
    assert "Choose the English translation." in response.get_data(as_text=True)


def test_an_upload_over_the_request_limit_gets_413(as_role, app) -> None:
    client = as_role(Role.TRANSLATOR)
    # A small limit keeps the request body in memory (werkzeug spools big test bodies to disk).
    app.config["MAX_CONTENT_LENGTH"] = 4_000
    big = b"a" * 5_000
    response = upload_form(client, original=("ru.txt", big), translation=("en.txt", big))
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True).lower()


def test_collection_page_lists_documents_with_progress(as_role, session) -> None:
    client = as_role(Role.TRANSLATOR)
    upload_form(
        client,
        original=("ru.txt", SHORT_RU.read_bytes()),
        translation=("seed.txt", SEED.read_bytes()),
    )
    collection = collections.list_collections(db.session)[0]
    page = client.get(f"/collections/{collection.slug}").get_data(as_text=True)
    assert "1957-10-01" in page and "<progress" in page
    assert client.get("/").get_data(as_text=True).count(collection.title) == 1


def test_document_text_is_escaped(as_role, session) -> None:
    client = as_role(Role.TRANSLATOR)
    hostile = "<script>alert(1)</script> Посетил Ким Ир Сена.".encode()
    response = upload_form(
        client,
        original=("ru.txt", hostile),
        translation=("en.txt", b"<b>I visited</b> Kim Il Sung."),
    )
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
