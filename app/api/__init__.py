"""The JSON API under /api/v1/: token authentication, JSON errors, an OpenAPI document.

Each area adds its routes to `bp` and its OpenAPI paths (`openapi.add_paths`) in a module of
its own, imported below. Requests authenticate with `Authorization: Bearer <token>` (tokens
come from `sverka users token NAME`); a browser's session cookie is not enough, which is why
the API is exempt from CSRF tokens. The same permissions as in the web UI apply.
"""

from flask import Blueprint

from app.extensions import csrf

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)

from app.api import auth, openapi, review, terms  # noqa: E402,F401  (register routes and handlers)
