"""Front-end libraries served from installed Python packages (no CDN, nothing vendored)."""

from __future__ import annotations

from importlib.resources import files

from flask import Blueprint, Response, current_app

bp = Blueprint("vendor", __name__, url_prefix="/vendor")

HTMX = files("js_lib_htmx") / "static" / "htmx" / "htmx.min.js"


@bp.get("/htmx.min.js")
def htmx_js() -> Response:
    """Serve htmx from the django-js-lib-htmx wheel's package data."""
    response = current_app.response_class(HTMX.read_bytes(), mimetype="text/javascript")
    response.cache_control.public = True
    response.cache_control.max_age = 86400
    return response
