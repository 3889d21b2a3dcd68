"""API tokens: issued once, stored only as their SHA-256, looked up by that hash."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Action, User
from app.services.changes import record
from app.services.errors import NotFound


def token_hash(token: str) -> str:
    """Return the hex SHA-256 of a token (what the database keeps)."""
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(session: Session, username: str, actor: User | None) -> str:
    """Give a user a new API token (replacing any earlier one) and return it; it is not stored."""
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        raise NotFound(f"There is no user {username!r}.")
    token = secrets.token_urlsafe(32)
    user.api_token_hash = token_hash(token)
    record(
        session,
        actor=actor,
        action=Action.USER_UPDATE,
        entity_type="user",
        entity_id=user.id,
        after={"api_token": "issued"},
    )
    return token


def user_for_token(session: Session, token: str) -> User | None:
    """Return the active user holding this token, or None."""
    if not token:
        return None
    user = session.scalar(select(User).where(User.api_token_hash == token_hash(token)))
    return user if user is not None and user.active else None
