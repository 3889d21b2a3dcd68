"""Checks of the engine on gold files: confidence reliability and learning from review."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from alignment.evaluate import (
    Sides,
    _key,
    correct_beads,
    gold_beads,
    merge_inside_gold,
    prf,
    split_nulls,
)
from alignment.lexicon import Lexicon
from alignment.search import align
from alignment.types import Bead

BINS = (0.0, 0.3, 0.5, 0.7, 0.9, 0.97, 1.0)
SEED = 3  # which half of the gold is "confirmed" in the feedback experiment


def align_doc(
    doc: dict[str, Any], lexicon: Lexicon | None = None, anchors: Sequence[Sides] | None = None
) -> list[Bead]:
    """Align one gold document with the engine."""
    return align(
        doc["src"],
        doc["tgt"],
        src_lang=doc.get("src_lang", "ru"),
        tgt_lang=doc.get("tgt_lang", "en"),
        lexicon=lexicon,
        anchors=anchors,
    ).beads


def reliability(docs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Count beads and right beads per confidence bin (the last bin includes 1.0)."""
    bounds = zip(BINS, BINS[1:], strict=False)
    rows = [{"low": lo, "high": hi, "beads": 0, "right": 0} for lo, hi in bounds]
    for doc in docs:
        beads = align_doc(doc)
        for bead, right in zip(beads, correct_beads(doc, beads), strict=True):
            row = next(r for r in rows if bead.confidence < r["high"] or r["high"] == 1.0)
            row["beads"] += 1
            row["right"] += int(right)
    return rows


def format_reliability(rows: Sequence[dict[str, Any]]) -> str:
    """Render the reliability table with the share of errors in each bin."""
    errors = sum(r["beads"] - r["right"] for r in rows) or 1
    lines = ["confidence     beads  right  accuracy  share of errors"]
    for r in rows:
        acc = r["right"] / r["beads"] if r["beads"] else float("nan")
        wrong = r["beads"] - r["right"]
        lines.append(
            f"[{r['low']:.2f}, {r['high']:.2f}{']' if r['high'] == 1.0 else ')'}  "
            f"{r['beads']:6d} {r['right']:6d}  {acc:8.3f}  {wrong / errors:15.3f}"
        )
    return "\n".join(lines)


def confirmed_half(doc: dict[str, Any]) -> list[Sides]:
    """Pick half of a document's gold beads, the same half every run."""
    gold = gold_beads(doc)
    picked = sorted(random.Random(f"{SEED}:{doc['id']}").sample(range(len(gold)), len(gold) // 2))
    return [gold[k] for k in picked]


def feedback(docs: Sequence[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Score the unconfirmed half of the gold with and without feeding back the other half."""
    lexicon = Lexicon()
    for doc in docs:
        lexicon.learn(doc["src"], doc["tgt"], confirmed_half(doc))
    runs: dict[str, dict[str, float]] = {}
    for name, use_anchors, use_lexicon in (
        ("no feedback", False, False),
        ("anchors", True, False),
        ("learned lexicon", False, True),
        ("anchors + lexicon", True, True),
    ):
        counts = [0, 0, 0]
        for doc in docs:
            given = confirmed_half(doc)
            beads = align_doc(doc, lexicon if use_lexicon else None, given if use_anchors else None)
            _count_rest(doc, [(b.src, b.tgt) for b in beads], given, counts)
        runs[name] = prf(*counts)
    return runs


def _count_rest(
    doc: dict[str, Any], pred: list[Sides], given: list[Sides], counts: list[int]
) -> None:
    """Add strict matches counted only on the beads that were not given."""
    gold = gold_beads(doc)
    if doc.get("coarse"):
        pred = merge_inside_gold(pred, gold)
    known = {_key(b) for b in split_nulls(given)}
    gold_rest = {_key(b) for b in split_nulls(gold)} - known
    pred_rest = {_key(b) for b in split_nulls(pred)} - known
    counts[0] += len(gold_rest & pred_rest)
    counts[1] += len(pred_rest)
    counts[2] += len(gold_rest)
