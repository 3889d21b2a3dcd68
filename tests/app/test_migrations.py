"""The schema comes only from migrations, and the audit trail cannot be rewritten."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask import Flask
from flask_migrate import check

from app.extensions import db
from app.models import Action, Change
from app.services.changes import record


def test_models_and_migrations_agree(app: Flask) -> None:
    # `flask db check` raises when autogenerate would produce a new revision.
    check()


def test_database_refuses_to_edit_or_delete_recorded_changes(app: Flask) -> None:
    change = record(
        db.session,
        actor=None,
        action=Action.USER_CREATE,
        entity_type="user",
        entity_id=1,
        after={"username": "someone"},
    )
    db.session.commit()
    for statement in (
        f"UPDATE change SET reason = 'forged' WHERE id = {change.id}",
        f"DELETE FROM change WHERE id = {change.id}",
    ):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), db.engine.begin() as connection:
            connection.execute(sa.text(statement))
    assert db.session.scalar(sa.select(sa.func.count(Change.id))) == 1


def test_orm_refuses_to_edit_a_recorded_change(app: Flask) -> None:
    change = record(
        db.session, actor=None, action=Action.USER_CREATE, entity_type="user", entity_id=1
    )
    db.session.commit()
    change.reason = "rewritten"
    with pytest.raises(Exception, match="audit trail"):
        db.session.commit()
