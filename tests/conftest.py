"""Shared fixtures: an app on a migrated database (SQLite, or PostgreSQL via TEST_DATABASE_URL)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade

from app import create_app
from app.extensions import db
from app.models import Role, User
from app.services.users import create_user
from tests.support import PASSWORD, login

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
POSTGRES_URL = os.environ.get("TEST_DATABASE_URL")


def make_app(url: str, instance: Path, **overrides: object) -> Flask:
    config = {
        "SQLALCHEMY_DATABASE_URI": url,
        "SECRET_KEY": "test-secret",
        "TESTING": True,
        "SVERKA_MAX_UPLOAD_BYTES": 300_000,
        "SQLALCHEMY_ENGINE_OPTIONS": {},
    }
    config.update(overrides)
    os.environ["SVERKA_INSTANCE_PATH"] = str(instance)
    return create_app(config)


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Return the URL of a database migrated once per test session (a template for SQLite)."""
    instance = tmp_path_factory.mktemp("instance")
    if POSTGRES_URL:
        reset_postgres(POSTGRES_URL)
        url = POSTGRES_URL
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'template.sqlite3'}"
    app = make_app(url, instance)
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return url


def reset_postgres(url: str) -> None:
    """Drop everything in the test database's public schema."""
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def app(migrated_database: str, tmp_path: Path) -> Iterator[Flask]:
    """An application on an empty, migrated database of its own."""
    if POSTGRES_URL:
        url = migrated_database
    else:
        copy = tmp_path / "test.sqlite3"
        shutil.copy(migrated_database.removeprefix("sqlite:///"), copy)
        url = f"sqlite:///{copy}"
    application = make_app(url, tmp_path / "instance")
    with application.app_context():
        yield application
        db.session.remove()
        if POSTGRES_URL:
            empty_postgres_tables()
        db.engine.dispose()


def empty_postgres_tables() -> None:
    """Empty every table; TRUNCATE does not fire the change log's row-level guard."""
    tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
    with db.engine.begin() as connection:
        connection.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
def session(app: Flask):  # type: ignore[no-untyped-def]
    return db.session


@pytest.fixture
def users(app: Flask) -> dict[Role, User]:
    """One committed user per role, named after the role."""
    made = {
        role: create_user(db.session, username=role.value, role=role, password=PASSWORD, actor=None)
        for role in Role
    }
    db.session.commit()
    return made


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def as_role(client: FlaskClient, users: dict[Role, User]):  # type: ignore[no-untyped-def]
    """Log the client in as the user of a role: `as_role(Role.EDITOR)`."""

    def log_in(role: Role) -> FlaskClient:
        login(client, role.value)
        return client

    return log_in
