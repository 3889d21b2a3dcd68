"""Punkt parameters: read from the data files, trained on project text, written back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alignment.punkt import load_lists, read_rows
from alignment.punkt_train import main, texts_of, train_parameters, write_trained

# "проц." (per cent) is in no curated list; Punkt's trainer should learn it.
TRAINING_TEXT = " ".join(
    f"Урожай риса вырос на {n} проц. по сравнению с прошлым годом. Посол сообщил об этом."
    for n in range(10, 60)
)


def test_curated_lists_are_loaded() -> None:
    lists = load_lists("ru")
    assert {"тов", "т.е", "гг", "им", "тыс", "млн", "руб", "стр", "оп"} <= lists.abbreviations
    assert "тов" in lists.prefixes
    assert "им" not in lists.prefixes  # the pronoun "им" ends sentences
    assert "затем" in lists.starters
    assert ("no", "##number##") in load_lists("en").collocations


def test_rows_keep_number_types_and_skip_comment_lines(tmp_path: Path) -> None:
    path = tmp_path / "rows.txt"
    path.write_text("# a comment\n\nno\t##number##\n  # another\nтов prefix\n", encoding="utf-8")
    assert read_rows(path) == [["no", "##number##"], ["тов", "prefix"]]


def test_unknown_language_has_no_parameters() -> None:
    with pytest.raises(ValueError, match="'fr'"):
        load_lists("fr")


def test_training_learns_an_abbreviation_and_writes_files_that_load(tmp_path: Path) -> None:
    params = train_parameters([TRAINING_TEXT])
    assert "проц" in params.abbrev_types
    written = write_trained("ru", params, tmp_path)
    assert [path.name for path in written] == ["punkt_ru_ortho.tsv", "punkt_ru_learned.tsv"]
    lists = load_lists("ru", tmp_path)
    assert "проц" in lists.abbreviations
    assert lists.ortho_context["урожай"] > 0


def test_learned_file_lists_only_what_the_curated_lists_lack(tmp_path: Path) -> None:
    (tmp_path / "punkt_ru_abbrev.txt").write_text("проц\n", encoding="utf-8")
    write_trained("ru", train_parameters([TRAINING_TEXT]), tmp_path)
    learned = read_rows(tmp_path / "punkt_ru_learned.tsv")
    assert ["abbrev", "проц"] not in learned


def test_eval_jsonl_gives_the_side_in_the_language(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    doc = {
        "src_lang": "ru",
        "tgt_lang": "en",
        "src": ["Один.", "Два."],
        "tgt": ["One."],
        "gold": [[[0, 1], [0]]],
    }
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    assert texts_of(path, "ru") == ["Один. Два."]
    assert texts_of(path, "en") == ["One."]


def test_command_line_trains_into_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.txt"
    corpus.write_text(TRAINING_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["ru", str(corpus), "--out", str(out)]) == 0
    assert capsys.readouterr().out.split() == [
        str(out / "punkt_ru_ortho.tsv"),
        str(out / "punkt_ru_learned.tsv"),
    ]
    assert "проц" in load_lists("ru", out).abbreviations
