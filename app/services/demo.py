"""The demo: load the sample corpus and create one user per role (both idempotent)."""

from __future__ import annotations

import json
import secrets
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Collection, Document, Role, User
from app.services.collections import create_collection
from app.services.imports import Upload, import_document
from app.services.terms.importing import load_glossary_once
from app.services.users import create_user


@dataclass(frozen=True)
class CorpusDocument:
    """One document of the sample corpus on disk: an original and its translation."""

    slug: str
    original: Path
    translation: Path


@dataclass(frozen=True)
class CorpusCollection:
    slug: str
    title: str
    description: str
    documents: list[CorpusDocument]
    glossary: Path | None = None  # glossary.csv beside the documents, if any


def read_corpus(root: Path) -> Iterator[CorpusCollection]:
    """Yield the collections under `root` (folders holding a collection.toml)."""
    for manifest in sorted(root.glob("*/collection.toml")):
        folder = manifest.parent
        info = tomllib.loads(manifest.read_text(encoding="utf-8"))
        documents = [
            CorpusDocument(
                ru.name.removesuffix(".ru.txt"),
                ru,
                ru.with_name(ru.name.replace(".ru.txt", ".en.txt")),
            )
            for ru in sorted(folder.glob("*.ru.txt"))
        ]
        yield CorpusCollection(
            info.get("slug", folder.name),
            info["title"],
            info.get("description", ""),
            [d for d in documents if d.translation.exists()],
            folder / "glossary.csv" if (folder / "glossary.csv").exists() else None,
        )


def load_corpus(
    session: Session,
    root: Path,
    *,
    max_bytes: int,
    on_document: Callable[[str], None] = lambda _: None,
) -> int:
    """Import every corpus document not already present; return how many were imported."""
    imported = 0
    for entry in read_corpus(root):
        collection = session.scalar(select(Collection).where(Collection.slug == entry.slug))
        if collection is None:
            collection = create_collection(
                session,
                title=entry.title,
                slug=entry.slug,
                description=entry.description,
                actor=None,
            )
        if entry.glossary is not None:  # before the documents, so it helps align them
            load_glossary_once(session, collection, entry.glossary)
        present = set(
            session.scalars(select(Document.slug).where(Document.collection_id == collection.id))
        )
        for doc in entry.documents:
            on_document(doc.slug)
            if doc.slug in present:
                continue
            import_document(
                session,
                collection=collection,
                slug=doc.slug,
                actor=None,
                original=Upload(doc.original.name, doc.original.read_bytes()),
                translation=Upload(doc.translation.name, doc.translation.read_bytes()),
                max_bytes=max_bytes,
                reason="sample corpus",
            )
            imported += 1
    return imported


def demo_passwords(path: Path) -> dict[str, str]:
    """Return the demo password per role, generated once into `path` (instance folder)."""
    if path.exists():
        stored: dict[str, str] = json.loads(path.read_text())
        return stored
    passwords = {role.value: secrets.token_urlsafe(9) for role in Role}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(passwords, indent=2))
    path.chmod(0o600)
    return passwords


def ensure_demo_users(session: Session, passwords: dict[str, str]) -> list[tuple[str, str]]:
    """Create a user named after each role unless one exists; return (name, password) pairs."""
    logins = []
    for role in Role:
        name, password = role.value, passwords[role.value]
        if session.scalar(select(User).where(User.username == name)) is None:
            create_user(session, username=name, role=role, password=password, actor=None)
        logins.append((name, password))
    return logins
