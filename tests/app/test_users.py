"""Accounts at the service level: hashing, validation, recorded changes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Action, Change, Role, User
from app.services import users
from app.services.errors import Conflict, InvalidInput


def test_create_user_hashes_the_password_and_records_the_change(session) -> None:
    admin = users.create_user(
        session, username="boss", role=Role.ADMIN, password="s3cret-pass", actor=None
    )
    user = users.create_user(
        session, username="anna", role=Role.TRANSLATOR, password="s3cret-pass", actor=admin
    )
    session.commit()
    assert user.password_hash != "s3cret-pass" and "s3cret-pass" not in user.password_hash
    change = session.scalar(
        select(Change).where(Change.entity_id == user.id, Change.action == Action.USER_CREATE.value)
    )
    assert change.user_id == admin.id
    assert change.after == {"username": "anna", "role": "translator"}
    assert "s3cret" not in str(change.before) + str(change.after)


def test_authenticate_checks_password_and_active_flag(session) -> None:
    admin = users.create_user(
        session, username="boss", role=Role.ADMIN, password="s3cret-pass", actor=None
    )
    anna = users.create_user(
        session, username="anna", role=Role.EDITOR, password="right-pass", actor=None
    )
    assert users.authenticate(session, "anna", "right-pass") is anna
    assert users.authenticate(session, "anna", "wrong-pass") is None
    assert users.authenticate(session, "nobody", "right-pass") is None
    users.update_user(session, anna.id, actor=admin, active=False)
    assert users.authenticate(session, "anna", "right-pass") is None


@pytest.mark.parametrize(
    ("name", "password", "error", "message"),
    [
        ("a", "long-enough", InvalidInput, "2 to 64"),
        ("anna", "short", InvalidInput, "at least 8"),
        ("bad name!", "long-enough", InvalidInput, "letters, digits"),
    ],
)
def test_create_user_refuses_bad_input(session, name, password, error, message) -> None:
    with pytest.raises(error, match=message):
        users.create_user(session, username=name, role=Role.LINGUIST, password=password, actor=None)
    assert session.scalar(select(User)) is None


def test_duplicate_user_name_is_a_conflict(session) -> None:
    users.create_user(
        session, username="anna", role=Role.EDITOR, password="long-enough", actor=None
    )
    with pytest.raises(Conflict, match="already exists"):
        users.create_user(
            session, username="anna", role=Role.ADMIN, password="long-enough", actor=None
        )


def test_parse_role_names_the_roles_on_error() -> None:
    assert users.parse_role(" Editor ") is Role.EDITOR
    with pytest.raises(InvalidInput, match="translator, editor, linguist, admin"):
        users.parse_role("boss")


def test_role_change_is_recorded_with_before_and_after(session) -> None:
    admin = users.create_user(
        session, username="boss", role=Role.ADMIN, password="long-enough", actor=None
    )
    anna = users.create_user(
        session, username="anna", role=Role.LINGUIST, password="long-enough", actor=None
    )
    users.update_user(session, anna.id, actor=admin, role=Role.EDITOR)
    change = session.scalar(select(Change).where(Change.action == Action.USER_UPDATE.value))
    assert change.before == {"role": "linguist", "active": True}
    assert change.after == {"role": "editor", "active": True}


def test_admin_cannot_lock_themselves_out(session) -> None:
    admin = users.create_user(
        session, username="boss", role=Role.ADMIN, password="long-enough", actor=None
    )
    with pytest.raises(InvalidInput, match="own admin access"):
        users.update_user(session, admin.id, actor=admin, role=Role.TRANSLATOR)
