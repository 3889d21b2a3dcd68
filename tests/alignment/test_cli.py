"""`python -m alignment align` and `eval` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.alignment.journal_pairs import PAIRS, SRC, TGT

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alignment", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_align_prints_one_tsv_line_per_bead(tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_text("\n".join(SRC[:4]), encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(TGT[:4]), encoding="utf-8")
    out = run("align", str(tmp_path / "ru.txt"), str(tmp_path / "en.txt"))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0].split("\t")[:3] == ["src_ids", "tgt_ids", "confidence"]
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == 5 for r in rows)
    assert any("Nam Il thanked me" in r[4] and "поблагодарил" in r[3] for r in rows)


def test_align_reports_a_missing_file(tmp_path: Path) -> None:
    out = run("align", str(tmp_path / "none.txt"), str(tmp_path / "none.txt"))
    assert out.returncode != 0
    assert "cannot read" in out.stderr


def test_eval_scores_a_gold_file(tmp_path: Path) -> None:
    doc = {
        "id": "journal",
        "src_lang": "ru",
        "tgt_lang": "en",
        "coarse": False,
        "src": SRC,
        "tgt": TGT,
        "gold": [[[i], [i]] for i in range(len(PAIRS))],
    }
    gold = tmp_path / "journal.jsonl"
    gold.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    out = run("eval", "--reliability", str(gold))
    assert out.returncode == 0, out.stderr
    assert "journal.jsonl:  strict P=1.0000 R=1.0000 F1=1.0000" in out.stdout
    assert "[0.97, 1.00]" in out.stdout
