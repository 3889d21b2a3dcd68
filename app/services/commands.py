"""Review operations by name, as the web forms and the JSON API send them.

A command is a flat mapping: `op` (one of OPERATIONS), `bead`, `version` (the document version
the reviewer's rows were shown at), optionally `versions` (bead id -> version, for rows shown
at other versions; "12:7,13:9" in forms, an object in JSON) and the operation's own fields
(`src_cut`/`tgt_cut` for split, `segment` and `marked` (the sentence with a "|" where it
breaks) for split_segment, `segment`, `content` and `reason` for edit_segment, `comment` for
flag).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Action, BeadStatus, Change, DocumentText, TextRole, User
from app.services import realign, review_ops, segment_ops, undo
from app.services.editing import Bases
from app.services.errors import Forbidden, InvalidInput
from app.services.history import Outcome
from app.services.review_ops import Side


@dataclass(frozen=True)
class Command:
    op: str
    bead: int
    version: int
    versions: dict[int, int] = field(default_factory=dict)
    fields: Mapping[str, Any] = field(default_factory=dict)
    may_edit_original: bool = False

    @property
    def base(self) -> Bases:
        return (self.version, self.versions) if self.versions else self.version

    def number(self, name: str) -> int:
        """Return an integer field, or explain what is missing."""
        return whole_number(self.fields.get(name), name)


def whole_number(value: Any, name: str) -> int:
    """Return `value` as an int, or raise InvalidInput naming the field."""
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"“{name}” must be a whole number.") from None


def parse_versions(value: Any) -> dict[int, int]:
    """Read per-bead versions from "12:7,13:9" or {"12": 7}."""
    if not value:
        return {}
    pairs = (
        value.items() if isinstance(value, Mapping) else (p.split(":") for p in value.split(","))
    )
    try:
        return {int(bead): int(version) for bead, version in pairs}
    except (TypeError, ValueError):
        raise InvalidInput("“versions” must map pair ids to versions.") from None


def parse(values: Mapping[str, Any], may_edit_original: bool) -> Command:
    """Read a command from form fields or a JSON object."""
    op = str(values.get("op") or "")
    if op not in OPERATIONS:
        raise InvalidInput(f"Unknown operation “{op}”; known: {', '.join(OPERATIONS)}.")
    return Command(
        op,
        whole_number(values.get("bead"), "bead"),
        whole_number(values.get("version"), "version"),
        parse_versions(values.get("versions")),
        values,
        may_edit_original,
    )


Runner = Callable[[Session, int, Command, User], Outcome]


def _status(status: BeadStatus) -> Runner:
    def run(session: Session, document_id: int, c: Command, actor: User) -> Outcome:
        comment = c.fields.get("comment") if status == BeadStatus.FLAGGED else None
        return review_ops.set_status(session, document_id, c.bead, status, c.base, actor, comment)

    return run


def _merge(step: int) -> Runner:
    def run(session: Session, document_id: int, c: Command, actor: User) -> Outcome:
        return review_ops.merge(session, document_id, c.bead, step, c.base, actor)

    return run


def _move(side: Side, step: int) -> Runner:
    def run(session: Session, document_id: int, c: Command, actor: User) -> Outcome:
        return review_ops.move(session, document_id, c.bead, side, step, c.base, actor)

    return run


def _split(session: Session, document_id: int, c: Command, actor: User) -> Outcome:
    src_cut, tgt_cut = c.number("src_cut"), c.number("tgt_cut")
    return review_ops.split(session, document_id, c.bead, src_cut, tgt_cut, c.base, actor)


def _split_segment(session: Session, document_id: int, c: Command, actor: User) -> Outcome:
    marked = str(c.fields.get("marked") or "")
    if marked.count("|") != 1:
        raise InvalidInput("Put one “|” where the sentence should break.")
    at = marked.index("|")
    unmarked = marked.replace("|", "")
    segment = c.number("segment")
    return segment_ops.split_segment(session, document_id, segment, at, c.base, actor, unmarked)


def _join_segment(session: Session, document_id: int, c: Command, actor: User) -> Outcome:
    return segment_ops.join_segment(session, document_id, c.number("segment"), c.base, actor)


def _edit_segment(session: Session, document_id: int, c: Command, actor: User) -> Outcome:
    return segment_ops.edit_segment(
        session,
        document_id,
        c.number("segment"),
        str(c.fields.get("content") or ""),
        c.base,
        actor,
        c.may_edit_original,
        c.fields.get("reason"),
    )


OPERATIONS: dict[str, Runner] = {
    "confirm": _status(BeadStatus.CONFIRMED),
    "reset": _status(BeadStatus.AUTOMATIC),
    "flag": _status(BeadStatus.FLAGGED),
    "confirm_up_to": lambda s, d, c, a: review_ops.confirm_up_to(s, d, c.bead, c.base, a),
    "merge_down": _merge(1),
    "merge_up": _merge(-1),
    "move_src_up": _move(Side.SRC, -1),
    "move_src_down": _move(Side.SRC, 1),
    "move_tgt_up": _move(Side.TGT, -1),
    "move_tgt_down": _move(Side.TGT, 1),
    "split": _split,
    "detach": lambda s, d, c, a: review_ops.detach(s, d, c.bead, c.base, a),
    "realign": lambda s, d, c, a: realign.realign(s, d, c.bead, c.base, a),
    "split_segment": _split_segment,
    "join_segment": _join_segment,
    "edit_segment": _edit_segment,
}


def execute(session: Session, document_id: int, command: Command, actor: User) -> Outcome:
    """Run a parsed command."""
    return OPERATIONS[command.op](session, document_id, command, actor)


def undo_changeset(
    session: Session, changeset: str, actor: User, may_edit_original: bool
) -> Outcome:
    """Undo a changeset; one that edited the Russian original only with the right to edit it."""
    if not may_edit_original and _edits_original(session, changeset):
        raise Forbidden("Only an editor may undo an edit of the Russian original.")
    return undo.undo(session, changeset, actor)


def _edits_original(session: Session, changeset: str) -> bool:
    """Return whether a changeset (or the edit it undid) rewrote sentences of an original."""
    rows = session.execute(
        select(Change.action, Change.reverts_id, Change.before, Change.after).where(
            Change.changeset == changeset, Change.entity_type == "segment"
        )
    ).all()
    reverted = [r.reverts_id for r in rows if r.reverts_id]
    actions = {r.action for r in rows} | set(
        session.scalars(select(Change.action).where(Change.id.in_(reverted)))
    )
    if Action.SEGMENT_EDIT.value not in actions:
        return False
    texts = {(r.after or r.before or {}).get("text_id") for r in rows}
    query = select(DocumentText.id).where(
        DocumentText.id.in_([t for t in texts if t]), DocumentText.role == TextRole.ORIGINAL
    )
    return session.scalar(query.limit(1)) is not None
