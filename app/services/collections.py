"""Collections and their documents: creation, lookup, progress."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.models import Action, Bead, BeadStatus, Collection, Document, User
from app.services.changes import record
from app.services.errors import InvalidInput, NotFound

# Language pairs the engine segments and aligns.
SUPPORTED_PAIRS = frozenset({("ru", "en")})


def slugify(value: str, fallback: str = "document") -> str:
    """Return a URL-safe lowercase slug (letters of any script are kept)."""
    slug = re.sub(r"[^\w]+", "-", value.strip().lower()).strip("-_")
    return slug[:80] or fallback


def create_collection(
    session: Session,
    *,
    title: str,
    actor: User | None,
    slug: str | None = None,
    description: str = "",
    source_lang: str = "ru",
    target_lang: str = "en",
) -> Collection:
    """Create a collection with a unique slug."""
    title = title.strip()
    if not title:
        raise InvalidInput("A collection needs a title.")
    if (source_lang, target_lang) not in SUPPORTED_PAIRS:
        raise InvalidInput(
            f"Sverka aligns Russian originals with English translations (ru → en), "
            f"not {source_lang} → {target_lang}."
        )
    slug = slugify(slug or title, "collection")
    if session.scalar(select(Collection).where(Collection.slug == slug)):
        raise InvalidInput(f"A collection with the short name {slug!r} already exists.")
    collection = Collection(
        slug=slug,
        title=title,
        description=description,
        source_lang=source_lang,
        target_lang=target_lang,
    )
    session.add(collection)
    session.flush()
    record(
        session,
        actor=actor,
        action=Action.COLLECTION_CREATE,
        entity_type="collection",
        entity_id=collection.id,
        collection_id=collection.id,
        after={"slug": slug, "title": title, "description": description},
    )
    return collection


def get_collection(session: Session, slug: str) -> Collection:
    """Return the collection with this slug."""
    collection = session.scalar(select(Collection).where(Collection.slug == slug))
    if collection is None:
        raise NotFound(f"There is no collection {slug!r}.")
    return collection


def list_collections(session: Session) -> list[Collection]:
    """Return all collections by title."""
    return list(session.scalars(select(Collection).order_by(Collection.title)))


def get_document(session: Session, document_id: int) -> Document:
    """Return the document with this id."""
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"There is no document {document_id}.")
    return document


def unique_document_slug(session: Session, collection: Collection, wanted: str) -> str:
    """Return `wanted` slugified, with a numeric suffix if the collection already uses it."""
    base = slugify(wanted)
    taken = set(
        session.scalars(
            select(Document.slug).where(
                Document.collection_id == collection.id, Document.slug.startswith(base)
            )
        )
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


@dataclass(frozen=True)
class Progress:
    """How much of an alignment a reviewer has confirmed."""

    confirmed: int
    total: int
    low_confidence: int

    @property
    def percent(self) -> int:
        return round(100 * self.confirmed / self.total) if self.total else 0


LOW_CONFIDENCE = 0.5


def progress_by_document(session: Session, collection: Collection) -> dict[int, Progress]:
    """Return alignment progress for every document of a collection (one query)."""
    confirmed = func.sum(case((Bead.status == BeadStatus.CONFIRMED, 1), else_=0))
    low = func.sum(case((Bead.confidence < LOW_CONFIDENCE, 1), else_=0))
    query = (
        select(Bead.document_id, confirmed, func.count(Bead.id), low)
        .join(Document, Document.id == Bead.document_id)
        .where(Document.collection_id == collection.id)
        .group_by(Bead.document_id)
    )
    return {
        doc_id: Progress(int(c or 0), int(n), int(lo or 0))
        for doc_id, c, n, lo in session.execute(query)
    }
