"""Who may do what: one table, enforced on the server by `requires`."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort
from flask_login import current_user

from app.models import Role

ALL_ROLES = frozenset(Role)
PERMISSIONS: dict[str, frozenset[Role]] = {
    "read": ALL_ROLES,
    "import": frozenset({Role.TRANSLATOR, Role.EDITOR, Role.ADMIN}),
    "edit_alignment": frozenset({Role.TRANSLATOR, Role.EDITOR, Role.ADMIN}),
    "edit_original": frozenset({Role.EDITOR, Role.ADMIN}),
    "manage_collections": frozenset({Role.EDITOR, Role.ADMIN}),
    "manage_users": frozenset({Role.ADMIN}),
    # Terminology: editors decide terms; translators fix them in the texts and dismiss findings.
    "edit_glossary": frozenset({Role.EDITOR, Role.ADMIN}),
    "fix_terms": frozenset({Role.TRANSLATOR, Role.EDITOR, Role.ADMIN}),
}

F = TypeVar("F", bound=Callable[..., Any])


def can(user: Any, permission: str) -> bool:
    """Return whether `user` holds `permission`."""
    return bool(getattr(user, "is_authenticated", False)) and user.role in PERMISSIONS[permission]


def requires(permission: str) -> Callable[[F], F]:
    """Refuse the view with 403 unless the logged-in user holds `permission`."""
    if permission not in PERMISSIONS:
        raise KeyError(permission)

    def decorate(view: F) -> F:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            if not can(current_user, permission):
                abort(403)
            return view(*args, **kwargs)

        guarded.required_permission = permission  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return decorate
