"""The review editor: the side-by-side page, its operations, history, queue and overview."""

from flask import Blueprint, Response

bp = Blueprint("review", __name__)


@bp.after_request
def vary_on_htmx(response: Response) -> Response:
    """One URL serves a page or a fragment: caches must key on the HX-Request header."""
    response.vary.add("HX-Request")
    return response


from app.review import history_views, views  # noqa: E402,F401  (register the routes on bp)
