"""Undo, what blocks it, and edits based on an older version of a document."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Action, Bead, BeadStatus, Change, Segment
from app.services import commands, review_ops, segment_ops, undo
from app.services.errors import Forbidden
from app.services.history import OPERATION, Recorder
from app.services.versions import StaleVersion
from tests.review.builders import build_document, numbered_pairs, state


def ids_of(session, document) -> list[int]:
    query = select(Bead.id).where(Bead.document_id == document.id).order_by(Bead.position)
    return list(session.scalars(query))


def test_undo_is_refused_while_a_later_change_depends_on_it_and_names_it(
    session, document, translator, editor
) -> None:
    ids = ids_of(session, document)
    merge = review_ops.merge(session, document.id, ids[1], 1, 1, translator)
    session.commit()
    review_ops.set_status(session, document.id, ids[1], BeadStatus.CONFIRMED, 2, editor)
    session.commit()
    with pytest.raises(undo.UndoBlocked) as refused:
        undo.undo(session, merge.changeset, translator)
    session.rollback()
    message = refused.value.message
    assert "editor" in message and "Confirmed “Он поблагодарил.”" in message
    assert refused.value.status == 409


def test_undoing_the_later_change_first_lets_the_earlier_one_be_undone(
    session, document, translator, editor
) -> None:
    original = state(session, document)
    ids = ids_of(session, document)
    merge = review_ops.merge(session, document.id, ids[1], 1, 1, translator)
    confirm = review_ops.set_status(session, document.id, ids[1], BeadStatus.CONFIRMED, 2, editor)
    session.commit()
    undo.undo(session, confirm.changeset, editor)
    undo.undo(session, merge.changeset, translator)
    session.commit()
    assert state(session, document) == original


def test_an_undone_change_can_be_redone_by_undoing_its_undo(session, document, translator) -> None:
    ids = ids_of(session, document)
    merge = review_ops.merge(session, document.id, ids[0], 1, 1, translator)
    session.commit()
    merged = state(session, document)
    reverted = undo.undo(session, merge.changeset, translator)
    session.commit()
    undo.undo(session, reverted.changeset, translator)
    session.commit()
    assert state(session, document) == merged


def test_undo_records_changes_pointing_at_what_they_revert(session, document, translator) -> None:
    ids = ids_of(session, document)
    confirm = review_ops.set_status(
        session, document.id, ids[0], BeadStatus.CONFIRMED, 1, translator
    )
    reverted = undo.undo(session, confirm.changeset, translator)
    session.commit()
    originals = {
        c.entity_type: c
        for c in session.scalars(select(Change).where(Change.changeset == confirm.changeset))
    }
    reverts = session.scalars(select(Change).where(Change.changeset == reverted.changeset)).all()
    assert {c.reverts_id for c in reverts} == {originals["bead"].id, originals[OPERATION].id}
    bead_revert = next(c for c in reverts if c.entity_type == "bead")
    assert bead_revert.before["status"] == "confirmed"
    assert bead_revert.after["status"] == "automatic"
    assert bead_revert.action == Action.CHANGESET_UNDO


def test_undo_last_takes_my_latest_operation_that_is_not_undone(
    session, document, translator, editor
) -> None:
    ids = ids_of(session, document)
    first = review_ops.set_status(session, document.id, ids[0], BeadStatus.CONFIRMED, 1, translator)
    second = review_ops.set_status(
        session, document.id, ids[1], BeadStatus.CONFIRMED, 2, translator
    )
    review_ops.set_status(session, document.id, ids[2], BeadStatus.CONFIRMED, 3, editor)
    session.commit()
    assert undo.last_undoable(session, document.id, translator) == second.changeset
    undo.undo(session, second.changeset, translator)
    session.commit()
    assert undo.last_undoable(session, document.id, translator) == first.changeset


def test_an_edit_based_on_an_old_version_of_other_rows_goes_through(
    session, document, translator, editor
) -> None:
    ids = ids_of(session, document)
    review_ops.merge(session, document.id, ids[3], 1, 1, editor)
    session.commit()
    # The translator still sees version 1; the first pair was not touched since.
    review_ops.set_status(session, document.id, ids[0], BeadStatus.CONFIRMED, 1, translator)
    session.commit()
    assert session.get(Bead, ids[0]).status == BeadStatus.CONFIRMED


def test_an_edit_based_on_an_old_version_of_the_same_rows_is_refused_and_says_by_whom(
    session, document, translator, editor
) -> None:
    ids = ids_of(session, document)
    review_ops.merge(session, document.id, ids[1], 1, 1, editor)
    session.commit()
    with pytest.raises(StaleVersion) as refused:
        review_ops.set_status(session, document.id, ids[1], BeadStatus.CONFIRMED, 1, translator)
    session.rollback()
    assert "editor" in refused.value.message
    assert "Merged “Он поблагодарил.” with the next pair" in refused.value.message
    assert refused.value.version == 2
    assert session.get(Bead, ids[1]).status == BeadStatus.AUTOMATIC


def test_a_sentence_moved_out_of_a_bead_makes_an_old_view_of_it_stale(
    session, document, translator, editor
) -> None:
    ids = ids_of(session, document)
    review_ops.move(session, document.id, ids[2], review_ops.Side.SRC, -1, 1, editor)
    session.commit()
    with pytest.raises(StaleVersion):
        review_ops.set_status(session, document.id, ids[2], BeadStatus.CONFIRMED, 1, translator)


def test_a_text_edit_based_on_an_old_version_of_that_sentence_is_refused(
    session, document, translator, editor
) -> None:
    sid = session.scalar(select(Segment.id).where(Segment.content == "He thanked me."))
    segment_ops.edit_segment(session, document.id, sid, "He thanked us.", 1, editor, False)
    session.commit()
    with pytest.raises(StaleVersion):
        segment_ops.edit_segment(session, document.id, sid, "He said thanks.", 1, translator, False)
    session.rollback()
    assert session.get(Segment, sid).content == "He thanked us."


def test_one_changeset_may_span_documents_and_is_undone_as_a_whole(session, translator) -> None:
    """The way a term fix uses the history: edit sentences of several documents at once."""
    first = build_document(session, numbered_pairs(3), slug="one")
    second = build_document(session, numbered_pairs(3), slug="two", collection=first.collection)
    session.commit()
    before = (state(session, first), state(session, second))
    recorder = Recorder(session, translator, Action.SEGMENT_EDIT, reason="term decision")
    recorder.lock(second.id, first.id)
    targets = session.scalars(select(Segment).where(Segment.content == "Sentence 1.")).all()
    recorder.touch(*targets)
    for segment in targets:
        segment.content = "Sentence one."
    outcome = recorder.finish("Replaced “1” by “one”")
    session.commit()
    assert outcome.versions == {first.id: 2, second.id: 2}
    undo.undo(session, outcome.changeset, translator)
    session.commit()
    assert (state(session, first), state(session, second)) == before
    assert (first.alignment_version, second.alignment_version) == (3, 3)


def test_changing_a_document_without_locking_it_is_a_programming_error(
    session, document, translator
) -> None:
    recorder = Recorder(session, translator, Action.BEAD_CONFIRM)
    bead = session.get(Bead, ids_of(session, document)[0])
    recorder.touch(bead)
    bead.status = BeadStatus.CONFIRMED
    with pytest.raises(RuntimeError, match="without being locked"):
        recorder.finish("Confirmed")


def test_rows_shown_at_different_versions_are_each_checked_against_their_own(
    session, document, translator, editor
) -> None:
    ids = ids_of(session, document)
    review_ops.set_status(session, document.id, ids[1], BeadStatus.FLAGGED, 1, editor, "x")
    session.commit()
    # The translator's page shows pair 1 as of version 1 and pair 2 re-read at version 2.
    versions = (1, {ids[1]: 2})
    review_ops.merge(session, document.id, ids[0], 1, versions, translator)
    session.commit()
    assert ids[1] not in ids_of(session, document)
    with pytest.raises(StaleVersion):  # pair 2 as of version 1 would have missed the flag
        review_ops.merge(session, document.id, ids[2], -1, 1, translator)


def test_only_an_editor_may_undo_an_edit_of_the_russian_original(
    session, document, translator, editor
) -> None:
    sid = session.scalar(select(Segment.id).where(Segment.content == "Он поблагодарил."))
    edit = segment_ops.edit_segment(
        session, document.id, sid, "Он поблагодарил нас.", 1, editor, True, "OCR"
    )
    session.commit()
    with pytest.raises(Forbidden):
        commands.undo_changeset(session, edit.changeset, translator, may_edit_original=False)
    session.rollback()
    commands.undo_changeset(session, edit.changeset, editor, may_edit_original=True)
    session.commit()
    assert session.get(Segment, sid).content == "Он поблагодарил."
