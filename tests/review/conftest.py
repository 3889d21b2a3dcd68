"""Fixtures of the review tests: a small document and its reviewers."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.models import Document, Role, User
from tests.review.builders import build_document

PAIRS = [
    (["Я посетил Ким Ир Сена."], ["I visited Kim Il Sung."], 0.95),
    (["Он поблагодарил."], ["He thanked me."], 0.4),
    (
        ["Мы говорили о выборах.", "Потом о бюджете."],
        ["We spoke of elections and the budget."],
        0.7,
    ),
    (["Беседа длилась час."], ["The talk lasted an hour.", "It was friendly."], 0.9),
    (["Присутствовал Нам Ир."], ["Nam Il was present."], 0.99),
]


@pytest.fixture
def document(session: Session) -> Document:
    """A committed five-bead document (one 2-1 and one 1-2 bead among 1-1 beads).

    Its positions leave room between rows, as after the first renumbering.
    """
    made = build_document(session, PAIRS, positions_step=1024)
    session.commit()
    return made


@pytest.fixture
def translator(users: dict[Role, User]) -> User:
    return users[Role.TRANSLATOR]


@pytest.fixture
def editor(users: dict[Role, User]) -> User:
    return users[Role.EDITOR]
