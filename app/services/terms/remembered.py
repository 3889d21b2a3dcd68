"""Pair findings remembered between requests, keyed by everything they depend on.

A pair's findings are a function of two things only: the pair's text (the original, the
translation's segments, the original's segment kinds) and the glossary's approved entries. Both
are the key: the text as the `Pair` itself, the glossary as its records (ids and every field),
read afresh on each request. So a remembered finding cannot outlive the text or the entry it
came from, whichever way they changed (a review operation, undo, a term fix, a realignment, an
entry edit, another server process): changed text or a changed entry is a new key, checked
again; nothing has to be told to forget. Dismissals are not part of it: callers filter with the
fingerprints they read each time.

Memory is bounded: the pairs of each glossary state are kept least recently used first, and only
the few newest glossary states are kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

from app.services.terms.analysis import Pair, TermIndex
from app.services.terms.checks import Finding, check_pair
from app.services.terms.records import TermRecord

PAIRS_PER_GLOSSARY = 50_000  # a few large collections' pairs (about 300 bytes of text each)
GLOSSARY_STATES = 4  # a server's glossaries in use, and the states just before an entry edit

# A glossary as the checks see it: every approved record with its id (ids are left out of
# TermRecord's equality, but findings carry them into fingerprints and links).
GlossaryState = tuple[tuple[int | None, TermRecord], ...]


class RememberedChecks:
    """The findings of pairs checked against one glossary state."""

    def __init__(self, index: TermIndex, limit: int = PAIRS_PER_GLOSSARY) -> None:
        self.index = index
        self.limit = limit
        self._found: OrderedDict[tuple[object, ...], tuple[Finding, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._found)

    def findings(self, pairs: Sequence[Pair]) -> list[tuple[Finding, ...]]:
        """Return each pair's findings, checking only the pairs not seen before."""
        with self._lock:
            known = [self._recall(pair) for pair in pairs]
        fresh = {
            pair: tuple(check_pair(pair, self.index.uses(pair)))
            for pair, found in zip(pairs, known, strict=True)
            if found is None
        }
        if fresh:
            with self._lock:
                # Stored under plain tuples (equal to and hashed like the Pair): a tuple of
                # strings is dropped from the garbage collector's scans, a NamedTuple never is.
                self._found.update((tuple(pair), found) for pair, found in fresh.items())
                while len(self._found) > self.limit:
                    self._found.popitem(last=False)
        return [
            found if found is not None else fresh[pair]
            for pair, found in zip(pairs, known, strict=True)
        ]

    def _recall(self, pair: Pair) -> tuple[Finding, ...] | None:
        found = self._found.get(pair)
        if found is not None:
            self._found.move_to_end(pair)
        return found


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
