"""Split archival Russian and English text into segments: sentences, headings, notes, stamps.

The text is first laid out in blocks: bracketed notes and stamps (which may span lines and
blank lines), structural lines (headers, dates, signatures, distribution lists), and runs of
prose lines inside a paragraph. Prose runs go to the project's Punkt tokenizer
(`alignment.punkt`); a few text rules then undo boundaries that cannot be ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from alignment.punkt import LANGUAGES, sentence_ends
from alignment.segment_kinds import (
    HEADING_RULES,
    OPENING_RULES,
    STANDALONE_RULES,
    bracket_block_kind,
    first_matching_kind,
    is_unterminated,
    prose_kind,
)
from alignment.types import Segment, SegmentKind

MAX_NOTE_LINES = 8  # a bracketed note or stamp may run over this many lines, blank ones too
MAX_SHORT_LINE = 60  # unterminated runs of lines this short are header lines, not wrapped prose
MAX_WRAPPED_LINE = 100  # a longer line was not wrapped by a typewriter: its line end ends it
MAX_BRACKET_SPAN = 300  # a boundary inside brackets closing within this many characters is none
_ENUMERATOR = re.compile(r"^(?:\d{1,2}|[IVXLC]{1,5}|[а-яa-z])[.)]$")
_ENUMERATED_LINE = re.compile(r"^(?:\d{1,2}|[IVXLC]{1,5}|[а-яa-z])[.)]\s")
_CONTINUED_LINE_END = (",", "-", "–", "—", "(")
_BRACKET_PAIRS = {"(": ")", "[": "]"}
_COMRADE = re.compile(r"(?<![\w.])т\.$")  # "т. Нам Ир": "товарищ" before a name ...
_TONNES = re.compile(r"(?:\d|млн\.|тыс\.|млрд\.)\s*т\.$")  # ... but "2 млн. т." is tonnes


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: offsets of its first and one past its last non-space character."""

    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of text that is one segment (`kind` set) or prose to split (`kind` None)."""

    start: int
    end: int
    kind: SegmentKind | None = None


def split_sentences(text: str, lang: str) -> list[Segment]:
    """Split `text` in language `lang` ("ru" or "en") into segments with offsets into `text`."""
    lang = re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]  # "en-US", "RU" -> "en", "ru"
    if lang not in LANGUAGES:
        raise ValueError(f"cannot split {lang!r} text; languages: {', '.join(LANGUAGES)}")
    segments: list[Segment] = []
    for block in layout_blocks(text):
        if block.kind is not None:
            segments.append(
                Segment(text[block.start : block.end], block.start, block.end, block.kind)
            )
            continue
        for start, end in split_prose(text, block.start, block.end, lang):
            piece = text[start:end]
            segments.append(Segment(piece, start, end, prose_kind(piece)))
    return segments


def lines_of(text: str) -> list[Line]:
    """Return every line of `text` with the offsets of its stripped content."""
    lines, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        start = pos + len(raw) - len(raw.lstrip()) if stripped else pos
        lines.append(Line(start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return lines


def layout_blocks(text: str) -> Iterator[Block]:
    """Yield the blocks of `text` in order: notes, structural lines and prose runs."""
    lines = lines_of(text)
    run: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        note_end = None if line.blank else note_block_end(lines, i, run)
        kind = None if line.blank or note_end is not None else structural_kind(lines, i, run)
        if line.blank or note_end is not None or kind is not None or starts_item(line):
            yield from prose_blocks(run)
            run = []
        if note_end is not None:
            block_text = text[line.start : lines[note_end].end]
            yield Block(line.start, lines[note_end].end, bracket_block_kind(block_text))
            i = note_end
        elif kind is not None:
            yield Block(line.start, line.end, kind)
        elif not line.blank:
            run.append(line)
        i += 1
    yield from prose_blocks(run)


def bracket_depth_after(text: str, depth: int = 0) -> int | None:
    """Return the square-bracket depth after `text`, or None if it closes before its end."""
    for pos, ch in enumerate(text):
        depth += {"[": 1, "]": -1}.get(ch, 0)
        if depth <= 0 and pos < len(text) - 1:
            return None
    return depth


def bracket_block_end(lines: list[Line], i: int) -> int | None:
    """Return the last line of a bracketed note opening at line `i`, or None if none opens.

    "[faded stamp:" ... "7 January 1958]" is one block; "[23] December 1957" opens none
    (its bracket closes inside the line); an opening that never closes stands alone.
    """
    if not lines[i].text.startswith("["):
        return None
    depth = bracket_depth_after(lines[i].text)
    if depth is None:
        return None
    for j in range(i + 1, min(len(lines), i + MAX_NOTE_LINES)):
        if depth <= 0 or lines[j].text.startswith("["):
            break
        depth = bracket_depth_after(lines[j].text, depth)
        if depth is None:
            return None  # "[Верховного народного\nсобрания] выступил": an inline insertion
        if depth <= 0 and not lines[j].blank:
            return j
    return i


def note_block_end(lines: list[Line], i: int, run: list[Line]) -> int | None:
    """Return the last line of a note opening at line `i`, unless it sits inside a sentence."""
    end = bracket_block_end(lines, i)
    if end is None or not run or not is_unterminated(run[-1].text):
        return end
    following = lines[end + 1].text if end + 1 < len(lines) else ""
    return None if following[:1].islower() else end  # "ВНС\n[Верховного ...]\nвыступил"


def structural_kind(lines: list[Line], i: int, run: list[Line]) -> SegmentKind | None:
    """Return the kind of line `i` if it stands alone, None if it is prose."""
    line = lines[i].text
    kind = first_matching_kind(line, STANDALONE_RULES)
    if kind is not None:
        return kind
    continues = bool(run) and run[-1].text.endswith(_CONTINUED_LINE_END)
    following = lines[i + 1].text if i + 1 < len(lines) else ""
    if continues or following[:1].islower():
        return None  # a date or number in the middle of a wrapped sentence
    if not run:
        kind = first_matching_kind(line, OPENING_RULES)
    return kind or first_matching_kind(line, HEADING_RULES)


def starts_item(line: Line) -> bool:
    """Tell whether a line opens a numbered item: "1. О размещении делегации", "а) ..."."""
    return bool(_ENUMERATED_LINE.match(line.text))


def prose_blocks(run: list[Line]) -> Iterator[Block]:
    """Yield a run of prose lines as one block, or line by line if lines are not wrapped."""
    if not run:
        return
    header_lines = is_unterminated(run[-1].text) and all(
        len(line.text) <= MAX_SHORT_LINE for line in run
    )
    paragraph_lines = any(len(line.text) > MAX_WRAPPED_LINE for line in run)
    if header_lines or paragraph_lines:
        yield from (Block(line.start, line.end) for line in run)
    else:
        yield Block(run[0].start, run[-1].end)


def split_prose(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Return the sentence spans of the prose in `text[start:end]`."""
    prose = text[start:end]
    cuts = [cut for cut in sentence_ends(prose, lang) if 0 < cut < len(prose)]
    bracketed = bracketed_positions(prose)
    cuts = [cut for cut in cuts if is_boundary(prose, cut, bracketed)]
    spans = []
    for left, right in zip([0, *cuts], [*cuts, len(prose)], strict=True):
        piece = prose[left:right]
        if piece.strip():
            offset = start + left + len(piece) - len(piece.lstrip())
            spans.append((offset, offset + len(piece.strip())))
    return merge_enumerators(text, spans)


def is_boundary(prose: str, cut: int, bracketed: bytearray) -> bool:
    """Tell whether a Punkt boundary at `cut` survives the text rules."""
    following = prose[cut:].lstrip(" \t\n\r\"'«„“([—–-")
    if following[:1].islower():
        return False  # "1957 г. в Москве", "hour… and"
    if _COMRADE.search(prose[:cut]) and not _TONNES.search(prose[:cut]):
        return False
    return not bracketed[cut]  # "the VNS [Supreme People's Assembly. Ed.] Presidium"


def bracketed_positions(prose: str) -> bytearray:
    """Mark the offsets that fall between a bracket and its closing partner."""
    marks = bytearray(len(prose) + 1)
    stack: list[tuple[str, int]] = []
    for pos, ch in enumerate(prose):
        if ch in _BRACKET_PAIRS:
            stack.append((ch, pos))
        elif stack and ch == _BRACKET_PAIRS[stack[-1][0]]:
            _, opened = stack.pop()
            if pos - opened <= MAX_BRACKET_SPAN:
                marks[opened + 1 : pos + 1] = b"\x01" * (pos - opened)
    return marks


def merge_enumerators(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a span that is only a list number ("1.", "II.", "а)") to the span after it."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _ENUMERATOR.match(text[merged[-1][0] : merged[-1][1]]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
