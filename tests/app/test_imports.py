"""Importing documents at the service level: metadata, segments, beads, changes, bad input."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from app.extensions import db
from app.models import Action, Bead, Change, Collection, Document, DocumentText, Segment, TextRole
from app.services import collections, imports
from app.services.errors import InvalidInput
from tests.conftest import FIXTURES

LIMIT = 300_000
SHORT_RU = (FIXTURES / "app" / "short.ru.txt").read_bytes()
SHORT_EN = (FIXTURES / "app" / "short.en.txt").read_bytes()
SEED_EN = (FIXTURES / "app" / "seed-1957-12-23.en.txt").read_bytes()


@pytest.fixture
def collection(session) -> Collection:
    made = collections.create_collection(session, title="Puzanov journal", actor=None)
    session.commit()
    return made


def import_pair(
    session, collection, ru=SHORT_RU, en=SHORT_EN, ru_name="short.ru.txt", en_name="short.en.txt"
):
    return imports.import_document(
        session,
        collection=collection,
        original=imports.Upload(ru_name, ru),
        translation=imports.Upload(en_name, en),
        actor=None,
        max_bytes=LIMIT,
    )


def row_counts() -> dict[str, int]:
    """Count the rows of every table."""
    return {
        table.name: db.session.scalar(sa.select(sa.func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }


def test_import_segments_both_texts_and_aligns_every_segment(session, collection) -> None:
    document = import_pair(session, collection)
    session.commit()
    original, translation = document.text(TextRole.ORIGINAL), document.text(TextRole.TRANSLATION)
    assert original.raw == SHORT_RU.decode() and translation.lang == "en"
    assert len(original.segments) >= 4 and len(translation.segments) >= 4
    for segment in original.segments + translation.segments:
        assert segment.bead_id is not None, f"segment {segment.content!r} is in no bead"
        assert segment.text.raw[segment.start : segment.end] == segment.content
    beads = session.scalars(select(Bead).where(Bead.document_id == document.id)).all()
    positions = [b.position for b in beads]
    assert positions == sorted(set(positions)), "beads are in a strict order"
    assert all(0.0 <= b.confidence <= 1.0 for b in beads)


def test_archive_page_metadata_fills_the_document_fields(session, collection) -> None:
    document = import_pair(session, collection, en=SEED_EN, en_name="seed.txt")
    assert (
        document.title == "Journal of Soviet Ambassador to the DPRK A.M. Puzanov for "
        "23 December 1957"
    )
    assert document.date == datetime.date(1957, 12, 23)
    assert (document.archive, document.fond, document.opis, document.delo, document.listy) == (
        "AVPRF",
        "0102",
        "14",
        "6",
        "26-29",
    )
    assert document.translator == "Gary Goldberg"
    assert document.summary.startswith("Kim Il Sung shares impressions")
    translation = document.text(TextRole.TRANSLATION)
    # The website chrome is kept verbatim but lies outside the aligned body.
    assert translation.raw.startswith("Search in")
    assert not any(
        "share document" in s.content or s.content == "Search in" for s in translation.segments
    )


def test_every_write_of_an_import_is_recorded_in_one_changeset(session, collection) -> None:
    document = import_pair(session, collection)
    session.commit()
    changes = session.scalars(
        select(Change).where(Change.document_id == document.id).order_by(Change.id)
    ).all()
    actions = [c.action for c in changes]
    assert actions == [
        Action.DOCUMENT_IMPORT,
        Action.TEXT_CREATE,
        Action.SEGMENTS_CREATE,
        Action.TEXT_CREATE,
        Action.SEGMENTS_CREATE,
        Action.ALIGNMENT_CREATE,
    ]
    assert len({c.changeset for c in changes}) == 1
    recorded_segments = {
        s["id"] for c in changes if c.action == Action.SEGMENTS_CREATE for s in c.after
    }
    stored = set(
        session.scalars(
            select(Segment.id).join(DocumentText).where(DocumentText.document_id == document.id)
        )
    )
    assert recorded_segments == stored
    alignment_change = changes[-1]
    assert len(alignment_change.after) == len(document.beads)


def test_a_second_import_of_the_same_title_gets_its_own_slug(session, collection) -> None:
    first = import_pair(session, collection, en=SEED_EN)
    second = import_pair(session, collection, en=SEED_EN)
    assert first.slug != second.slug and second.slug.startswith(first.slug)


def docx_that_is_not_one() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4

BAD_INPUTS = {
    "empty file": ("ru.txt", b"", "empty"),
    "whitespace only": ("ru.txt", b"  \n\n \t\n", "only whitespace"),
    "PNG renamed to .txt": ("ru.txt", PNG, "PNG"),
    "invalid UTF-8": ("ru.txt", b"Report \x81\x83\x98 ends", "neither valid UTF-8"),
    "oversized": ("ru.txt", "Посетил Ким Ир Сена. ".encode() * 20_000, "limit"),
    "docx that is not one": ("ru.docx", docx_that_is_not_one(), "DOCX"),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_is_refused_with_a_message_and_changes_nothing(session, collection, case) -> None:
    name, data, expected = BAD_INPUTS[case]
    before = row_counts()
    with pytest.raises(InvalidInput) as refused:
        import_pair(session, collection, ru=data, ru_name=name)
    session.rollback()
    assert expected.lower() in refused.value.message.lower()
    assert name in refused.value.message or case in ("oversized",)
    assert row_counts() == before
    assert session.scalar(select(Document)) is None


def test_pairs_import_makes_one_bead_per_row(session, collection) -> None:
    tsv = (
        "Посетил Ким Ир Сена.\tI visited Kim Il Sung.\n"
        "Он поблагодарил. Беседа длилась час.\tHe thanked [me]. The talk lasted an hour.\n"
        "Присутствовал Нам Ир.\t\n"
    ).encode()
    document = imports.import_pairs(
        session,
        collection=collection,
        upload=imports.Upload("pairs.tsv", tsv),
        actor=None,
        max_bytes=LIMIT,
    )
    session.commit()
    beads = document.beads
    assert len(beads) == 3
    sides = [
        (
            sorted(s.content for s in b.segments if s.text.role == TextRole.ORIGINAL),
            sorted(s.content for s in b.segments if s.text.role == TextRole.TRANSLATION),
        )
        for b in beads
    ]
    assert sides[0] == (["Посетил Ким Ир Сена."], ["I visited Kim Il Sung."])
    assert len(sides[1][0]) == 2 and len(sides[1][1]) == 2
    assert sides[2] == (["Присутствовал Нам Ир."], [])


def test_collections_are_limited_to_the_language_pair_the_engine_knows(session) -> None:
    with pytest.raises(InvalidInput, match="ru → en"):
        collections.create_collection(session, title="German", actor=None, source_lang="de")
    assert session.scalar(select(Collection)) is None
