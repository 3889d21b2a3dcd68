"""Sverka web application."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from app.config import build_config
from app.extensions import csrf, db, htmx, login_manager, migrate
from app.permissions import can

# Migrations live at the top of the repository (the package is installed in editable mode).
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Create the application: configuration, extensions, blueprints, errors, CLI."""
    app = Flask(__name__, instance_path=os.environ.get("SVERKA_INSTANCE_PATH"))
    app.config.update(build_config(Path(app.instance_path), config))
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR), render_as_batch=True)
    login_manager.init_app(app)
    csrf.init_app(app)
    htmx.init_app(app)

    from app import accounts, api, errors, library, review, terms, vendor
    from app.cli import register_commands

    for blueprint in (accounts.bp, api.bp, library.bp, review.bp, terms.bp, vendor.bp):
        app.register_blueprint(blueprint)
    errors.register(app)
    app.jinja_env.globals["can"] = can
    register_commands(app)
    return app
