"""Score alignments against gold JSON Lines files, the way the project's scorer does.

Strict bead F1 and link F1 micro-averaged over the documents of a file; with `coarse` gold,
predicted beads inside one gold unit are merged first; null beads count one sentence at a time.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alignment.types import Bead

Sides = tuple[tuple[int, ...], tuple[int, ...]]
Aligner = Callable[[dict[str, Any]], Sequence[Bead]]


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read one JSON document per non-empty line."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gold_beads(doc: dict[str, Any]) -> list[Sides]:
    """Return the gold beads of a document as tuples."""
    return [(tuple(s), tuple(t)) for s, t in doc["gold"]]


def merge_inside_gold(pred: Sequence[Sides], gold: Sequence[Sides]) -> list[Sides]:
    """Merge runs of consecutive predicted beads that all fall inside one gold unit."""
    unit: dict[tuple[int, int], int] = {}
    for g, (s, t) in enumerate(gold):
        unit.update({(0, i): g for i in s})
        unit.update({(1, j): g for j in t})
    merged: list[Sides] = []
    labels: list[int | None] = []
    for s, t in pred:
        units = {unit[(0, i)] for i in s} | {unit[(1, j)] for j in t}
        label = units.pop() if len(units) == 1 else None
        if label is not None and labels and labels[-1] == label:
            merged[-1] = (merged[-1][0] + s, merged[-1][1] + t)
        else:
            merged.append((s, t))
            labels.append(label)
    return merged


def split_nulls(beads: Iterable[Sides]) -> list[Sides]:
    """Write every null bead as single-sentence null beads."""
    out: list[Sides] = []
    for s, t in beads:
        if s and t:
            out.append((s, t))
        else:
            out.extend(((i,), ()) for i in s)
            out.extend(((), (j,)) for j in t)
    return out


def _key(bead: Sides) -> tuple[frozenset[int], frozenset[int]]:
    return frozenset(bead[0]), frozenset(bead[1])


def prf(hit: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 rounded as the scorer prints them."""
    p = hit / n_pred if n_pred else 0.0
    r = hit / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class Tally:
    """Running counts of matched beads and links over documents."""

    counts: list[int] = field(default_factory=lambda: [0] * 6)
    docs: int = 0

    def add(self, doc: dict[str, Any], pred: Sequence[Sides]) -> None:
        """Count one document's predicted beads against its gold."""
        gold = gold_beads(doc)
        if doc.get("coarse"):
            pred = merge_inside_gold(pred, gold)
        gold_set = {_key(b) for b in split_nulls(gold)}
        pred_set = {_key(b) for b in split_nulls(pred)}
        gold_links = {(i, j) for s, t in gold for i in s for j in t}
        pred_links = {(i, j) for s, t in pred for i in s for j in t}
        for k, v in enumerate(
            (
                len(gold_set & pred_set),
                len(pred_set),
                len(gold_set),
                len(gold_links & pred_links),
                len(pred_links),
                len(gold_links),
            )
        ):
            self.counts[k] += v
        self.docs += 1

    def result(self) -> dict[str, Any]:
        """Return strict and link precision/recall/F1."""
        c = self.counts
        return {
            "documents": self.docs,
            "strict": prf(c[0], c[1], c[2]),
            "link": prf(c[3], c[4], c[5]),
        }


def correct_beads(doc: dict[str, Any], beads: Sequence[Bead]) -> list[bool]:
    """Tell for each predicted bead whether it is right (its merged unit matches the gold)."""
    gold = gold_beads(doc)
    gold_set = {_key(b) for b in split_nulls(gold)}
    if not doc.get("coarse"):
        return [all(_key(x) in gold_set for x in split_nulls([(b.src, b.tgt)])) for b in beads]
    sides = [(b.src, b.tgt) for b in beads]
    merged = merge_inside_gold(sides, gold)
    right_units = {_key(m) for m in merged if all(_key(x) in gold_set for x in split_nulls([m]))}
    out = []
    for s, t in sides:
        unit = next(m for m in merged if set(s) <= set(m[0]) and set(t) <= set(m[1]))
        out.append(_key(unit) in right_units)
    return out


def report_line(name: str, result: dict[str, Any]) -> str:
    """Format one file's result exactly like the scorer's table line."""
    parts = [f"{name}:"]
    for key in ("strict", "link"):
        m = result[key]
        parts.append(f"{key} P={m['precision']:.4f} R={m['recall']:.4f} F1={m['f1']:.4f}")
    if "seconds" in result:
        parts.append(f"{result['sentences']} sentences in {result['seconds']:.3f}s")
    return "  ".join(parts)


def check_cover(beads: Sequence[Sides], n_src: int, n_tgt: int) -> str | None:
    """Return a complaint if beads are not monotone or do not cover every sentence once."""
    next_s = next_t = 0
    for s, t in beads:
        for i in s:
            if i != next_s:
                return f"source sentence {next_s} expected, got {i}"
            next_s += 1
        for j in t:
            if j != next_t:
                return f"target sentence {next_t} expected, got {j}"
            next_t += 1
    if next_s != n_src or next_t != n_tgt:
        return f"covers {next_s}/{n_src} source and {next_t}/{n_tgt} target sentences"
    return None


def evaluate_docs(docs: Sequence[dict[str, Any]], aligner: Aligner) -> dict[str, Any]:
    """Align every document, score it and time the aligner."""
    tally, problems, spent = Tally(), [], 0.0
    for doc in docs:
        start = time.perf_counter()
        beads = aligner(doc)
        spent += time.perf_counter() - start
        sides = [(tuple(b.src), tuple(b.tgt)) for b in beads]
        complaint = check_cover(sides, len(doc["src"]), len(doc["tgt"]))
        if complaint:
            problems.append(f"{doc['id']}: {complaint}")
        tally.add(doc, sides)
    result = tally.result()
    result["seconds"] = round(spent, 3)
    result["sentences"] = sum(len(d["src"]) + len(d["tgt"]) for d in docs)
    result["invalid"] = problems
    return result
