"""Language codes as imported files write them ("ru", "ru-RU", "EN", "en_US")."""

from __future__ import annotations

import re

LANGUAGE_NAMES = {"ru": "Russian", "en": "English"}


def primary_subtag(code: str) -> str:
    """Return the primary language subtag, lower-case: "en-US" -> "en"."""
    return re.split(r"[-_]", code.strip(), maxsplit=1)[0].lower()


def describe_language(code: str) -> str:
    """Return "Russian (ru)" for a code, or the code alone when its name is not known."""
    primary = primary_subtag(code)
    return f"{LANGUAGE_NAMES[primary]} ({code})" if primary in LANGUAGE_NAMES else f'"{code}"'
