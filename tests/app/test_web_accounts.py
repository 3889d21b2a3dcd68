"""Logging in, role enforcement on every route, CSRF, the users page."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select

from app.models import Change, Role, User
from tests.support import PASSWORD, csrf_token, login


def test_login_with_the_right_password_opens_the_collections(client, users) -> None:
    login(client, "translator")
    page = client.get("/")
    assert page.status_code == 200
    assert "Collections" in page.get_data(as_text=True)
    assert "translator · translator" in page.get_data(as_text=True)


def test_login_with_a_wrong_password_is_refused(client, users) -> None:
    response = client.post(
        "/login",
        data={"username": "translator", "password": "nope-nope", "csrf_token": csrf_token(client)},
    )
    assert response.status_code == 401
    assert "wrong password" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_login_does_not_redirect_off_site(client, users) -> None:
    response = client.post(
        "/login",
        data={
            "username": "editor",
            "password": PASSWORD,
            "next": "https://evil.example/",
            "csrf_token": csrf_token(client),
        },
    )
    assert response.headers["Location"] == "/"


def test_logout_needs_post_and_ends_the_session(client, users) -> None:
    login(client, "editor")
    assert client.get("/logout").status_code == 405
    client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    assert client.get("/").status_code == 302


def test_every_route_except_login_and_assets_needs_a_login(app: Flask, client) -> None:
    public = {"accounts.login", "static", "vendor.htmx_js"}
    # A valid CSRF token, so that the login gate (not the CSRF check) is what refuses.
    token = csrf_token(client)
    checked = 0
    for rule in app.url_map.iter_rules():
        if rule.endpoint in public:
            continue
        path = rule.build({arg: 1 for arg in rule.arguments}, append_unknown=False)[1]
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = client.open(path, method=method, data={"csrf_token": token})
            assert response.status_code in (302, 401), f"{method} {path} is open"
            checked += 1
    assert checked >= 6


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.ADMIN, 200), (Role.EDITOR, 403), (Role.TRANSLATOR, 403), (Role.LINGUIST, 403)],
)
def test_only_admins_see_the_users_page(as_role, role, status) -> None:
    assert as_role(role).get("/users").status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.TRANSLATOR, 200), (Role.EDITOR, 200), (Role.ADMIN, 200), (Role.LINGUIST, 403)],
)
def test_linguists_cannot_import(as_role, role, status) -> None:
    assert as_role(role).get("/import").status_code == status


def test_admin_creates_a_user_through_the_form(as_role, session) -> None:
    client = as_role(Role.ADMIN)
    response = client.post(
        "/users",
        data={
            "username": "newcomer",
            "role": "linguist",
            "password": "long-enough-pw",
            "csrf_token": csrf_token(client, "/users"),
        },
    )
    assert response.status_code == 302
    user = session.scalar(select(User).where(User.username == "newcomer"))
    assert user.role is Role.LINGUIST
    assert session.scalar(select(Change).where(Change.entity_id == user.id)).user_id is not None


def test_a_form_without_csrf_token_is_refused_and_changes_nothing(as_role, session) -> None:
    client = as_role(Role.ADMIN)
    response = client.post(
        "/users", data={"username": "sneaky", "role": "admin", "password": "long-enough-pw"}
    )
    assert response.status_code == 400
    assert "expired or came from elsewhere" in response.get_data(as_text=True)
    assert session.scalar(select(User).where(User.username == "sneaky")) is None


def test_non_admin_cannot_change_roles_even_with_a_valid_token(as_role, users, session) -> None:
    client = as_role(Role.EDITOR)
    target = users[Role.LINGUIST]
    response = client.post(
        f"/users/{target.id}",
        data={"role": "admin", "active": "y", "csrf_token": csrf_token(client, "/")},
    )
    assert response.status_code == 403
    session.refresh(target)
    assert target.role is Role.LINGUIST


def test_htmx_is_served_from_the_installed_package(client) -> None:
    response = client.get("/vendor/htmx.min.js")
    assert response.status_code == 200
    assert b"htmx" in response.data[:2000] and response.mimetype == "text/javascript"
