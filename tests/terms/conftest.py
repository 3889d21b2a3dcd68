"""A small collection with two documents and a glossary that forbids what they use."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.models import Collection, Document
from app.services import collections, glossary, imports
from app.services.terms import importing
from app.services.terms.csvfile import read_csv

DATA = Path(__file__).resolve().parent / "data"


def import_doc(session, collection: Collection, name: str) -> Document:
    return imports.import_document(
        session,
        collection=collection,
        original=imports.Upload(f"{name}.ru.txt", (DATA / f"{name}.ru.txt").read_bytes()),
        translation=imports.Upload(f"{name}.en.txt", (DATA / f"{name}.en.txt").read_bytes()),
        actor=None,
        max_bytes=300_000,
        slug=name,
    )


@pytest.fixture
def collection(session) -> Collection:
    """The collection "terms-test": documents "assembly" and "deputies", glossary loaded."""
    made = collections.create_collection(session, title="Terms test", slug="terms-test", actor=None)
    records = read_csv((DATA / "glossary.csv").read_text(encoding="utf-8"))
    importing.import_records(session, glossary.ensure_glossary(session, made, None), records, None)
    for name in ("assembly", "deputies"):
        import_doc(session, made, name)
    session.commit()
    return made


@pytest.fixture
def documents(collection) -> dict[str, Document]:
    return {d.slug: d for d in collection.documents}
