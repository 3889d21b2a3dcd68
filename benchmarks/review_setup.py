"""Setting up the review benchmarks: a migrated database, a 2,000-bead document, a live server
and a logged-in HTTP client that counts SQL statements (used by benchmarks/review.py).
"""

from __future__ import annotations

import http.client
import logging
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade
from werkzeug.serving import make_server

import alignment
from app import create_app
from app.extensions import db
from app.models import Collection, Document, DocumentText, Role, Segment, TextRole
from app.services import glossary
from app.services.alignments import store_beads
from app.services.terms.importing import load_glossary_once
from app.services.users import create_user
from benchmarks.corpus import parallel_texts

PASSWORD = "benchmark password"
GLOSSARY = Path(__file__).resolve().parent.parent / "corpora" / "puzanov-1957" / "glossary.csv"


def make_app(url: str | None, instance: Path) -> Flask:
    """Create the app on a fresh, migrated database."""
    url = url or f"sqlite:///{instance / 'bench.sqlite3'}"
    if url.startswith("postgresql"):
        engine = sa.create_engine(url)
        with engine.begin() as connection:
            connection.execute(sa.text("DROP SCHEMA public CASCADE"))
            connection.execute(sa.text("CREATE SCHEMA public"))
        engine.dispose()
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    with app.app_context():
        upgrade()
    return app


def build_document(size: int) -> int:
    """Store a document of about `size` beads aligned by the engine; return its id.

    Its collection uses the sample corpus's glossary (52 entries), as the demo's do.
    """
    create_user(
        db.session, username="translator", role=Role.TRANSLATOR, password=PASSWORD, actor=None
    )
    collection = Collection(slug="bench", title="Benchmark")
    db.session.add(collection)
    db.session.flush()
    load_glossary_once(db.session, collection, GLOSSARY)  # the term checks run as in the demo
    document = Document(collection=collection, slug="bench", title="Benchmark document")
    src, tgt = parallel_texts(size)
    sides = []
    for role, lang, sentences in (
        (TextRole.ORIGINAL, "ru", src),
        (TextRole.TRANSLATION, "en", tgt),
    ):
        raw = "\n".join(sentences)
        text = DocumentText(
            document=document,
            role=role,
            lang=lang,
            raw=raw,
            body_end=len(raw),
            source_format="plain",
            encoding="utf-8",
        )
        offsets = [0]
        for sentence in sentences:
            offsets.append(offsets[-1] + len(sentence) + 1)
        sides.append(
            [
                Segment(
                    text=text,
                    position=i,
                    kind="sentence",
                    content=s,
                    start=offsets[i],
                    end=offsets[i] + len(s),
                )
                for i, s in enumerate(sentences)
            ]
        )
    db.session.add(document)
    db.session.flush()
    store_beads(db.session, document, sides[0], sides[1], alignment.align(src, tgt).beads)
    db.session.commit()
    return document.id


def edit_glossary_entry(app: Flask, n: int) -> None:
    """Change the note of the benchmark glossary's first entry, as an editor would."""
    with app.app_context():
        collection = db.session.scalars(sa.select(Collection)).one()
        used = glossary.glossary_of(db.session, collection)
        assert used is not None
        entry = glossary.entries(db.session, used)[0]
        note = replace(glossary.to_record(entry), note=f"Benchmark note {n}.")
        glossary.save_entry(db.session, used, note, None, "benchmark edit", entry)
        db.session.commit()


class Timing(NamedTuple):
    """One request: its round trip, the server thread's CPU time, its SQL statements."""

    ms: float
    cpu_ms: float
    queries: int
    body: str


SERVER_CPU_MS: list[float] = []


def cpu_timed(wsgi: Any) -> Any:
    """Wrap a WSGI app to record each request's CPU time in its server thread.

    CPU time is what the request itself costs: unlike the round trip, it does not grow when
    other processes load the machine. (PostgreSQL's own work runs in its server process.)
    """

    def timed(environ: Any, start_response: Any) -> list[bytes]:
        start = time.thread_time()
        try:
            return list(wsgi(environ, start_response))
        finally:
            SERVER_CPU_MS.append((time.thread_time() - start) * 1000)

    return timed


@contextmanager
def serving(app: Flask) -> Iterator[int]:
    """Serve the app on a free port in a thread; yield the port."""
    server = make_server("127.0.0.1", 0, cpu_timed(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        thread.join()


class Client:
    """A logged-in HTTP client that counts the SQL statements of each request."""

    def __init__(self, port: int, engine: sa.Engine) -> None:
        self.port, self.cookie, self.token, self.statements = port, "", "", 0
        self.page = ""
        sa.event.listen(engine, "before_cursor_execute", self._count)
        login = self.request("GET", "/login")[1]
        self.token = login.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
        form = {"username": "translator", "password": PASSWORD, "csrf_token": self.token}
        self.request("POST", "/login", form)

    def _count(self, *_args: Any) -> None:
        self.statements += 1

    def request(
        self, method: str, path: str, form: dict[str, Any] | None = None, htmx: bool = False
    ) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port)
        headers = {"Cookie": self.cookie, "X-CSRFToken": self.token}
        if htmx:
            headers |= {"HX-Request": "true", "HX-Target": "review-status"}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        text = response.read().decode()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";")[0]
        connection.close()
        return response.status, text

    def timed(self, method: str, path: str, form: dict[str, Any] | None = None) -> Timing:
        """Make one request and time it; fail on an error status."""
        before = self.statements
        start = time.perf_counter()
        status, text = self.request(method, path, form, htmx=form is not None)
        elapsed = (time.perf_counter() - start) * 1000
        if status >= 400:
            raise RuntimeError(f"{method} {path} {form}: {status} {text[:300]}")
        return Timing(elapsed, SERVER_CPU_MS[-1], self.statements - before, text)
