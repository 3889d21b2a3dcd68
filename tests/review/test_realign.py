"""Realigning an unconfirmed stretch: confirmed beads are anchors, the lexicon learns from them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Bead, BeadStatus, CollectionLexicon, Segment
from app.services import realign, review_ops, undo
from app.services.collections import create_collection
from app.services.errors import InvalidInput
from app.services.imports import Upload, import_document
from app.services.lexicons import collection_lexicon
from tests.review.builders import assert_well_formed, layout, state

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "puzanov-1957"


@pytest.fixture
def imported(session, translator):
    """The Nam Il entry of the sample corpus, imported and aligned by the engine."""
    collection = create_collection(session, title="Puzanov 1957", actor=None)
    files = [CORPUS / f"03-oct-28-nam-il.{lang}.txt" for lang in ("ru", "en")]
    document = import_document(
        session,
        collection=collection,
        original=Upload(files[0].name, files[0].read_bytes()),
        translation=Upload(files[1].name, files[1].read_bytes()),
        actor=translator,
        max_bytes=1_000_000,
    )
    session.commit()
    return document


def beads_of(session, document) -> list[Bead]:
    query = select(Bead).where(Bead.document_id == document.id).order_by(Bead.position)
    return list(session.scalars(query))


def members(bead: Bead) -> set[int]:
    return {s.id for s in bead.segments}


def test_realign_restores_the_engine_alignment_and_leaves_confirmed_beads_alone(
    session, imported, translator
) -> None:
    beads = beads_of(session, imported)
    engine_layout = layout(session, imported)
    anchors = {b.id: members(b) for b in beads[:3] + beads[-3:]}
    review_ops.confirm_up_to(session, imported.id, beads[2].id, 1, translator)
    for bead in beads[-3:]:
        version = imported.alignment_version
        review_ops.set_status(
            session, imported.id, bead.id, BeadStatus.CONFIRMED, version, translator
        )
    # Spoil the middle: merge two of its beads and shift a sentence.
    review_ops.merge(session, imported.id, beads[5].id, 1, imported.alignment_version, translator)
    review_ops.move(
        session,
        imported.id,
        beads[8].id,
        review_ops.Side.TGT,
        -1,
        imported.alignment_version,
        translator,
    )
    session.commit()
    assert layout(session, imported) != engine_layout

    realign.realign(session, imported.id, beads[7].id, imported.alignment_version, translator)
    session.commit()
    assert layout(session, imported) == engine_layout
    after = {b.id: b for b in beads_of(session, imported)}
    assert all(members(after[i]) == segs for i, segs in anchors.items())
    assert all(after[i].status == BeadStatus.CONFIRMED for i in anchors)
    assert_well_formed(session, imported)


def test_realign_is_undone_like_any_operation(session, imported, translator) -> None:
    beads = beads_of(session, imported)
    review_ops.merge(session, imported.id, beads[4].id, 1, 1, translator)
    session.commit()
    spoiled = state(session, imported)
    outcome = realign.realign(session, imported.id, beads[4].id, 2, translator)
    session.commit()
    undo.undo(session, outcome.changeset, translator)
    session.commit()
    assert state(session, imported) == spoiled


def test_a_confirmed_bead_cannot_be_realigned(session, imported, translator) -> None:
    first = beads_of(session, imported)[0]
    review_ops.set_status(session, imported.id, first.id, BeadStatus.CONFIRMED, 1, translator)
    with pytest.raises(InvalidInput, match="anchors"):
        realign.realign(session, imported.id, first.id, 2, translator)


def test_the_collection_lexicon_learns_from_confirmed_beads_and_is_stored(
    session, imported, translator
) -> None:
    beads = beads_of(session, imported)
    review_ops.confirm_up_to(session, imported.id, beads[-1].id, 1, translator)
    session.commit()
    lexicon = collection_lexicon(session, imported.collection_id)
    session.commit()
    stored = session.scalar(select(CollectionLexicon))
    assert stored.bead_count == len(beads)
    assert len(lexicon) > 0
    # The document says "Нам Ир" / "Nam Il" throughout: "Il" is what "Ир" most often renders.
    learned = lexicon.counts["ир"]
    assert max(learned, key=learned.__getitem__) == "il"
    # Unchanged collection: the stored lexicon is reused, not relearned.
    assert collection_lexicon(session, imported.collection_id).to_dict() == lexicon.to_dict()


def test_segments_keep_their_ids_through_a_realignment(session, imported, translator) -> None:
    ids = set(session.scalars(select(Segment.id)))
    beads = beads_of(session, imported)
    review_ops.merge(session, imported.id, beads[2].id, 1, 1, translator)
    realign.realign(session, imported.id, beads[2].id, 2, translator)
    session.commit()
    assert set(session.scalars(select(Segment.id))) == ids
