"""Glossaries and their entries: creation, editing with a reason, import, lookup per collection.

Every change to an entry is recorded (entity "term_entry", before/after snapshots, the reason);
an import records one change per created or changed entry, all in one changeset.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from app.models import (
    Action,
    Change,
    Collection,
    CollectionLexicon,
    Glossary,
    GlossaryUse,
    TermEntry,
    User,
)
from app.models.base import utcnow
from app.services.changes import record
from app.services.errors import InvalidInput, NotFound
from app.services.terms.records import TermRecord, TermStatus

ENTITY = "term_entry"


def to_record(entry: TermEntry) -> TermRecord:
    """Return an entry as plain values."""
    return TermRecord(
        term=entry.term,
        ru_forms=tuple(entry.ru_forms),
        preferred=entry.preferred,
        admitted=tuple(entry.admitted),
        forbidden=tuple(entry.forbidden),
        note=entry.note,
        status=entry.status,
        case_sensitive=entry.case_sensitive,
        id=entry.id,
    )


def snapshot(entry: TermEntry) -> dict[str, Any]:
    """Return an entry as the change log records it."""
    return {
        "term": entry.term,
        "ru_forms": list(entry.ru_forms),
        "preferred": entry.preferred,
        "admitted": list(entry.admitted),
        "forbidden": list(entry.forbidden),
        "note": entry.note,
        "status": entry.status.value,
        "case_sensitive": entry.case_sensitive,
        "approved_by": entry.approved_by.username if entry.approved_by else None,
    }


def glossary_of(session: Session, collection: Collection) -> Glossary | None:
    """Return the glossary a collection uses, if any."""
    use = session.get(GlossaryUse, collection.id)
    return use.glossary if use else None


def ensure_glossary(session: Session, collection: Collection, actor: User | None) -> Glossary:
    """Return the collection's glossary, creating one named after the collection if needed."""
    found = glossary_of(session, collection)
    if found is not None:
        return found
    slug = collection.slug
    if session.scalar(select(Glossary).where(Glossary.slug == slug)) is not None:
        slug = f"{slug}-{collection.id}"
    glossary = Glossary(
        slug=slug,
        title=f"{collection.title}: glossary",
        source_lang=collection.source_lang,
        target_lang=collection.target_lang,
    )
    session.add(glossary)
    session.flush()
    record(
        session,
        actor=actor,
        action=Action.GLOSSARY_CREATE,
        entity_type="glossary",
        entity_id=glossary.id,
        after={"slug": glossary.slug, "title": glossary.title},
        collection_id=collection.id,
    )
    use_glossary(session, collection, glossary, actor)
    return glossary


def use_glossary(
    session: Session, collection: Collection, glossary: Glossary, actor: User | None
) -> None:
    """Make a collection use a glossary (glossaries can be shared between collections)."""
    use = session.get(GlossaryUse, collection.id)
    before = use.glossary.slug if use else None
    if use is None:
        session.add(GlossaryUse(collection_id=collection.id, glossary=glossary))
    else:
        use.glossary = glossary
    session.flush()
    record(
        session,
        actor=actor,
        action=Action.GLOSSARY_ASSIGN,
        entity_type="collection",
        entity_id=collection.id,
        before={"glossary": before},
        after={"glossary": glossary.slug},
        collection_id=collection.id,
    )


def entries(session: Session, glossary: Glossary) -> list[TermEntry]:
    """Return a glossary's entries by term (with who approved them)."""
    query = (
        select(TermEntry)
        .where(TermEntry.glossary_id == glossary.id)
        .order_by(TermEntry.term)
        .options(selectinload(TermEntry.approved_by))
    )
    return list(session.scalars(query))


def records_for(
    session: Session, collection: Collection, approved_only: bool = True
) -> list[TermRecord]:
    """Return the entries a collection's checks use (approved ones unless told otherwise)."""
    glossary = glossary_of(session, collection)
    if glossary is None:
        return []
    return [
        to_record(e)
        for e in entries(session, glossary)
        if e.status == TermStatus.APPROVED or not approved_only
    ]


def get_entry(session: Session, collection: Collection, entry_id: int) -> TermEntry:
    """Return an entry of the collection's glossary."""
    entry = session.get(TermEntry, entry_id)
    glossary = glossary_of(session, collection)
    if entry is None or glossary is None or entry.glossary_id != glossary.id:
        raise NotFound(f"The glossary of this collection has no entry {entry_id}.")
    return entry


def validate(record: TermRecord) -> TermRecord:
    """Return the record cleaned, or refuse it with a message saying what is wrong."""
    clean = record.normalized()
    if not clean.term:
        raise InvalidInput("An entry needs its Russian term.")
    if clean.status == TermStatus.APPROVED and not clean.preferred:
        raise InvalidInput("An approved entry needs a preferred English rendering.")
    approved = {r.casefold() for r in clean.approved_renderings()}
    both = [r for r in clean.forbidden if r.casefold() in approved]
    if both:
        raise InvalidInput(f"“{both[0]}” cannot be both approved and forbidden.")
    too_long = [v for v in (clean.term, clean.preferred) if len(v) > 300]
    if too_long:
        raise InvalidInput("A term or rendering is longer than 300 characters.")
    return clean


def _assign(entry: TermEntry, record: TermRecord, actor: User | None) -> None:
    was_approved = entry.status == TermStatus.APPROVED
    entry.term, entry.ru_forms = record.term, list(record.ru_forms)
    entry.preferred, entry.admitted = record.preferred, list(record.admitted)
    entry.forbidden, entry.note = list(record.forbidden), record.note
    entry.status, entry.case_sensitive = record.status, record.case_sensitive
    if record.status == TermStatus.APPROVED and not was_approved:
        entry.approved_by, entry.approved_at = actor, utcnow()
    elif record.status != TermStatus.APPROVED:
        entry.approved_by, entry.approved_at = None, None
    entry.updated_at = utcnow()


def _ensure_unique(session: Session, glossary: Glossary, term: str, entry_id: int | None) -> None:
    query = select(TermEntry.id).where(TermEntry.glossary_id == glossary.id, TermEntry.term == term)
    found = session.scalar(query)
    if found is not None and found != entry_id:
        raise InvalidInput(f"The glossary already has an entry for «{term}».")


def save_entry(
    session: Session,
    glossary: Glossary,
    values: TermRecord,
    actor: User | None,
    reason: str | None,
    entry: TermEntry | None = None,
    changeset: str | None = None,
) -> TermEntry | None:
    """Create an entry, or change `entry`; record it. Return None if nothing changed."""
    clean = validate(values)
    if entry is not None and not (reason or "").strip():
        raise InvalidInput("Say why the entry changes (the reason is kept with the change).")
    _ensure_unique(session, glossary, clean.term, entry.id if entry else None)
    before = snapshot(entry) if entry is not None else None
    if entry is None:
        entry = TermEntry(glossary=glossary)
        session.add(entry)
    _assign(entry, clean, actor)
    session.flush()
    after = snapshot(entry)
    if after == before:
        return None
    record(
        session,
        actor=actor,
        action=Action.TERM_CREATE if before is None else Action.TERM_UPDATE,
        entity_type=ENTITY,
        entity_id=entry.id,
        before=before,
        after=after,
        reason=(reason or "").strip() or None,
        collection_id=_touch_collections(session, glossary),
        changeset=changeset,
    )
    return entry


def delete_entry(session: Session, entry: TermEntry, actor: User | None, reason: str) -> None:
    """Delete an entry, recording what it was and why it went."""
    if not reason.strip():
        raise InvalidInput("Say why the entry is deleted.")
    before = snapshot(entry)
    entry_id, collection_id = entry.id, _touch_collections(session, entry.glossary)
    session.delete(entry)
    session.flush()
    record(
        session,
        actor=actor,
        action=Action.TERM_DELETE,
        entity_type=ENTITY,
        entity_id=entry_id,
        before=before,
        reason=reason.strip(),
        collection_id=collection_id,
    )


def _touch_collections(session: Session, glossary: Glossary) -> int | None:
    """Mark the lexicons of the collections using a glossary stale; return the first one's id.

    The change is recorded against that collection; a lexicon is rebuilt when its collection's
    change log moves on, which a shared glossary's other collections would not see.
    """
    ids = sorted(
        session.scalars(
            select(GlossaryUse.collection_id).where(GlossaryUse.glossary_id == glossary.id)
        )
    )
    if ids:
        stale = update(CollectionLexicon).where(CollectionLexicon.collection_id.in_(ids))
        session.execute(stale.values(learned_through=-1))
    return ids[0] if ids else None


def entry_history(session: Session, entry_ids: Iterable[int]) -> list[Change]:
    """Return the recorded changes of entries, newest first."""
    query = (
        select(Change)
        .where(Change.entity_type == ENTITY, Change.entity_id.in_(list(entry_ids)))
        .order_by(Change.id.desc())
        .options(selectinload(Change.user))
    )
    return list(session.scalars(query))
