"""The engine stands alone: importing and running it loads nothing of the web application."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECK = """
import sys
import alignment
alignment.align(["Я посетил Пхеньян."], ["I visited Pyongyang."])
from alignment import __main__, evaluate, experiments, formats, lexicon  # noqa: F401
bad = sorted(m for m in sys.modules
             if m.split(".")[0] in {"flask", "sqlalchemy", "app", "flask_sqlalchemy"})
print(",".join(bad))
"""


def test_engine_imports_nothing_from_flask_sqlalchemy_or_app() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""
