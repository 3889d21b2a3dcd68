"""Fixtures for the import parsers: the seed files and DOCX documents built on the spot."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
SEEDS = {
    "1 October": "000_580f835d96850bff.txt",
    "23 December": "002_5819299c79c97b58.txt",
}


@pytest.fixture
def seed() -> Callable[[str], bytes]:
    """Return a seed file's bytes by the date of its journal entry."""
    return lambda key: (FIXTURES / SEEDS[key]).read_bytes()


@pytest.fixture
def docx_bytes() -> Callable[[Callable[[docx.document.Document], None]], bytes]:
    """Return a function that builds a DOCX with python-docx and returns its bytes."""

    def build(fill: Callable[[docx.document.Document], None]) -> bytes:
        document = docx.Document()
        fill(document)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    return build
