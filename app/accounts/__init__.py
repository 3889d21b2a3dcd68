"""Logging in and out, and the users page for admins."""

from flask import Blueprint

bp = Blueprint("accounts", __name__)

from app.accounts import views  # noqa: E402,F401  (registers the routes on bp)
