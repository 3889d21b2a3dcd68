"""Configuration: defaults, then the environment, then an explicit mapping (tests)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def instance_secret(instance_path: Path) -> str:
    """Return the secret key stored in the instance folder, creating it once."""
    path = instance_path / "secret_key"
    if not path.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        # Created with owner-only permissions: the key signs sessions and CSRF tokens.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    return path.read_text().strip()


def build_config(instance_path: Path, overrides: Mapping[str, Any] | None) -> dict[str, Any]:
    """Return the app configuration for this instance folder and environment."""
    env = os.environ
    overrides = dict(overrides or {})
    max_upload = int(env.get("SVERKA_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES))
    config: dict[str, Any] = {
        "SQLALCHEMY_DATABASE_URI": env.get(
            "SVERKA_DATABASE_URL", f"sqlite:///{instance_path / 'sverka.sqlite3'}"
        ),
        "SVERKA_MAX_UPLOAD_BYTES": max_upload,
        # Two files per import plus form fields.
        "MAX_CONTENT_LENGTH": 2 * max_upload + 64 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "WTF_CSRF_TIME_LIMIT": None,  # tokens live as long as the session
    }
    config.update(overrides)
    if "SECRET_KEY" not in config:
        config["SECRET_KEY"] = env.get("SVERKA_SECRET_KEY") or instance_secret(instance_path)
    return config
