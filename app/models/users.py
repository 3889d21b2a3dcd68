"""Accounts and their roles."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Boolean, Enum, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped


class Role(StrEnum):
    TRANSLATOR = "translator"
    EDITOR = "editor"
    LINGUIST = "linguist"
    ADMIN = "admin"


def enum_column(enum: type[StrEnum], name: str) -> Enum:
    """Store a StrEnum by value as a portable VARCHAR with a CHECK constraint."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda members: [m.value for m in members],
    )


class User(Base, Timestamped):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # SHA-256 of the API token; the token itself is shown once and never stored.
    api_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)

    # The attributes Flask-Login expects of a user, kept here so models import nothing from Flask.
    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        return str(self.id)

    def __repr__(self) -> str:
        return f"<User {self.username} ({self.role})>"
