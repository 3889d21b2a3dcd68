"""Validate the gold sentence alignment of the sample corpus against its files.

Usage: python corpora/check_gold.py [GOLD.jsonl] [--corpus DIR] [--quiet]

Checks, per document: the required fields; every segment occurs in its text, in
order, with only whitespace between segments (so the segments cover the text);
the beads are in order and cover every segment of both sides exactly once; and
src_text / tgt_text are exactly the Russian file and the body of the English
page (after the "English HTML" line). Every document of the collection must
have a gold record. Exit status 1 and one line per problem if anything fails.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
BODY_MARK = "English HTML\n"
FIELDS = {
    "id": str,
    "src_lang": str,
    "tgt_lang": str,
    "genre": str,
    "coarse": bool,
    "src": list,
    "tgt": list,
    "src_text": str,
    "tgt_text": str,
    "gold": list,
}


def field_problems(doc: dict) -> list[str]:
    """Return complaints about missing or mistyped fields."""
    out = [
        f"field {k!r} missing or not {t.__name__}"
        for k, t in FIELDS.items()
        if not isinstance(doc.get(k), t)
    ]
    if not out and (doc["src_lang"], doc["tgt_lang"]) != ("ru", "en"):
        out.append("languages must be ru -> en")
    if not out and doc["coarse"]:
        out.append("coarse must be false: the gold is sentence-level")
    return out


def coverage_problems(segments: list[str], text: str, side: str) -> list[str]:
    """Return complaints unless the segments tile the text in order (whitespace aside)."""
    pos = 0
    for i, seg in enumerate(segments):
        if not seg or seg != seg.strip():
            return [f"{side} segment {i} is empty or has outer whitespace"]
        found = text.find(seg, pos)
        if found < 0:
            return [f"{side} segment {i} not found in order: {seg[:60]!r}"]
        if text[pos:found].strip():
            return [f"{side} text not covered before segment {i}: {text[pos:found][:60]!r}"]
        pos = found + len(seg)
    if text[pos:].strip():
        return [f"{side} text not covered after the last segment: {text[pos:][:60]!r}"]
    return []


def bead_problems(gold: list, n_src: int, n_tgt: int) -> list[str]:
    """Return complaints unless the beads are monotone and cover every segment once."""
    next_s = next_t = 0
    for k, bead in enumerate(gold):
        if not (isinstance(bead, list) and len(bead) == 2 and (bead[0] or bead[1])):
            return [f"bead {k} is not a pair of id lists with at least one id"]
        for i in bead[0]:
            if i != next_s:
                return [f"bead {k}: source segment {next_s} expected, got {i}"]
            next_s += 1
        for j in bead[1]:
            if j != next_t:
                return [f"bead {k}: target segment {next_t} expected, got {j}"]
            next_t += 1
    if (next_s, next_t) != (n_src, n_tgt):
        return [f"beads cover {next_s}/{n_src} source and {next_t}/{n_tgt} target segments"]
    return []


def file_problems(doc: dict, corpus: Path) -> list[str]:
    """Return complaints unless src_text/tgt_text are exactly the corpus files."""
    collection, _, slug = doc["id"].partition("/")
    ru_path = corpus / collection / f"{slug}.ru.txt"
    en_path = corpus / collection / f"{slug}.en.txt"
    if not (ru_path.is_file() and en_path.is_file()):
        return [f"no files {ru_path.name} / {en_path.name} in {corpus / collection}"]
    out = []
    if ru_path.read_text(encoding="utf-8") != doc["src_text"]:
        out.append(f"src_text differs from {ru_path.name}")
    page = en_path.read_text(encoding="utf-8")
    if BODY_MARK not in page:
        out.append(f"{en_path.name} has no 'English HTML' line")
    elif page.split(BODY_MARK, 1)[1] != doc["tgt_text"]:
        out.append(f"tgt_text differs from the body of {en_path.name}")
    return out


def check_doc(doc: dict, corpus: Path) -> list[str]:
    """Return every complaint about one gold document."""
    problems = field_problems(doc)
    if problems:
        return problems
    return (
        coverage_problems(doc["src"], doc["src_text"], "source")
        + coverage_problems(doc["tgt"], doc["tgt_text"], "target")
        + bead_problems(doc["gold"], len(doc["src"]), len(doc["tgt"]))
        + file_problems(doc, corpus)
    )


def missing_documents(ids: set[str], corpus: Path) -> list[str]:
    """Return complaints for corpus documents that have no gold record."""
    out = []
    for ru_path in sorted(corpus.glob("*/*.ru.txt")):
        doc_id = f"{ru_path.parent.name}/{ru_path.name.removesuffix('.ru.txt')}"
        if doc_id not in ids:
            out.append(f"{doc_id}: in the corpus but not in the gold file")
    return out


def bead_kinds(gold: list) -> Counter[str]:
    """Count beads by shape, e.g. '1-1', '2-1', '1-0'."""
    return Counter(f"{len(s)}-{len(t)}" for s, t in gold)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=HERE / "eval" / "puzanov_gold.jsonl", type=Path)
    ap.add_argument("--corpus", default=HERE, type=Path, help="folder holding the collections")
    ap.add_argument("--quiet", action="store_true", help="print problems only")
    args = ap.parse_args(argv)
    lines = args.gold.read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines if line.strip()]
    problems, total = [], Counter[str]()
    for doc in docs:
        doc_problems = check_doc(doc, args.corpus)
        problems += [f"{doc.get('id', '?')}: {p}" for p in doc_problems]
        if not doc_problems:
            kinds = bead_kinds(doc["gold"])
            total += kinds
            if not args.quiet:
                shapes = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
                print(f"{doc['id']}: {len(doc['src'])} ru / {len(doc['tgt'])} en, {shapes}")
    problems += missing_documents({d.get("id", "") for d in docs}, args.corpus)
    for p in problems:
        print(p, file=sys.stderr)
    if not args.quiet:
        print(f"{len(docs)} documents; " + ", ".join(f"{k} {n}" for k, n in sorted(total.items())))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
