"""`align`: two passes of banded search with a translation model learned in between.

Pass 1 aligns with the core lexicon (plus the caller's lexicon) — for a long text it only
takes the chain of sure pairs the band is built on; its pairs train an IBM Model 1 on the
document pair itself (as hunalign and Moore's aligner do), and give the length ratio; pass 2
aligns again with the learned pairs added, and bead posteriors from pass 2 give the
confidence. Paired anchors cut the problem into independent stretches; null anchors forbid
their sentences to pair.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from alignment.anchors import normalize_anchors, null_masks, put_back_nulls, stretches
from alignment.arrays import FloatArray
from alignment.concepts import Concepts, shared_words
from alignment.confidence import calibrate
from alignment.learn import document_links, merge_links, new_links
from alignment.lexicon import Lexicon, core_pairs
from alignment.scoring import CostParams, Features
from alignment.solve import Found, solve, sub_features, sure_pairs
from alignment.tokens import without_markup
from alignment.types import Alignment, Bead
from alignment.vectors import ConceptVectors, Tokens

TEMPERATURE = 1.0  # posteriors are computed on costs divided by this
RATIO_RANGE = (0.75, 1.6)  # the learned length ratio stays inside this range
BeadSides = tuple[tuple[int, ...], tuple[int, ...]]
# Other language pairs: the lexicons know no words, so pairing may not wait for word evidence;
# lengths, numbers, names and punctuation decide.
LENGTH_FIRST = CostParams(match_cost=0.0, ratio=1.0)


def align(
    src: Sequence[object],
    tgt: Sequence[object],
    src_lang: str = "ru",
    tgt_lang: str = "en",
    lexicon: Lexicon | None = None,
    anchors: Iterable[object] | None = None,
) -> Alignment:
    """Align source and target sentences into monotone beads covering every sentence once."""
    src_text, tgt_text = [str(s) for s in src], [str(t) for t in tgt]
    fixed = normalize_anchors(anchors, len(src_text), len(tgt_text))
    if src_lang == "en" and tgt_lang == "ru":  # the lexicons run Russian -> English
        swapped = align(
            tgt_text,
            src_text,
            "ru",
            "en",
            lexicon,
            [Bead(b.tgt, b.src, b.confidence) for b in fixed],
        )
        return Alignment([Bead(b.tgt, b.src, b.confidence) for b in swapped.beads])
    params = CostParams() if (src_lang, tgt_lang) == ("ru", "en") else LENGTH_FIRST
    return Alignment(_two_passes(src_text, tgt_text, params, lexicon, fixed))


def _two_passes(
    src_text: list[str],
    tgt_text: list[str],
    params: CostParams,
    lexicon: Lexicon | None,
    fixed: list[Bead],
) -> list[Bead]:
    """Pass 1, learning from its sure pairs, pass 2 with what was learned (see the top)."""
    extra = lexicon.links() if lexicon else {}
    table = shared_words()  # this call keeps this table, whatever other calls do
    tokens = (Tokens.of(src_text), Tokens.of(tgt_text))
    vocab = (table.lookup(tokens[0].vocab), table.lookup(tokens[1].vocab))
    lengths = (_lengths(src_text), _lengths(tgt_text))
    nulls = null_masks(fixed, len(src_text), len(tgt_text))
    expanded = (table.expand(vocab[0], extra), table.expand(vocab[1], extra))
    vectors = ConceptVectors(tokens)
    feat = features(vectors, expanded, lengths, nulls)
    first = _align_gaps(feat, fixed, lambda f: sure_pairs(f, params))
    confirmed = [(f.src, f.tgt) for f in first if f.src and f.tgt]
    found = document_links(tokens, (vocab[0].words, vocab[1].words), confirmed)
    final = _with_ratio(params, confirmed, src_text, tgt_text)
    # words whose stem learned nothing new keep their concepts
    learned = merge_links(extra, new_links(found, core_pairs(), extra))
    expanded = (
        table.expand(vocab[0], learned, expanded[0]),
        table.expand(vocab[1], learned, expanded[1]),
    )
    feat = features(vectors, expanded, lengths, nulls)
    second = _align_gaps(feat, fixed, lambda f: solve(f, final, TEMPERATURE))
    beads = [f if isinstance(f, Bead) else Bead(f.src, f.tgt, calibrate(f)) for f in second]
    return put_back_nulls(beads, fixed)


def _lengths(sentences: list[str]) -> FloatArray:
    return np.array([len(without_markup(s).strip()) for s in sentences], dtype=np.float64)


def features(
    vectors: ConceptVectors,
    expanded: tuple[list[Concepts], list[Concepts]],
    lengths: tuple[FloatArray, FloatArray],
    nulls: tuple[FloatArray, FloatArray],
) -> Features:
    """Build concept vectors for both sides; add lengths and confirmed-unpaired marks."""
    a, b = vectors.build(expanded)
    return Features(a, b, lengths[0], lengths[1], nulls[0], nulls[1])


def _align_gaps(
    feat: Features, fixed: list[Bead], solver: Callable[[Features], list[Found]]
) -> list[Found | Bead]:
    """Solve every stretch between anchors; return its beads and the anchors, in order."""
    out: list[Found | Bead] = []
    for s0, s1, t0, t1, anchor in stretches(fixed, feat.src.rows, feat.tgt.rows):
        if s1 > s0 or t1 > t0:
            found = solver(sub_features(feat, s0, s1, t0, t1))
            out.extend(found if s0 == t0 == 0 else [_shifted(f, s0, t0) for f in found])
        if anchor is not None:
            out.append(anchor)
    return out


def _shifted(found: Found, s0: int, t0: int) -> Found:
    """Move a bead found in a stretch to the stretch's place in the whole text."""
    src = tuple(i + s0 for i in found.src)
    return Found(src, tuple(j + t0 for j in found.tgt), found.posterior)


def _with_ratio(
    params: CostParams, beads: list[BeadSides], src: list[str], tgt: list[str]
) -> CostParams:
    """Return the parameters with the length ratio measured on the pass-1 beads."""
    src_chars = sum(len(src[i]) for s, _ in beads for i in s)
    tgt_chars = sum(len(tgt[j]) for _, t in beads for j in t)
    if src_chars < 500:  # too little text to measure: keep the prior ratio
        return params
    ratio = min(max(tgt_chars / src_chars, RATIO_RANGE[0]), RATIO_RANGE[1])
    return dataclasses.replace(params, ratio=ratio)
