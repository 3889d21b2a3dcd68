"""Accounts: creating users, checking passwords, roles."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from app.models import Action, Role, User
from app.services.changes import record
from app.services.errors import Conflict, InvalidInput, NotFound

MIN_PASSWORD_LENGTH = 8
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,64}$")


def parse_role(value: str) -> Role:
    """Return the Role named `value`, or explain which roles exist."""
    try:
        return Role(value.strip().lower())
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise InvalidInput(f"Unknown role {value!r}: choose one of {names}.") from None


def create_user(
    session: Session, *, username: str, role: Role, password: str, actor: User | None
) -> User:
    """Create an account with a hashed password; the password itself is never recorded."""
    username = username.strip()
    if not USERNAME.match(username):
        raise InvalidInput("A user name has 2 to 64 letters, digits, dots, dashes or underscores.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    if session.scalar(select(User).where(User.username == username)):
        raise Conflict(f"A user named {username!r} already exists.")
    user = User(username=username, role=role, password_hash=generate_password_hash(password))
    session.add(user)
    session.flush()
    record(
        session,
        actor=actor,
        action=Action.USER_CREATE,
        entity_type="user",
        entity_id=user.id,
        after={"username": username, "role": role.value},
    )
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """Return the active user with these credentials, or None."""
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None or not user.active or not check_password_hash(user.password_hash, password):
        return None
    return user


def update_user(
    session: Session,
    user_id: int,
    *,
    actor: User,
    role: Role | None = None,
    active: bool | None = None,
) -> User:
    """Change a user's role or active flag, recording before and after."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("No such user.")
    if user.id == actor.id and (active is False or (role and role != Role.ADMIN)):
        raise InvalidInput("You cannot remove your own admin access; ask another admin.")
    before = {"role": user.role.value, "active": user.active}
    if role is not None:
        user.role = role
    if active is not None:
        user.active = active
    after = {"role": user.role.value, "active": user.active}
    if after != before:
        record(
            session,
            actor=actor,
            action=Action.USER_UPDATE,
            entity_type="user",
            entity_id=user.id,
            before=before,
            after=after,
        )
    return user


def list_users(session: Session) -> list[User]:
    """Return all accounts by name."""
    return list(session.scalars(select(User).order_by(User.username)))
