"""Typed SQLAlchemy models, one module per aggregate."""

from app.models.alignment import Bead, BeadStatus
from app.models.base import Base
from app.models.changes import Action, Change
from app.models.documents import Collection, Document, DocumentText, TextRole
from app.models.glossary import FindingDismissal, Glossary, GlossaryUse, TermEntry, TermStatus
from app.models.lexicons import CollectionLexicon
from app.models.segments import Segment
from app.models.users import Role, User

__all__ = [
    "Action",
    "Base",
    "Bead",
    "BeadStatus",
    "Change",
    "Collection",
    "CollectionLexicon",
    "Document",
    "DocumentText",
    "FindingDismissal",
    "Glossary",
    "GlossaryUse",
    "Role",
    "Segment",
    "TermEntry",
    "TermStatus",
    "TextRole",
    "User",
]
