"""Review editor benchmarks: the review page and its operations on a 2,000-bead document.

    python -m benchmarks.review                  # SQLite in a temporary folder
    python -m benchmarks.review --database postgresql+psycopg://postgres@127.0.0.1/bench_review
        (the database's public schema is dropped and rebuilt: give it one of its own)

The app is served over HTTP on a free port (werkzeug, as in the browser tests) and driven by a
logged-in client: "page" is the full review page, "op" an htmx operation's round trip (request,
locking, staleness check, change records, commit, the fragment of changed rows). Each request's
SQL statements are counted. Targets (issue 4): page < 300 ms, operation < 100 ms, query counts
that do not grow with the document.
"""

from __future__ import annotations

import argparse
import http.client
import json
import logging
import statistics
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade
from werkzeug.serving import make_server

import alignment
from app import create_app
from app.extensions import db
from app.models import Bead, Collection, Document, DocumentText, Role, Segment, TextRole
from app.services import review
from app.services.alignments import store_beads
from app.services.users import create_user
from benchmarks.corpus import parallel_texts

PASSWORD = "benchmark password"
PAGE_TARGET_MS, OP_TARGET_MS = 300.0, 100.0


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
    """Store a document of about `size` beads aligned by the engine; return its id."""
    create_user(
        db.session, username="translator", role=Role.TRANSLATOR, password=PASSWORD, actor=None
    )
    collection = Collection(slug="bench", title="Benchmark")
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


@contextmanager
def serving(app: Flask) -> Iterator[int]:
    """Serve the app on a free port in a thread; yield the port."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
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

    def timed(
        self, method: str, path: str, form: dict[str, Any] | None = None
    ) -> tuple[float, int, str]:
        """Return (milliseconds, statements, body) of one request; fail on an error status."""
        before = self.statements
        start = time.perf_counter()
        status, text = self.request(method, path, form, htmx=form is not None)
        elapsed = (time.perf_counter() - start) * 1000
        if status >= 400:
            raise RuntimeError(f"{method} {path} {form}: {status} {text[:300]}")
        return elapsed, self.statements - before, text


def summary(name: str, runs: list[tuple[float, int]], target: float | None) -> dict[str, Any]:
    """Return the median, 90th percentile and worst time of a case and its query counts."""
    times = sorted(t for t, _ in runs)
    queries = sorted({q for _, q in runs})
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    return {
        "case": name,
        "runs": len(times),
        "median_ms": round(statistics.median(times), 1),
        "p90_ms": round(p90, 1),
        "max_ms": round(times[-1], 1),
        "queries": queries,
        "target_ms": target,
        "meets": None if target is None else p90 < target,
    }


def run(url: str | None, size: int, repeats: int) -> list[dict[str, Any]]:
    """Run every case; return their summaries."""
    with tempfile.TemporaryDirectory() as folder:
        app = make_app(url, Path(folder))
        with app.app_context():
            document_id = build_document(size)
            beads = list(
                db.session.scalars(
                    sa.select(Bead.id)
                    .where(Bead.document_id == document_id)
                    .order_by(Bead.position)
                )
            )
            english = dict(
                db.session.execute(
                    sa.select(Segment.bead_id, Segment.id)
                    .join(DocumentText, DocumentText.id == Segment.text_id)
                    .where(DocumentText.role == TextRole.TRANSLATION)
                ).all()
            )
            engine = db.engine
        version = _version_reader(engine, document_id)
        with serving(app) as port:
            client = Client(port, engine)
            return _cases(client, document_id, beads, english, version, repeats)


def _version_reader(engine: sa.Engine, document_id: int) -> Callable[[], int]:
    def read() -> int:
        with engine.connect() as connection:
            query = sa.select(Document.alignment_version).where(Document.id == document_id)
            return int(connection.execute(query).scalar_one())

    return read


def _cases(
    client: Client,
    document_id: int,
    beads: list[int],
    english: dict[int, int],
    version: Callable[[], int],
    repeats: int,
) -> list[dict[str, Any]]:
    page = f"/documents/{document_id}/review"
    operate = f"/documents/{document_id}/review/op"
    undo = f"/documents/{document_id}/review/undo"
    results = []
    client.page = client.timed("GET", page)[2]  # warm-up: templates compiled, caches filled
    runs = [client.timed("GET", page)[:2] for _ in range(repeats)]
    results.append(summary(f"review page, {len(beads)} beads", runs, PAGE_TARGET_MS))
    # The same page without the warnings other areas add to rows (term checks): the review
    # editor's own share of the time.
    annotators = list(review.ROW_ANNOTATORS)
    review.ROW_ANNOTATORS.clear()
    runs = [client.timed("GET", page)[:2] for _ in range(repeats)]
    review.ROW_ANNOTATORS.extend(annotators)
    results.append(summary("  the same without term warnings", runs, PAGE_TARGET_MS))

    def op(name: str, bead: int, **fields: Any) -> tuple[float, int]:
        elapsed, statements, _ = client.timed(
            "POST", operate, {"op": name, "bead": bead, "version": version(), **fields}
        )
        return elapsed, statements

    cases: list[tuple[str, Callable[[int], tuple[float, int]]]] = [
        ("op: confirm", lambda i: op("confirm", beads[100 + i])),
        ("op: flag with a comment", lambda i: op("flag", beads[300 + i], comment="check the date")),
        (
            "op: edit an English sentence",
            lambda i: op(
                "edit_segment",
                beads[500 + i],
                segment=english[beads[500 + i]],
                content=f"Edited sentence {i}.",
            ),
        ),
        ("op: merge with the next pair", lambda i: op("merge_down", beads[700 + 2 * i])),
        ("op: undo (re-creates the merged pair)", lambda _i: client.timed("POST", undo, {})[:2]),
        ("op: confirm up to here (600 pairs above)", lambda i: op("confirm_up_to", beads[600 + i])),
    ]
    for name, case in cases:
        # The first run of each case compiles its templates and SQL: a server does that once.
        runs = [case(i) for i in range(repeats + 1)][1:]
        results.append(summary(name, runs, OP_TARGET_MS))
    paired = [b for b in beads[1200:1400] if b in english and _has_russian(client, b)]
    first = op("detach", paired[0])
    results.append(summary("first split (renumbers every position, once)", [first], None))
    splits = [op("detach", b) for b in paired[1 : repeats + 2]][1:]
    results.append(summary("op: split a pair into 1-0 and 0-1", splits, OP_TARGET_MS))
    realigns = [op("realign", beads[1500 + 40 * i]) for i in range(min(repeats, 5))]
    results.append(
        summary("realign a stretch (the engine runs on the whole document)", realigns, None)
    )
    return results


def _has_russian(client: Client, bead: int) -> bool:
    return f'id="bead-{bead}"' in client.page and 'class="empty">no Russian' not in _row(
        client, bead
    )


def _row(client: Client, bead: int) -> str:
    start = client.page.index(f'id="bead-{bead}"')
    return client.page[start : client.page.index("</tr>", start)]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", help="SQLAlchemy URL (default: SQLite in a temporary folder)")
    parser.add_argument(
        "--beads", type=int, default=2000, help="about this many sentences per side"
    )
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    results = run(options.database, options.beads, options.repeat)
    if options.json:
        print(json.dumps(results, indent=2))
        return
    backend = (options.database or "sqlite").split(":")[0]
    print(f"Review benchmarks on {backend} ({options.repeat} runs per case)")
    for r in results:
        verdict = (
            ""
            if r["meets"] is None
            else ("  ok" if r["meets"] else f"  OVER {r['target_ms']:.0f} ms")
        )
        print(
            f"{r['case']:58s} median {r['median_ms']:7.1f} ms  p90 {r['p90_ms']:7.1f}  "
            f"max {r['max_ms']:7.1f}  queries {'/'.join(map(str, r['queries']))}{verdict}"
        )


if __name__ == "__main__":
    main()
