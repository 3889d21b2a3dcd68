"""Terminology: glossary pages, the collection's term report, fixes across documents."""

from flask import Blueprint

from app.services.terms import lexicon
from app.terms import review_warnings

bp = Blueprint("terms", __name__)
lexicon.register()  # approved entries help the aligner
review_warnings.register()  # findings show on the review page's rows

from app.terms import views_fix, views_glossary, views_report  # noqa: E402,F401  (routes on bp)
