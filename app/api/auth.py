"""Bearer-token authentication and JSON errors for the API blueprint."""

from __future__ import annotations

from typing import Any

from flask import g, jsonify, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from app.api import bp
from app.extensions import db, login_manager
from app.models import User
from app.permissions import PERMISSIONS
from app.services.api_tokens import user_for_token
from app.services.errors import Forbidden, ServiceError
from app.services.undo import UndoBlocked
from app.services.versions import StaleVersion


def bearer_token() -> str:
    """Return the token of an `Authorization: Bearer ...` header, or ""."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


@login_manager.request_loader
def load_api_user(_request: Any) -> User | None:
    """Let the login gate accept API requests carrying a valid token."""
    if not request.path.startswith("/api/"):
        return None
    return user_for_token(db.session(), bearer_token())


@bp.before_request
def authenticate() -> Response | None:
    """Require a valid token on every API call (a session cookie alone does not count)."""
    user = user_for_token(db.session(), bearer_token())
    if user is None:
        return error_response(401, "A valid API token is required (Authorization: Bearer ...).")
    g.api_user = user
    return None


def api_user() -> User:
    """Return the user the request's token belongs to."""
    user: User = g.api_user
    return user


def require(permission: str) -> None:
    """Refuse with 403 unless the token's user holds `permission`."""
    if api_user().role not in PERMISSIONS[permission]:
        raise Forbidden(f"Your role ({api_user().role.value}) may not do this.")


def error_response(status: int, message: str, **details: Any) -> Response:
    """Return a JSON error: {"error": message, "status": status, ...details}."""
    response = jsonify(error=message, status=status, **details)
    response.status_code = status
    return response


@bp.errorhandler(ServiceError)
def service_error(error: ServiceError) -> Response:
    db.session.rollback()
    details: dict[str, Any] = {}
    if isinstance(error, StaleVersion):
        details["version"] = error.version
        details["later_changes"] = [
            {
                "changeset": op.changeset,
                "version": op.version,
                "by": op.who,
                "at": op.when.isoformat(),
                "summary": op.summary,
                "rows": [{"type": t, "id": i} for t, i in op.rows],
            }
            for op in error.later
        ]
    if isinstance(error, UndoBlocked) and error.blocking is not None:
        details["blocked_by"] = {"changeset": error.blocking.changeset, "summary": error.summary}
    return error_response(error.status, error.message, **details)


@bp.errorhandler(HTTPException)
def http_error(error: HTTPException) -> Response:
    db.session.rollback()
    return error_response(error.code or 500, error.description or error.name)
