"""Row history: full before/after snapshots of every row an operation touches, in one changeset.

Recording an operation::

    recorder = Recorder(session, actor=user, action=Action.BEAD_MERGE)
    document = recorder.lock(document_id)      # serializes edits of the document; read it now
    recorder.touch(bead_a, bead_b, *segments)  # snapshot rows before changing them
    ...change the rows...
    recorder.add(new_bead)                     # a new row (flushed, so it has an id)
    recorder.delete(bead_b)                    # deleted by `finish`, after the other changes
    outcome = recorder.finish("Merged ...")    # writes the changes, bumps the versions

`finish` writes one Change per row whose snapshot differs (entity_type = the row type's name,
`before`/`after` = snapshots, None for a created or deleted row) and one summary Change per
touched document (entity_type "operation", entity_id = document id, before {"version": v},
after {"version": v + 1, "summary": ...}), all sharing one changeset id, and bumps each touched
document's `alignment_version` by one. Every bump has exactly one summary, so the summaries of a
document list its versions; `app.services.versions.ensure_unchanged` relies on that. Documents
must be locked (`lock`, all at once: it sorts them) before their rows are read and changed.

Row types are registered with `track`; beads and segments are registered here. A snapshot is a
dict of the row's columns (enums by value, dates as ISO text) plus derived fields (a bead's
segment ids) that are compared but never restored. `app.services.undo` reverts a changeset.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Date, DateTime, insert, select, update
from sqlalchemy import Enum as EnumType
from sqlalchemy.orm import Session

from app.models import Action, Bead, Change, Document, DocumentText, Segment, User
from app.services.changes import new_changeset
from app.services.errors import NotFound

OPERATION = "operation"  # entity_type of the per-document summary of a changeset
Key = tuple[str, int]  # (entity_type, entity id)
Snapshot = dict[str, Any]


@dataclass(frozen=True)
class RowType:
    """How to snapshot, place and restore the rows of one model."""

    name: str
    model: type[Any]
    fields: tuple[str, ...]  # columns recorded and restored (the id is always kept)
    documents_of: Callable[[Session, Sequence[Any]], list[int | None]]
    derive: Callable[[Session, list[int]], dict[int, Snapshot]] | None = None


ROW_TYPES: dict[str, RowType] = {}


def track(row_type: RowType) -> None:
    """Register a row type, so operations can record its rows and undo can restore them."""
    ROW_TYPES[row_type.name] = row_type


def row_type_of(row: object) -> RowType:
    """Return the registered type of an ORM row."""
    for row_type in ROW_TYPES.values():
        if isinstance(row, row_type.model):
            return row_type
    raise TypeError(f"{type(row).__name__} rows are not tracked by history")


def encode(value: Any) -> Any:
    """Return a column value as JSON stores it."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def decode(row_type: RowType, name: str, value: Any) -> Any:
    """Return a snapshot value as the model's column expects it."""
    column_type = row_type.model.__table__.c[name].type
    if value is None:
        return None
    if isinstance(column_type, EnumType) and column_type.enum_class is not None:
        return column_type.enum_class(value)
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    return value


def snapshots(session: Session, rows: Iterable[Any]) -> dict[Key, Snapshot]:
    """Return the current snapshot of each row (derived fields read in one query per type)."""
    by_type: dict[str, list[Any]] = {}
    for row in rows:
        by_type.setdefault(row_type_of(row).name, []).append(row)
    out: dict[Key, Snapshot] = {}
    for name, typed in by_type.items():
        row_type = ROW_TYPES[name]
        derived = row_type.derive(session, [r.id for r in typed]) if row_type.derive else {}
        for row in typed:
            snap = {f: encode(getattr(row, f)) for f in row_type.fields}
            snap.update(derived.get(row.id, {}))
            out[(name, row.id)] = snap
    return out


@dataclass(frozen=True)
class Outcome:
    """What an operation changed; `changeset` is None when it changed nothing."""

    changeset: str | None
    summary: str
    versions: dict[int, int]  # document id -> its alignment version afterwards
    changed: frozenset[Key] = frozenset()
    created: frozenset[Key] = frozenset()
    deleted: frozenset[Key] = frozenset()

    def ids(self, entity_type: str, which: frozenset[Key] | None = None) -> set[int]:
        """Return the ids of one row type among the changed (or given) keys."""
        return {i for t, i in (self.changed if which is None else which) if t == entity_type}


@dataclass
class Recorder:
    """Collects one operation's row changes and writes them as one changeset."""

    session: Session
    actor: User | None
    action: Action
    reason: str | None = None
    changeset: str = field(default_factory=new_changeset)
    locked: dict[int, Document] = field(default_factory=dict)
    _rows: dict[Key, Any] = field(default_factory=dict)
    _before: dict[Key, Snapshot | None] = field(default_factory=dict)
    _deleted: list[Key] = field(default_factory=list)

    def lock(self, *document_ids: int) -> Document:
        """Lock documents (sorted, so two operations never wait on each other) and read them.

        Returns the first document asked for. The lock is a no-op UPDATE: a row lock on
        PostgreSQL, the write lock on SQLite; both last until the transaction ends.
        """
        for document_id in sorted(set(document_ids) - self.locked.keys()):
            same = {"alignment_version": Document.alignment_version}
            result = self.session.execute(
                update(Document).where(Document.id == document_id).values(same),
                execution_options={"synchronize_session": False},
            )
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFound(f"There is no document {document_id}.")
            document = self.session.get(Document, document_id, populate_existing=True)
            assert document is not None
            self.locked[document_id] = document
        return self.locked[document_ids[0]]

    def touch(self, *rows: Any) -> None:
        """Snapshot rows as they are before this operation changes them."""
        fresh = [r for r in rows if (row_type_of(r).name, r.id) not in self._before]
        for key, snap in snapshots(self.session, fresh).items():
            self._before[key] = snap
        for row in fresh:
            self._rows[(row_type_of(row).name, row.id)] = row

    def add(self, *rows: Any) -> None:
        """Insert rows this operation creates."""
        self.session.add_all(rows)
        self.session.flush()
        for row in rows:
            key = (row_type_of(row).name, row.id)
            self._before[key], self._rows[key] = None, row

    def delete(self, *rows: Any) -> None:
        """Mark rows for deletion once the other changes are written."""
        self.touch(*rows)
        self._deleted.extend((row_type_of(r).name, r.id) for r in rows)

    def finish(self, summary: str, reverts: dict[Key, int] | None = None) -> Outcome:
        """Write the changes, one summary per document and the version bumps; return them.

        `reverts` maps a row's key, or ("operation", document id) for a summary, to the id of
        the change this one reverts (undo sets it).
        """
        self.session.flush()
        self._delete_marked()
        kept = [row for key, row in self._rows.items() if key not in self._deleted]
        after = snapshots(self.session, kept)
        changed = [k for k in self._rows if after.get(k) != self._before[k]]
        if not changed:
            return Outcome(None, summary, {d: v.alignment_version for d, v in self.locked.items()})
        documents = self._documents_of(changed)
        reverts = reverts or {}
        changes = [
            self._values(key, self._before[key], after.get(key), documents[key], reverts.get(key))
            for key in changed
        ]
        versions = {}
        for document_id in sorted({d for d in documents.values() if d is not None}):
            document = self.locked.get(document_id)
            if document is None:
                raise RuntimeError(f"document {document_id} was changed without being locked")
            document.alignment_version += 1
            versions[document_id] = version = document.alignment_version
            count = sum(1 for d in documents.values() if d == document_id)
            changes.append(
                self._values(
                    (OPERATION, document_id),
                    {"version": version - 1},
                    {"version": version, "summary": summary, "rows": count},
                    document_id,
                    reverts.get((OPERATION, document_id)),
                )
            )
        self.session.flush()
        # One executemany for the whole changeset (row changes first, then the summaries).
        self.session.execute(insert(Change), changes)
        # Relationship collections loaded before the deletes may still list deleted rows.
        self.session.expire_all()
        created = frozenset(k for k in changed if self._before[k] is None)
        deleted = frozenset(k for k in changed if k in self._deleted)
        return Outcome(self.changeset, summary, versions, frozenset(changed), created, deleted)

    def _delete_marked(self) -> None:
        """Delete marked rows, dependants first (reverse registration order), bypassing cascades."""
        for name in reversed(ROW_TYPES):
            ids = [i for t, i in self._deleted if t == name]
            if ids:
                model = ROW_TYPES[name].model
                for key in [(name, i) for i in ids]:
                    self.session.expunge(self._rows[key])
                self.session.execute(model.__table__.delete().where(model.__table__.c.id.in_(ids)))

    def _documents_of(self, keys: list[Key]) -> dict[Key, int | None]:
        out: dict[Key, int | None] = {}
        for name in ROW_TYPES:
            typed = [k for k in keys if k[0] == name]
            if typed:
                found = ROW_TYPES[name].documents_of(self.session, [self._rows[k] for k in typed])
                out.update(zip(typed, found, strict=True))
        return out

    def _values(
        self,
        key: Key,
        before: Snapshot | None,
        after: Snapshot | None,
        document_id: int | None,
        reverts_id: int | None,
    ) -> dict[str, Any]:
        """Return the column values of one change of this changeset."""
        document = self.locked.get(document_id) if document_id is not None else None
        return {
            "user_id": self.actor.id if self.actor else None,
            "action": self.action.value,
            "entity_type": key[0],
            "entity_id": key[1],
            "before": before,
            "after": after,
            "reason": self.reason,
            "document_id": document_id,
            "collection_id": document.collection_id if document else None,
            "changeset": self.changeset,
            "reverts_id": reverts_id,
        }


def _bead_documents(_session: Session, beads: Sequence[Any]) -> list[int | None]:
    return [b.document_id for b in beads]


def _bead_segments(session: Session, ids: list[int]) -> dict[int, Snapshot]:
    """Return each bead's segment ids (sorted): a bead's membership is part of its state."""
    members: dict[int, list[int]] = {i: [] for i in ids}
    query = select(Segment.bead_id, Segment.id).where(Segment.bead_id.in_(ids))
    for bead_id, segment_id in session.execute(query):
        members[bead_id or 0].append(segment_id)
    return {i: {"segments": sorted(s)} for i, s in members.items()}


def _segment_documents(session: Session, segments: Sequence[Any]) -> list[int | None]:
    text_ids = {s.text_id for s in segments}
    query = select(DocumentText.id, DocumentText.document_id).where(DocumentText.id.in_(text_ids))
    documents = dict(session.execute(query).all())
    return [documents.get(s.text_id) for s in segments]


track(
    RowType(
        "bead",
        Bead,
        ("document_id", "position", "confidence", "status", "comment"),
        _bead_documents,
        _bead_segments,
    )
)
track(
    RowType(
        "segment",
        Segment,
        ("text_id", "position", "kind", "content", "start", "end", "bead_id"),
        _segment_documents,
    )
)
