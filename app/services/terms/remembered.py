"""Pair findings remembered between requests, keyed by everything they depend on.

A pair's findings are a function of the pair's text (the original, the translation's segments,
the original's segment kinds) and, for the term checks, of the glossary's approved entries;
nothing else. That is the key: the text as the `Pair` itself, the glossary as its records (ids
and every field), read afresh on each request. So a remembered finding cannot outlive the text
or the entry it came from, whichever way they changed (a review operation, undo, a term fix, a
realignment, an entry edit, another server process): changed text or a changed entry is a new
key, checked again; nothing has to be told to forget. The number and date checks do not read
the glossary, so a glossary edit leaves their findings remembered. Dismissals are not part of
any of this: callers filter with the fingerprints they read each time.

Memory is bounded: pairs are let go least recently used first, and only the few newest glossary
states are kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

from app.services.terms.analysis import Pair, TermIndex
from app.services.terms.checks import GLOSSARY_CHECKS, TEXT_CHECKS, Finding, check_pair
from app.services.terms.records import TermRecord

# About 530 bytes a pair (its text and findings): a memo holds at most about 10 MB, ten
# 2,000-pair documents; the text memo and the glossary states' together at most about 50 MB.
PAIRS = 20_000
GLOSSARY_STATES = 4  # a server's glossaries in use, and the states just before an entry edit

Findings = tuple[Finding, ...]
# A glossary as the checks see it: every approved record with its id (ids are left out of
# TermRecord's equality, but findings carry them into fingerprints and links).
GlossaryState = tuple[tuple[int | None, TermRecord], ...]


class PairMemo:
    """Findings of pairs under some checks, worked out once per distinct pair."""

    def __init__(self, check: Callable[[Pair], Findings], limit: int = PAIRS) -> None:
        self.check = check
        self.limit = limit
        # Plain tuples as keys (equal to and hashed like the Pair): a tuple of strings is
        # dropped from the garbage collector's scans, a NamedTuple never is.
        self._found: OrderedDict[tuple[object, ...], Findings] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._found)

    def findings(self, pairs: Sequence[Pair]) -> list[Findings]:
        """Return each pair's findings, checking only the pairs not seen before."""
        with self._lock:
            known = [self._recall(pair) for pair in pairs]
        unknown = [pair for pair, found in zip(pairs, known, strict=True) if found is None]
        fresh = {pair: self.check(pair) for pair in unknown}
        if fresh:
            with self._lock:
                self._found.update((tuple(pair), found) for pair, found in fresh.items())
                while len(self._found) > self.limit:
                    self._found.popitem(last=False)
        return [
            found if found is not None else fresh[pair]
            for pair, found in zip(pairs, known, strict=True)
        ]

    def clear(self) -> None:
        """Forget every pair."""
        with self._lock:
            self._found.clear()

    def _recall(self, pair: Pair) -> Findings | None:
        found = self._found.get(pair)
        if found is not None:
            self._found.move_to_end(pair)
        return found


def _text_findings(pair: Pair) -> Findings:
    return tuple(check_pair(pair, (), TEXT_CHECKS))


_TEXT = PairMemo(_text_findings)  # the checks that do not read the glossary


class RememberedChecks:
    """Every check's findings on pairs, for one glossary state."""

    def __init__(self, index: TermIndex) -> None:
        self.index = index
        self.terms = PairMemo(self._term_findings)

    def _term_findings(self, pair: Pair) -> Findings:
        return tuple(check_pair(pair, self.index.uses(pair), GLOSSARY_CHECKS))

    def findings(self, pairs: Sequence[Pair]) -> list[Findings]:
        """Return each pair's findings in the order check_pair gives them."""
        terms, texts = self.terms.findings(pairs), _TEXT.findings(pairs)
        return [t + x for t, x in zip(terms, texts, strict=True)]


_STATES: OrderedDict[GlossaryState, RememberedChecks] = OrderedDict()
_STATES_LOCK = threading.Lock()


def remembered_checks(records: Sequence[TermRecord]) -> RememberedChecks:
    """Return the remembered findings for a glossary in this state (its records as just read)."""
    state: GlossaryState = tuple((record.id, record) for record in records)
    with _STATES_LOCK:
        checks = _STATES.get(state)
        if checks is None:
            checks = _STATES[state] = RememberedChecks(TermIndex(records))
            while len(_STATES) > GLOSSARY_STATES:
                _STATES.popitem(last=False)
        _STATES.move_to_end(state)
        return checks


def forget() -> None:
    """Forget every remembered finding (the next check of each pair runs the checks again)."""
    with _STATES_LOCK:
        _STATES.clear()
    _TEXT.clear()
