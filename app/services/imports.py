"""Importing a document: parse both files, segment, align, record — all in one transaction."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from sqlalchemy.orm import Session

import alignment
from app import formats
from app.models import Action, Collection, Document, DocumentText, Segment, TextRole, User
from app.services.alignments import (
    BeadRow,
    align_document,
    record_alignment,
    segment_snapshot,
    segment_text,
    store_beads,
)
from app.services.changes import new_changeset, record
from app.services.collections import unique_document_slug
from app.services.errors import InvalidInput

METADATA_FIELDS = (
    "title",
    "date",
    "date_text",
    "summary",
    "citation",
    "repository",
    "archive",
    "fond",
    "opis",
    "papka",
    "delo",
    "listy",
    "source_url",
    "translator",
    "notes",
)


@dataclass(frozen=True)
class Upload:
    """A file as the user gave it."""

    filename: str
    data: bytes


def import_document(
    session: Session,
    *,
    collection: Collection,
    original: Upload,
    translation: Upload,
    actor: User | None,
    max_bytes: int,
    title: str | None = None,
    slug: str | None = None,
    reason: str | None = None,
) -> Document:
    """Import an original and its translation as a new, aligned document."""
    src, tgt = (parse_text(upload, max_bytes) for upload in (original, translation))
    metadata = merged_metadata(tgt.metadata, src.metadata)
    changeset = new_changeset()
    title = title or metadata.get("title") or PurePath(translation.filename).stem
    document = create_document(session, collection, metadata, title, slug, actor, changeset, reason)
    texts = [
        add_text(
            session, document, TextRole.ORIGINAL, collection.source_lang, src, original.filename
        ),
        add_text(
            session,
            document,
            TextRole.TRANSLATION,
            collection.target_lang,
            tgt,
            translation.filename,
        ),
    ]
    src_segments, tgt_segments = (segments_of(session, text, actor, changeset) for text in texts)
    rows = align_document(session, document, src_segments, tgt_segments)
    record_alignment(session, document, rows, actor, changeset, "automatic alignment on import")
    return document


def import_pairs(
    session: Session,
    *,
    collection: Collection,
    upload: Upload,
    actor: User | None,
    max_bytes: int,
    title: str | None = None,
    reason: str | None = None,
) -> Document:
    """Import a TSV or TMX file of pre-aligned pairs: each pair becomes one bead."""
    try:
        pairs = formats.read_pairs(
            upload.data,
            upload.filename,
            max_bytes=max_bytes,
            src_lang=collection.source_lang,
            tgt_lang=collection.target_lang,
        )
    except formats.FormatError as error:
        raise InvalidInput(error.message) from error
    changeset = new_changeset()
    document = create_document(
        session,
        collection,
        {},
        title or PurePath(upload.filename).stem,
        None,
        actor,
        changeset,
        reason,
    )
    sides = []
    for role, lang, raw, index in (
        (TextRole.ORIGINAL, collection.source_lang, pairs.src_raw, 0),
        (TextRole.TRANSLATION, collection.target_lang, pairs.tgt_raw, 1),
    ):
        parsed = formats.SourceText(
            raw=raw,
            body_start=0,
            body_end=len(raw),
            encoding="utf-8",
            format=pairs.format,
            metadata=formats.ArchivalMetadata(),
        )
        text = add_text(session, document, role, lang, parsed, upload.filename)
        groups = segment_text(session, text, [span[index] for span in pairs.spans])
        record_segments(session, text, [s for g in groups for s in g], actor, changeset)
        sides.append(groups)
    rows = pair_beads(session, document, sides[0], sides[1])
    record_alignment(session, document, rows, actor, changeset, f"pairs from {upload.filename}")
    return document


def pair_beads(
    session: Session,
    document: Document,
    src_groups: list[list[Segment]],
    tgt_groups: list[list[Segment]],
) -> list[BeadRow]:
    """Store one bead per imported pair (pairs with both cells empty are skipped)."""
    src = [s for g in src_groups for s in g]
    tgt = [s for g in tgt_groups for s in g]
    beads, i, j = [], 0, 0
    for src_group, tgt_group in zip(src_groups, tgt_groups, strict=True):
        if src_group or tgt_group:
            beads.append(
                alignment.Bead(
                    tuple(range(i, i + len(src_group))), tuple(range(j, j + len(tgt_group))), 1.0
                )
            )
        i, j = i + len(src_group), j + len(tgt_group)
    return store_beads(session, document, src, tgt, beads)


def parse_text(upload: Upload, max_bytes: int) -> formats.SourceText:
    """Parse one uploaded text, turning format problems into a message for the user."""
    try:
        parsed = formats.read_text(upload.data, upload.filename, max_bytes=max_bytes)
    except formats.FormatError as error:
        raise InvalidInput(error.message) from error
    if not parsed.raw[parsed.body_start : parsed.body_end].strip():
        raise InvalidInput(f"{upload.filename} has no document text to align.")
    return parsed


def merged_metadata(*sources: formats.ArchivalMetadata) -> dict[str, Any]:
    """Return metadata fields, each from the first source that has it, cut to its column size."""
    merged: dict[str, Any] = {}
    for source in sources:
        for key, value in dataclasses.asdict(source).items():
            if key in METADATA_FIELDS and value and key not in merged:
                merged[key] = fit_column(key, value)
    return merged


def fit_column(key: str, value: Any) -> Any:
    """Cut a text value to the length of the document column that stores it."""
    length = getattr(Document.__table__.c[key].type, "length", None)
    if isinstance(value, str) and length and len(value) > length:
        return value[: length - 1] + "…"
    return value


def create_document(
    session: Session,
    collection: Collection,
    metadata: dict[str, Any],
    title: str,
    slug: str | None,
    actor: User | None,
    changeset: str,
    reason: str | None,
) -> Document:
    """Create the document row with its metadata and record the import."""
    fields = {**metadata, "title": title.strip()[:500] or "Untitled document"}
    slug = unique_document_slug(session, collection, slug or fields["title"])
    document = Document(collection=collection, slug=slug, **fields)
    session.add(document)
    session.flush()
    after = {key: (str(value) if value is not None else None) for key, value in fields.items()}
    record(
        session,
        actor=actor,
        action=Action.DOCUMENT_IMPORT,
        entity_type="document",
        entity_id=document.id,
        after={"slug": document.slug, **after},
        reason=reason,
        document_id=document.id,
        collection_id=collection.id,
        changeset=changeset,
    )
    return document


def add_text(
    session: Session,
    document: Document,
    role: TextRole,
    lang: str,
    parsed: formats.SourceText,
    filename: str,
) -> DocumentText:
    """Store one language version verbatim."""
    text = DocumentText(
        document=document,
        role=role,
        lang=lang,
        raw=parsed.raw,
        body_start=parsed.body_start,
        body_end=parsed.body_end,
        source_format=parsed.format,
        encoding=parsed.encoding,
        filename=PurePath(filename).name[:300],
    )
    session.add(text)
    session.flush()
    return text


def segments_of(
    session: Session, text: DocumentText, actor: User | None, changeset: str
) -> list[Segment]:
    """Segment a text's body and record the new segments."""
    segments = segment_text(session, text)[0]
    record_segments(session, text, segments, actor, changeset)
    return segments


def record_segments(
    session: Session,
    text: DocumentText,
    segments: list[Segment],
    actor: User | None,
    changeset: str,
) -> None:
    """Record a text's creation and its segmentation."""
    document = text.document
    digest = hashlib.sha256(text.raw.encode()).hexdigest()
    record(
        session,
        action=Action.TEXT_CREATE,
        entity_type="text",
        entity_id=text.id,
        after={
            "role": text.role.value,
            "lang": text.lang,
            "format": text.source_format,
            "encoding": text.encoding,
            "filename": text.filename,
            "characters": len(text.raw),
            "sha256": digest,
        },
        actor=actor,
        document_id=document.id,
        collection_id=document.collection_id,
        changeset=changeset,
    )
    record(
        session,
        action=Action.SEGMENTS_CREATE,
        entity_type="text",
        entity_id=text.id,
        after=[segment_snapshot(s) for s in segments],
        actor=actor,
        document_id=document.id,
        collection_id=document.collection_id,
        changeset=changeset,
    )
