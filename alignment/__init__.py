"""Sverka's alignment engine: sentence splitting and Russian-English sentence alignment.

Pure Python on plain values; imports nothing from Flask, SQLAlchemy or `app`.

    >>> from alignment import align, split_sentences
    >>> ru = [str(s) for s in split_sentences("Я посетил Ким Ир Сена. Он поблагодарил.", "ru")]
    >>> en = [str(s) for s in split_sentences("I visited Kim Il Sung. He thanked me.", "en")]
    >>> [(b.src, b.tgt) for b in align(ru, en).beads]
    [((0,), (0,)), ((1,), (1,))]
"""

from alignment.lexicon import Lexicon
from alignment.search import align
from alignment.segment import split_sentences
from alignment.types import Alignment, Bead, Segment, SegmentKind

__all__ = ["Alignment", "Bead", "Lexicon", "Segment", "SegmentKind", "align", "split_sentences"]
