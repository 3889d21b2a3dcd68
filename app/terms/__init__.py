"""Terminology: glossary pages, the collection's term report, fixes across documents."""

from flask import Blueprint

from app.services.terms import lexicon

bp = Blueprint("terms", __name__)
lexicon.register()

from app.terms import views_fix, views_glossary, views_report  # noqa: E402,F401  (routes on bp)
