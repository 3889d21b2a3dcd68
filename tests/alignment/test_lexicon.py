"""The lexicon a collection keeps: glossary terms, learning from confirmed beads, save and load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alignment import align
from alignment.corebuild import build
from alignment.lexicon import CORE_JSON, CORE_TEXT, Lexicon, core_pairs, ru_stem
from tests.alignment.journal_pairs import SRC, TGT


def test_core_lexicon_knows_inflected_forms() -> None:
    core = core_pairs()
    assert "said" in core[ru_stem("сказал")]
    assert "went" in core[ru_stem("шёл")]  # a form pymorphy3 finds under идти
    assert "n:3" in core[ru_stem("трёх")]


def test_a_glossary_term_becomes_a_usable_pair() -> None:
    lexicon = Lexicon()
    lexicon.add_term("Верховное народное собрание", "Supreme People's Assembly")
    links = lexicon.links()
    assert "assembl" in links[ru_stem("собрание")]
    assert "suprem" in links[ru_stem("верховного")]


def test_learning_from_confirmed_beads_finds_repeated_pairs() -> None:
    src = [
        "Хамхын растет.",
        "Завод в Хамхыне.",
        "Мы поехали в Хамхын.",
        "Хамхын далеко от Пхеньяна.",
    ]
    tgt = [
        "Hamhung grows.",
        "A factory in Hamhung.",
        "We went to Hamhung.",
        "Hamhung is far from Pyongyang.",
    ]
    assert ru_stem("Хамхын") not in core_pairs()
    lexicon = Lexicon()
    lexicon.learn(src, tgt, [((i,), (i,)) for i in range(len(src))])
    assert lexicon.links()[ru_stem("Хамхыне")] == {"hamhung"}


def test_save_and_load_give_the_same_lexicon(tmp_path: Path) -> None:
    lexicon = Lexicon()
    lexicon.add_term("ВНС", "Supreme People's Assembly")
    lexicon.learn(SRC, TGT, [((i,), (i,)) for i in range(len(SRC))])
    path = tmp_path / "lexicon.json"
    lexicon.save(path)
    loaded = Lexicon.load(path)
    assert loaded.counts == lexicon.counts
    assert loaded.terms == lexicon.terms
    assert loaded.links() == lexicon.links()
    assert Lexicon.from_dict(json.loads(json.dumps(lexicon.to_dict()))).counts == lexicon.counts


def test_loading_something_else_is_refused() -> None:
    with pytest.raises(ValueError, match="not a Sverka lexicon"):
        Lexicon.from_dict({"format": "other"})


def test_a_lexicon_passed_to_align_is_used() -> None:
    src = ["Заседание ВНС открылось.", "Погода была теплой."]
    tgt = ["The weather was warm."]
    without = align(src, tgt).beads
    lexicon = Lexicon()
    lexicon.add_term("ВНС", "Supreme People's Assembly")
    with_term = align(
        src, ["The session of the Supreme People's Assembly opened."] + tgt, lexicon=lexicon
    ).beads
    assert [(b.src, b.tgt) for b in with_term] == [((0,), (0,)), ((1,), (1,))]
    assert len(without) == 2


def test_the_shipped_core_expansion_is_built_from_the_core_list() -> None:
    built = build(CORE_TEXT.read_text(encoding="utf-8"))
    shipped = json.loads(CORE_JSON.read_text(encoding="utf-8"))
    assert built == shipped, "run `python -m alignment.corebuild` after editing the core list"


def test_the_package_exports_the_lexicon_the_app_keeps() -> None:
    import alignment

    assert alignment.Lexicon is Lexicon
    kept = alignment.Lexicon()
    kept.add_term("ВНС", "Supreme People's Assembly")
    kept = alignment.Lexicon.from_dict(json.loads(json.dumps(kept.to_dict())))
    src = ["Заседание ВНС открылось.", "Погода была теплой."]
    tgt = ["The session of the Supreme People's Assembly opened.", "The weather was warm."]
    beads = alignment.align(src, tgt, lexicon=kept).beads
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), (1,))]
