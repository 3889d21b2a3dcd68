"""The OpenAPI 3 document of /api/v1/, assembled from the path fragments each area adds.

An area calls `add_paths({"/things": {...}}, {"Thing": {...}})` when its module is imported;
paths are relative to the server URL /api/v1.
"""

from __future__ import annotations

from typing import Any

from flask import jsonify
from werkzeug.wrappers import Response

from app.api import bp

PATHS: dict[str, Any] = {}
SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error", "status"],
        "properties": {
            "error": {"type": "string", "description": "what went wrong, fit to show a person"},
            "status": {"type": "integer"},
        },
    }
}


def add_paths(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> None:
    """Add an area's paths (and the schemas they refer to) to the document."""
    PATHS.update(paths)
    SCHEMAS.update(schemas or {})


def error(description: str) -> dict[str, Any]:
    """Return an OpenAPI response object for a JSON error."""
    schema = {"$ref": "#/components/schemas/Error"}
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def document() -> dict[str, Any]:
    """Return the whole OpenAPI document."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Sverka API",
            "version": "1",
            "description": "Review and terminology of aligned Russian-English documents. "
            "Authenticate with `Authorization: Bearer <token>`; `sverka users token NAME` "
            "issues a token. Roles apply as in the web interface.",
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": SCHEMAS,
        },
        "paths": dict(sorted(PATHS.items())),
    }


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(document())
