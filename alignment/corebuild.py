"""Expand the hand-written core lexicon to stems of every inflected form (run after editing it).

python -m alignment.corebuild      # rewrites alignment/data/core_ru_en.json
"""

from __future__ import annotations

import json
from pathlib import Path

import pymorphy3

from alignment.lexicon import CORE_JSON, CORE_TEXT, en_stem, ru_stem
from alignment.tokens import english_number


def parse_entries(text: str) -> list[tuple[list[str], list[str]]]:
    """Read "lemma, lemma | english, english" lines (comments start with #)."""
    entries = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "|" not in line:
            continue
        left, right = line.split("|", 1)
        ru = [w.strip().lower() for w in left.split(",") if w.strip()]
        en = [w.strip().lower() for w in right.split(",") if w.strip()]
        entries.append((ru, en))
    return entries


def word_forms(lemma: str, morph: pymorphy3.MorphAnalyzer) -> set[str]:
    """Return the lemma and every form of the lexemes it is the normal form of."""
    forms = {lemma}
    for parse in morph.parse(lemma):
        if parse.normal_form.replace("ё", "е") == lemma.replace("ё", "е"):
            forms.update(f.word for f in parse.lexeme)
    return forms


def english_concept(word: str) -> str:
    """Return the concept an English lexicon word stands for: a number or a stem."""
    if word.isdigit():
        return f"n:{int(word)}"
    digits = english_number(word)
    return f"n:{digits}" if digits else en_stem(word)


def build(text: str) -> dict[str, list[str]]:
    """Map every Russian stem of the core lexicon to its English stems and number concepts."""
    morph = pymorphy3.MorphAnalyzer()
    table: dict[str, set[str]] = {}
    for ru_lemmas, en_words in parse_entries(text):
        concepts = {english_concept(w) for w in en_words}
        concepts |= {f"n:{english_number(w)}" for w in en_words if english_number(w)}
        concepts |= {en_stem(w) for w in en_words if english_number(w)}
        for lemma in ru_lemmas:
            for form in word_forms(lemma, morph):
                table.setdefault(ru_stem(form), set()).update(concepts)
    return {ru: sorted(en) for ru, en in sorted(table.items())}


def main(path: Path = CORE_JSON) -> None:
    """Rebuild the expanded core lexicon file."""
    table = build(CORE_TEXT.read_text(encoding="utf-8"))
    path.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(table)} Russian stems written to {path}")


if __name__ == "__main__":
    main()
