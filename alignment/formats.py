"""Plain-text output of alignments: one bead a line as tab-separated values."""

from __future__ import annotations

from collections.abc import Sequence

from alignment.types import Bead

TSV_HEADER = "src_ids\ttgt_ids\tconfidence\tsrc_text\ttgt_text"


def _clean(text: str) -> str:
    return " ".join(text.split())  # tabs and newlines would break the columns


def to_tsv(beads: Sequence[Bead], src: Sequence[object], tgt: Sequence[object]) -> str:
    """Render beads with their sentence numbers, confidence and texts, one bead a line.

    >>> to_tsv([Bead((0,), (0, 1), 0.5)], ["Да."], ["Yes.", "Indeed."]).splitlines()[1].split()
    ['0', '0,1', '0.500', 'Да.', 'Yes.', 'Indeed.']
    """
    lines = [TSV_HEADER]
    for bead in beads:
        lines.append(
            "\t".join(
                [
                    ",".join(str(i) for i in bead.src),
                    ",".join(str(j) for j in bead.tgt),
                    f"{bead.confidence:.3f}",
                    _clean(" ".join(str(src[i]) for i in bead.src)),
                    _clean(" ".join(str(tgt[j]) for j in bead.tgt)),
                ]
            )
        )
    return "\n".join(lines)
