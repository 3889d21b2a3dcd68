"""Checks on aligned pairs: one small rule per class, each with a stable id (stored in dismissals).

A check looks at one pair (the original and the translation's segments) and the glossary terms
found in it, and returns findings. `PAIR_CHECKS` lists them in the order they are shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from alignment.tokens import MONTHS
from app.services.terms import numbers as nums
from app.services.terms.analysis import Located, Pair, TermUse
from app.services.terms.english import Hit
from app.services.terms.records import TermRecord


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One problem a check found in a pair; `subject` tells findings of one check apart."""

    check_id: str
    message: str
    subject: str
    entry: TermRecord | None = None
    segment: int | None = None  # index of the translation segment concerned, if one is
    hit: Hit | None = None  # the words a fix would replace, if a fix can be proposed


def quoted(values: Sequence[str]) -> str:
    return ", ".join(f"“{v}”" for v in values)


class Check:
    """One rule. Subclasses set the class attributes and implement `findings`."""

    check_id: ClassVar[str]
    name: ClassVar[str]
    description: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    reads_glossary: ClassVar[bool] = False  # whether its findings depend on the glossary

    def findings(self, pair: Pair, uses: Sequence[TermUse]) -> list[Finding]:
        raise NotImplementedError


class TermCheck(Check):
    """A check with at most one finding per term of a pair."""

    reads_glossary = True

    def fires(self, pair: Pair, use: TermUse) -> bool:
        raise NotImplementedError

    def describe(self, use: TermUse) -> str:
        raise NotImplementedError

    def findings(self, pair: Pair, uses: Sequence[TermUse]) -> list[Finding]:
        return [
            Finding(self.check_id, self.describe(use), use.entry.term, use.entry)
            for use in uses
            if self.fires(pair, use)
        ]


class TermMissing(TermCheck):
    check_id = "term-missing"
    name = "Term not rendered"
    description = "The original has a glossary term; the translation has no rendering of it."

    def fires(self, pair: Pair, use: TermUse) -> bool:
        return bool(use.entry.preferred) and use.rendered == 0 and not pair.abridged

    def describe(self, use: TermUse) -> str:
        renderings = quoted(use.entry.approved_renderings())
        return f"The original has «{use.entry.term}» but the translation has none of {renderings}."


class WordsCheck(Check):
    """A check whose findings are words of the translation a fix can replace."""

    reads_glossary = True

    def located(self, use: TermUse) -> tuple[Located, ...]:
        raise NotImplementedError

    def describe(self, found: str, entry: TermRecord) -> str:
        raise NotImplementedError

    def findings(self, pair: Pair, uses: Sequence[TermUse]) -> list[Finding]:
        return [
            Finding(
                self.check_id,
                self.describe(x.hit.found, use.entry),
                x.hit.found,
                use.entry,
                x.segment,
                x.hit,
            )
            for use in uses
            for x in self.located(use)
        ]


class TermForbidden(WordsCheck):
    check_id = "term-forbidden"
    name = "Forbidden rendering"
    description = "The translation renders a glossary term in a way the glossary forbids."
    severity = Severity.ERROR

    def located(self, use: TermUse) -> tuple[Located, ...]:
        return use.forbidden

    def describe(self, found: str, entry: TermRecord) -> str:
        return f"“{found}” is a forbidden rendering of «{entry.term}»; use “{entry.preferred}”."


class TermVariant(WordsCheck):
    check_id = "term-variant"
    name = "Spelling variant"
    description = "The translation spells the preferred rendering with other spacing or case."

    def located(self, use: TermUse) -> tuple[Located, ...]:
        return use.variants

    def describe(self, found: str, entry: TermRecord) -> str:
        return f"“{found}” is spelled “{entry.preferred}” here."


class TermCount(TermCheck):
    check_id = "term-count"
    name = "Term rendered fewer times"
    description = "The original has a term more often than the translation renders it."

    def fires(self, pair: Pair, use: TermUse) -> bool:
        return 0 < use.rendered < len(use.source) and not pair.abridged

    def describe(self, use: TermUse) -> str:
        times = f"{use.rendered} time{'s' * (use.rendered != 1)}"
        return (
            f"The original has «{use.entry.term}» {len(use.source)} times; "
            f"the translation renders it {times}."
        )


class NumbersDiffer(Check):
    check_id = "numbers"
    name = "Numbers differ"
    description = "A number in the original is missing from the translation, or the reverse."

    def findings(self, pair: Pair, uses: Sequence[TermUse]) -> list[Finding]:
        tgt = " ".join(pair.tgt)
        src_n, tgt_n = nums.numbers(pair.src, "ru"), nums.numbers(tgt, "en")
        if not src_n and not tgt_n:
            return []  # most pairs: nothing to compare, so no number words to look for
        only_src = nums.unmatched(src_n, tgt_n, nums.number_words(tgt, "en")) if src_n else []
        only_tgt = nums.unmatched(tgt_n, src_n, nums.number_words(pair.src, "ru")) if tgt_n else []
        if not only_src and not only_tgt:
            return []
        parts = [
            f"{', '.join(values)} only in the {side}"
            for values, side in ((only_src, "original"), (only_tgt, "translation"))
            if values
        ]
        subject = f"{' '.join(only_src)} / {' '.join(only_tgt)}"
        return [Finding(self.check_id, f"Numbers differ: {'; '.join(parts)}.", subject)]


class DatesDiffer(Check):
    check_id = "dates"
    name = "Dates differ"
    description = "The original and the translation name different days or months."

    def findings(self, pair: Pair, uses: Sequence[TermUse]) -> list[Finding]:
        src_days, src_months = nums.dates(pair.src, "ru")
        tgt_days, tgt_months = nums.dates(" ".join(pair.tgt), "en")
        if src_days == tgt_days and src_months == tgt_months:
            return []
        only_src = nums.describe_days(src_days - tgt_days) or _months(src_months - tgt_months)
        only_tgt = nums.describe_days(tgt_days - src_days) or _months(tgt_months - src_months)
        parts = [
            f"{text} only in the {side}"
            for text, side in ((only_src, "original"), (only_tgt, "translation"))
            if text
        ]
        return [Finding(self.check_id, f"Dates differ: {'; '.join(parts)}.", " / ".join(parts))]


def _months(months: frozenset[int]) -> str:
    return ", ".join(MONTHS[m - 1].capitalize() for m in sorted(months))


PAIR_CHECKS: tuple[Check, ...] = (
    TermForbidden(),
    TermVariant(),
    TermMissing(),
    TermCount(),
    NumbersDiffer(),
    DatesDiffer(),
)
CHECKS_BY_ID = {check.check_id: check for check in PAIR_CHECKS}
# The checks split by what they read (PAIR_CHECKS lists the glossary's first, so findings come
# out in the same order either way).
GLOSSARY_CHECKS = tuple(check for check in PAIR_CHECKS if check.reads_glossary)
TEXT_CHECKS = tuple(check for check in PAIR_CHECKS if not check.reads_glossary)


def check_pair(
    pair: Pair, uses: Sequence[TermUse], checks: Sequence[Check] = PAIR_CHECKS
) -> list[Finding]:
    """Run the pair checks (every one by default) on one pair; none on a pair with an empty side."""
    if pair.one_sided:
        return []
    return [f for check in checks for f in check.findings(pair, uses)]
