"""Terminology: glossary pages, the collection's term report, fixes across documents."""

from flask import Blueprint

bp = Blueprint("terms", __name__)

from app.terms import views_fix, views_glossary, views_report  # noqa: E402,F401  (routes on bp)
