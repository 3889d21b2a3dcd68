"""The glossary helps the aligner: approved entries become lexicon terms of their collections."""

from __future__ import annotations

from sqlalchemy.orm import Session

from alignment.lexicon import Lexicon
from app.models import Collection
from app.services.glossary import records_for
from app.services.lexicons import LEXICON_SOURCES


def add_glossary_terms(session: Session, collection_id: int, lexicon: Lexicon) -> None:
    """Add every (Russian form, approved rendering) pair of the collection's approved entries."""
    collection = session.get(Collection, collection_id)
    if collection is None:
        return
    for record in records_for(session, collection):
        for form in record.russian():
            for rendering in record.approved_renderings():
                lexicon.add_term(form, rendering)


def register() -> None:
    """Make the collection lexicon (app.services.lexicons) include the glossary (idempotent)."""
    if add_glossary_terms not in LEXICON_SOURCES:
        LEXICON_SOURCES.append(add_glossary_terms)
