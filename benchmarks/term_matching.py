"""Recall of Russian term matching on the sample corpus: pymorphy3 lemmas vs Snowball stems.

Run: python -m benchmarks.term_matching

The starter glossary lists, per entry, the forms the corpus actually uses (case forms, short
forms). Each matcher is given only the dictionary forms of an entry (the term, plus the other
wordings written in the nominative, listed in BASE_FORMS below by hand) and must find every
occurrence of every listed form in the Russian texts. An occurrence counts as found when a
match of the same entry overlaps it. Matches that overlap no listed occurrence are counted as
"extra" and printed, since they are either forms the glossary missed or false matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from app.services.terms.csvfile import read_csv
from app.services.terms.records import TermRecord
from app.services.terms.russian import (
    Keyer,
    Match,
    combined_keys,
    compile_form,
    find_forms,
    lemma_keys,
    stem_keys,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "puzanov-1957"
# Other wordings of an entry in their dictionary form; the matchers derive every case form.
BASE_FORMS: dict[str, tuple[str, ...]] = {
    "ВНС": ("Верховное Народное Собрание",),
    "Президиум ВНС": ("Президиум Верховного Народного Собрания",),
    "ТПК": ("Трудовая партия Кореи",),
    "Президиум ЦК": ("Президиум ЦК ТПК",),
    "КНА": ("Корейская народная армия",),
    "тов.": ("т.",),
    "Кабинет Министров КНДР": ("Кабинет Министров",),
    "сельскохозяйственный кооператив": ("сельхозкооператив", "кооператив"),
    "Совещание представителей коммунистических и рабочих партий": ("Московское совещание",),
    "№": ("Вх. №", "Экз. №"),
}
KEYERS: dict[str, Keyer] = {
    "snowball": stem_keys,
    "pymorphy3": lemma_keys,
    "pymorphy3+snowball": combined_keys,
}


def listed_occurrences(text: str, entry: TermRecord) -> list[tuple[int, int]]:
    """Return the spans where a form the glossary lists occurs verbatim (outermost only)."""
    spans = []
    for form in entry.russian():
        pattern = r"(?<!\w)" + re.escape(form) + (r"(?!\w)" if form[-1].isalnum() else "")
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def overlaps(span: tuple[int, int], matches: Iterable[Match]) -> bool:
    return any(m.start < span[1] and span[0] < m.end for m in matches)


def measure(
    keyer: Keyer, entries: list[TermRecord], texts: list[str]
) -> tuple[int, int, list[str]]:
    """Return (found, total, extra matches) for one matcher over the corpus."""
    found = total = 0
    extra = []
    for entry in entries:
        bases = (entry.term, *BASE_FORMS.get(entry.term, ()))
        patterns = [p for p in (compile_form(b, keyer) for b in bases) if p]
        for text in texts:
            matches = find_forms(text, patterns)
            listed = listed_occurrences(text, entry)
            total += len(listed)
            found += sum(overlaps(span, matches) for span in listed)
            extra += [
                f"{entry.term}: {text[m.start : m.end]!r}"
                for m in matches
                if not any(m.start < e and s < m.end for s, e in listed)
            ]
    return found, total, extra


def main() -> None:
    entries = read_csv((CORPUS / "glossary.csv").read_text(encoding="utf-8"))
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.ru.txt"))]
    for name, keyer in KEYERS.items():
        found, total, extra = measure(keyer, entries, texts)
        share = f"{found}/{total} = {found / total:.1%}"
        print(f"{name:<20} recall {share}, extra matches {len(extra)}")
        for line in sorted(set(extra)):
            print(f"    extra  {line}")


if __name__ == "__main__":
    main()
