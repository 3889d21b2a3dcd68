"""Importing glossary entries (CSV or TBX records) into a glossary, and the demo's glossaries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.models import Collection, Glossary, User
from app.services.changes import new_changeset
from app.services.glossary import ensure_glossary, entries, save_entry, validate
from app.services.terms.csvfile import read_csv
from app.services.terms.records import TermRecord


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


def import_records(
    session: Session,
    glossary: Glossary,
    records: Sequence[TermRecord],
    actor: User | None,
    reason: str = "glossary import",
) -> ImportResult:
    """Add or update entries by term, all recorded in one changeset."""
    cleaned = [validate(r) for r in records]
    existing = {e.term: e for e in entries(session, glossary)}
    changeset = new_changeset()
    created = updated = 0
    for values in cleaned:
        entry = existing.get(values.term)
        if save_entry(session, glossary, values, actor, reason, entry, changeset) is None:
            continue
        created, updated = (created + 1, updated) if entry is None else (created, updated + 1)
    return ImportResult(created, updated, len(cleaned) - created - updated)


def load_glossary_once(session: Session, collection: Collection, path: Path) -> int:
    """Import a glossary CSV into a collection whose glossary is empty; return entries added."""
    glossary = ensure_glossary(session, collection, None)
    if entries(session, glossary):
        return 0  # loaded before: keep what people have decided since
    records = read_csv(path.read_text(encoding="utf-8"))
    return import_records(session, glossary, records, None, "sample corpus glossary").created
