"""Error pages, domain errors as responses, and the login requirement for every route."""

from __future__ import annotations

import json

from flask import Flask, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from app.extensions import db
from app.services.errors import ServiceError

# Endpoints reachable without logging in.
PUBLIC_ENDPOINTS = frozenset({"accounts.login", "static", "vendor.htmx_js"})


def register(app: Flask) -> None:
    """Attach error handlers and the login gate to the app."""
    app.before_request(require_login)
    app.register_error_handler(ServiceError, service_error)
    app.register_error_handler(CSRFError, csrf_error)
    app.register_error_handler(HTTPException, http_error)
    app.teardown_request(rollback_on_error)


def require_login() -> Response | None:
    """Send anonymous visitors to the login page (API clients get 401)."""
    if request.endpoint in PUBLIC_ENDPOINTS or current_user.is_authenticated:
        return None
    if request.path.startswith("/api/"):
        return Response('{"error": "authentication required"}', 401, mimetype="application/json")
    return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))


def service_error(error: ServiceError) -> tuple[str, int]:
    """Show a domain error's message; nothing was changed."""
    db.session.rollback()
    return render_template(
        "errors/error.html", status=error.status, message=error.message
    ), error.status


def csrf_error(error: CSRFError) -> tuple[str, int]:
    """Explain a missing or stale form token."""
    message = (
        "The form had expired or came from elsewhere, so nothing was saved. "
        "Reload the page and try again."
    )
    return render_template("errors/error.html", status=400, message=message), 400


def http_error(error: HTTPException) -> Response | tuple[str, int]:
    """Render HTTP errors as pages (with the status code kept); JSON under /api/."""
    if request.path.startswith("/api/"):
        body = {"error": error.description, "status": error.code}
        return Response(json.dumps(body), error.code or 500, mimetype="application/json")
    if error.code == 401:
        flash("Please log in.")
        return redirect(url_for("accounts.login"))
    return render_template(
        "errors/error.html", status=error.code, message=error.description
    ), error.code or 500


def rollback_on_error(error: BaseException | None) -> None:
    """Roll back a transaction left open by an unexpected error."""
    if error is not None:
        db.session.rollback()
