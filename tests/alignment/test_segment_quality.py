"""Boundary F1 of the splitter on hand-split archival journals, against plain Punkt."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from nltk.tokenize.punkt import PunktSentenceTokenizer

from alignment import split_sentences

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "segment"
SETS = ["archival_gold.jsonl", "archival_heldout.jsonl"]
SIDES = [("src", "ru"), ("tgt", "en")]
Splitter = Callable[[str, str], list[str]]


def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_gold", FIXTURES / "build_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def documents(set_name: str) -> list[dict[str, object]]:
    lines = (FIXTURES / set_name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def boundaries(sentences: list[str]) -> set[int]:
    """Sentence ends counted in non-space characters, as the eval scorer counts them."""
    ends, position = set(), 0
    for sentence in sentences:
        position += sum(1 for ch in sentence if not ch.isspace())
        ends.add(position)
    return ends


def boundary_f1(set_name: str, side: str, lang: str, split: Splitter) -> float:
    hit = predicted = gold = 0
    for doc in documents(set_name):
        gold_ends = boundaries(doc[side])  # type: ignore[arg-type]
        predicted_ends = boundaries(split(str(doc[f"{side}_text"]), lang))
        hit += len(gold_ends & predicted_ends)
        predicted += len(predicted_ends)
        gold += len(gold_ends)
    return 2 * hit / (predicted + gold)


def ours(text: str, lang: str) -> list[str]:
    return [str(segment) for segment in split_sentences(text, lang)]


def plain_punkt(text: str, lang: str) -> list[str]:
    return [s.strip() for s in PunktSentenceTokenizer().tokenize(text) if s.strip()]


@pytest.mark.parametrize("set_name", SETS)
def test_gold_files_are_built_from_the_marked_texts(set_name: str) -> None:
    assert (FIXTURES / set_name).read_text(encoding="utf-8") == builder().build_lines(set_name)


@pytest.mark.parametrize("set_name", SETS)
def test_gold_beads_cover_every_sentence_once_in_order(set_name: str) -> None:
    for doc in documents(set_name):
        beads = doc["gold"]
        assert isinstance(beads, list)
        src_ids = [i for src, _ in beads for i in src]
        tgt_ids = [j for _, tgt in beads for j in tgt]
        assert src_ids == list(range(len(doc["src"])))  # type: ignore[arg-type]
        assert tgt_ids == list(range(len(doc["tgt"])))  # type: ignore[arg-type]
        assert all(src or tgt for src, tgt in beads)


@pytest.mark.parametrize("set_name", SETS)
@pytest.mark.parametrize(("side", "lang"), SIDES)
def test_splitter_finds_the_hand_marked_boundaries(set_name: str, side: str, lang: str) -> None:
    assert boundary_f1(set_name, side, lang, ours) >= 0.98


@pytest.mark.parametrize("set_name", SETS)
@pytest.mark.parametrize(("side", "lang"), SIDES)
def test_plain_punkt_is_far_behind(set_name: str, side: str, lang: str) -> None:
    baseline = boundary_f1(set_name, side, lang, plain_punkt)
    assert baseline < boundary_f1(set_name, side, lang, ours) - 0.2
