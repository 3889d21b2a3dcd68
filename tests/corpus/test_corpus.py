"""The sample corpus is complete and its gold alignment agrees with its files."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from app.services.demo import read_corpus

CORPORA = Path(__file__).resolve().parents[2] / "corpora"


def test_gold_alignment_matches_the_corpus_files() -> None:
    result = subprocess.run(
        [sys.executable, str(CORPORA / "check_gold.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_document_has_an_original_and_a_translation() -> None:
    collections = list(read_corpus(CORPORA))
    assert [c.slug for c in collections] == ["puzanov-1957"]
    documents = collections[0].documents
    assert len(documents) >= 5
    assert all(d.original.stat().st_size and d.translation.stat().st_size for d in documents)
    sizes = sorted(len(d.original.read_text(encoding="utf-8")) for d in documents)
    assert sizes[-1] > 5 * sizes[0], "the corpus should hold documents of very different lengths"


def test_starter_glossary_has_the_terms_the_demo_is_about() -> None:
    path = CORPORA / "puzanov-1957" / "glossary.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert set(rows[0]) == {
        "term",
        "ru_variants",
        "preferred",
        "admitted",
        "forbidden",
        "note",
        "status",
    }
    by_term = {row["term"]: row for row in rows}
    assert "VNS" in by_term["ВНС"]["forbidden"]
    assert by_term["ВНС"]["preferred"] == "Supreme People's Assembly"
