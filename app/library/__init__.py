"""Collections, documents and importing."""

from flask import Blueprint

bp = Blueprint("library", __name__)

from app.library import views  # noqa: E402,F401  (registers the routes on bp)
