"""Real-browser tests: the app served on a free port against the test database, driven by
headless Chromium through Playwright. Skipped, saying why, when Chromium or Playwright is absent.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - the dev extra installs it
    sync_playwright = None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the browser tests, with the reason, where they cannot run."""
    reason = None
    if sync_playwright is None:
        reason = "Playwright for Python is not installed (pip install -e '.[dev]')"
    elif not CHROMIUM.exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    for item in items:
        if reason and item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole run (starting it takes a second or two)."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def live_server(app: Flask) -> Iterator[str]:
    """Serve the test app (on its fresh test database) on a free port; return its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


@pytest.fixture
def new_page(browser: Browser, live_server: str) -> Iterator[Any]:
    """Open pages in fresh browser contexts (separate cookies: separate people)."""
    contexts = []

    def open_page(**options: Any) -> Page:
        viewport = {"width": 1300, "height": 900}
        context = browser.new_context(base_url=live_server, viewport=viewport, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
