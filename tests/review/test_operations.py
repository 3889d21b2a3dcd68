"""Every review operation: what it does to the beads, that it records one changeset, and undo."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Bead, BeadStatus, Change, Segment
from app.services import review_ops, segment_ops, undo
from app.services.errors import Forbidden, InvalidInput
from app.services.review_ops import Side
from tests.review.builders import (
    assert_well_formed,
    build_document,
    changesets_since,
    last_change_id,
    layout,
    state,
    statuses,
)
from tests.review.conftest import PAIRS


def bead_ids(session, document) -> list[int]:
    query = select(Bead.id).where(Bead.document_id == document.id).order_by(Bead.position)
    return list(session.scalars(query))


def segment_id(session, content: str) -> int:
    return session.scalar(select(Segment.id).where(Segment.content == content))


def merge_next(s, d, b, u):
    return review_ops.merge(s, d.id, b[1], 1, d.alignment_version, u)


def merge_previous(s, d, b, u):
    return review_ops.merge(s, d.id, b[1], -1, d.alignment_version, u)


def move_first_src_up(s, d, b, u):
    return review_ops.move(s, d.id, b[2], Side.SRC, -1, d.alignment_version, u)


def move_last_tgt_down(s, d, b, u):
    return review_ops.move(s, d.id, b[3], Side.TGT, 1, d.alignment_version, u)


def split_bead(s, d, b, u):
    return review_ops.split(s, d.id, b[2], 1, 1, d.alignment_version, u)


def detach(s, d, b, u):
    return review_ops.detach(s, d.id, b[1], d.alignment_version, u)


def confirm(s, d, b, u):
    return review_ops.set_status(s, d.id, b[1], BeadStatus.CONFIRMED, d.alignment_version, u)


def flag(s, d, b, u):
    return review_ops.set_status(
        s, d.id, b[1], BeadStatus.FLAGGED, d.alignment_version, u, "wrong pair"
    )


def confirm_up_to(s, d, b, u):
    return review_ops.confirm_up_to(s, d.id, b[3], d.alignment_version, u)


def split_sentence(s, d, b, u):
    sid = segment_id(s, "We spoke of elections and the budget.")
    return segment_ops.split_segment(s, d.id, sid, len("We spoke of elections"), 1, u)


def join_sentences(s, d, b, u):
    sid = segment_id(s, "Мы говорили о выборах.")
    return segment_ops.join_segment(s, d.id, sid, d.alignment_version, u)


def edit_english(s, d, b, u):
    sid = segment_id(s, "He thanked me.")
    return segment_ops.edit_segment(s, d.id, sid, "He thanked me warmly.", 1, u, False)


OPERATIONS = [
    merge_next,
    merge_previous,
    move_first_src_up,
    move_last_tgt_down,
    split_bead,
    detach,
    confirm,
    flag,
    confirm_up_to,
    split_sentence,
    join_sentences,
    edit_english,
]


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda f: f.__name__)
def test_each_operation_is_one_changeset_keeps_beads_whole_and_undoes_exactly(
    session, document, translator, operation
) -> None:
    before = state(session, document)
    first_change = last_change_id(session)
    outcome = operation(session, document, bead_ids(session, document), translator)
    session.commit()
    assert outcome.changeset is not None
    assert changesets_since(session, first_change) == {outcome.changeset}
    assert state(session, document) != before
    assert_well_formed(session, document)
    assert document.alignment_version == 2

    undo.undo(session, outcome.changeset, translator)
    session.commit()
    assert state(session, document) == before
    assert document.alignment_version == 3


def test_merge_with_next_joins_both_sides_and_keeps_the_earlier_bead(
    session, document, translator
) -> None:
    ids = bead_ids(session, document)
    merge_next(session, document, ids, translator)
    session.commit()
    assert layout(session, document)[1] == (
        ["Он поблагодарил.", "Мы говорили о выборах.", "Потом о бюджете."],
        ["He thanked me.", "We spoke of elections and the budget."],
    )
    assert bead_ids(session, document) == [ids[0], ids[1], ids[3], ids[4]]


def test_the_merged_bead_keeps_the_lower_confidence_and_both_comments(
    session, document, translator
) -> None:
    ids = bead_ids(session, document)
    review_ops.set_status(session, document.id, ids[1], BeadStatus.FLAGGED, 1, translator, "a")
    review_ops.set_status(session, document.id, ids[2], BeadStatus.FLAGGED, 2, translator, "b")
    review_ops.merge(session, document.id, ids[2], -1, 3, translator)
    session.commit()
    merged = session.get(Bead, ids[1])
    assert (merged.confidence, merged.comment, merged.status) == (0.4, "a; b", "automatic")


def test_moving_the_first_russian_sentence_up_appends_it_to_the_previous_bead(
    session, document, translator
) -> None:
    move_first_src_up(session, document, bead_ids(session, document), translator)
    session.commit()
    rows = layout(session, document)
    assert rows[1] == (["Он поблагодарил.", "Мы говорили о выборах."], ["He thanked me."])
    assert rows[2] == (["Потом о бюджете."], ["We spoke of elections and the budget."])


def test_moving_the_only_sentence_of_a_bead_removes_the_empty_bead(
    session, document, translator
) -> None:
    ids = bead_ids(session, document)
    review_ops.move(session, document.id, ids[1], Side.SRC, 1, 1, translator)
    review_ops.move(session, document.id, ids[1], Side.TGT, 1, 2, translator)
    session.commit()
    assert ids[1] not in bead_ids(session, document)
    assert layout(session, document)[1][0][:2] == ["Он поблагодарил.", "Мы говорили о выборах."]
    assert_well_formed(session, document)


def test_split_puts_the_chosen_sentences_in_a_new_bead_right_after(
    session, document, translator
) -> None:
    ids = bead_ids(session, document)
    outcome = review_ops.split(session, document.id, ids[3], 1, 1, 1, translator)
    session.commit()
    rows = layout(session, document)
    assert rows[3] == (["Беседа длилась час."], ["The talk lasted an hour."])
    assert rows[4] == ([], ["It was friendly."])
    (created,) = outcome.ids("bead", outcome.created)
    assert bead_ids(session, document)[4] == created


def test_a_split_must_leave_something_on_both_parts(session, document, translator) -> None:
    ids = bead_ids(session, document)
    with pytest.raises(InvalidInput, match="Both parts"):
        review_ops.split(session, document.id, ids[3], 1, 2, 1, translator)
    with pytest.raises(InvalidInput, match="among the pair's own sentences"):
        review_ops.split(session, document.id, ids[3], 3, 0, 1, translator)


def test_detach_turns_a_pair_into_one_zero_and_zero_one(session, document, translator) -> None:
    detach(session, document, bead_ids(session, document), translator)
    session.commit()
    rows = layout(session, document)
    assert rows[1:3] == [(["Он поблагодарил."], []), ([], ["He thanked me."])]


def test_a_split_without_room_renumbers_positions_in_a_changeset_undo_leaves_alone(
    session, translator
) -> None:
    document = build_document(session, PAIRS, slug="tight")  # positions 0, 1, 2 ...
    session.commit()
    ids = bead_ids(session, document)
    first_change = last_change_id(session)
    outcome = review_ops.split(session, document.id, ids[2], 1, 0, 1, translator)
    session.commit()
    assert len(changesets_since(session, first_change)) == 2  # renumbering, then the split
    assert document.alignment_version == 3
    positions = session.scalars(select(Bead.position).where(Bead.id.in_(ids)))
    assert sorted(positions) == [1024, 2048, 3072, 4096, 5120]
    undo.undo(session, outcome.changeset, translator)
    session.commit()
    assert bead_ids(session, document) == ids
    assert_well_formed(session, document)


def test_confirm_up_to_here_leaves_flagged_beads_flagged(session, document, translator) -> None:
    ids = bead_ids(session, document)
    review_ops.set_status(session, document.id, ids[1], BeadStatus.FLAGGED, 1, translator, "x")
    outcome = review_ops.confirm_up_to(session, document.id, ids[3], 2, translator)
    session.commit()
    assert statuses(session, document) == [
        "confirmed",
        "flagged",
        "confirmed",
        "confirmed",
        "automatic",
    ]
    assert outcome.summary.startswith("Confirmed 3 pairs")


def test_an_operation_that_changes_nothing_records_nothing(session, document, translator) -> None:
    ids = bead_ids(session, document)
    review_ops.set_status(session, document.id, ids[0], BeadStatus.CONFIRMED, 1, translator)
    first_change = last_change_id(session)
    outcome = review_ops.set_status(
        session, document.id, ids[0], BeadStatus.CONFIRMED, 2, translator
    )
    session.commit()
    assert outcome.changeset is None
    assert last_change_id(session) == first_change
    assert document.alignment_version == 2


def test_splitting_a_sentence_keeps_its_id_and_gives_the_new_piece_a_new_one(
    session, document, translator
) -> None:
    sid = segment_id(session, "We spoke of elections and the budget.")
    outcome = segment_ops.split_segment(
        session, document.id, sid, len("We spoke of elections"), 1, translator
    )
    session.commit()
    (new_id,) = outcome.ids("segment", outcome.created)
    assert session.get(Segment, sid).content == "We spoke of elections"
    assert session.get(Segment, new_id).content == "and the budget."
    assert session.get(Segment, new_id).bead_id == session.get(Segment, sid).bead_id
    raw = document.text("translation").raw
    piece = session.get(Segment, new_id)
    assert raw[piece.start : piece.end] == "and the budget."
    assert_well_formed(session, document)


def test_joining_sentences_keeps_the_first_id(session, document, translator) -> None:
    sid = segment_id(session, "Мы говорили о выборах.")
    join_sentences(session, document, [], translator)
    session.commit()
    assert session.get(Segment, sid).content == "Мы говорили о выборах. Потом о бюджете."
    assert segment_id(session, "Потом о бюджете.") is None


def test_only_sentences_of_one_bead_can_be_joined(session, document, translator) -> None:
    sid = segment_id(session, "Он поблагодарил.")
    with pytest.raises(InvalidInput, match="merge the pairs first"):
        segment_ops.join_segment(session, document.id, sid, 1, translator)


def test_the_russian_original_is_edited_only_by_an_editor_with_a_reason(
    session, document, translator, editor
) -> None:
    sid = segment_id(session, "Он поблагодарил.")
    with pytest.raises(Forbidden):
        segment_ops.edit_segment(
            session, document.id, sid, "Он поблагодарил меня.", 1, translator, False
        )
    with pytest.raises(InvalidInput, match="why"):
        segment_ops.edit_segment(
            session, document.id, sid, "Он поблагодарил меня.", 1, editor, True
        )
    segment_ops.edit_segment(
        session, document.id, sid, "Он поблагодарил меня.", 1, editor, True, "OCR dropped a word"
    )
    session.commit()
    change = session.scalar(select(Change).where(Change.entity_type == "segment"))
    assert change.reason == "OCR dropped a word"
    assert change.before["content"] == "Он поблагодарил."
    assert change.after["content"] == "Он поблагодарил меня."


def test_an_empty_sentence_is_refused(session, document, translator) -> None:
    sid = segment_id(session, "He thanked me.")
    with pytest.raises(InvalidInput, match="cannot be empty"):
        segment_ops.edit_segment(session, document.id, sid, "   ", 1, translator, False)
