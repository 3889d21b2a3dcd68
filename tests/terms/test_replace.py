"""Proposed replacements: brackets resolved, case and plurals kept, nothing else touched."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.terms.english import find_renderings, find_variants
from app.services.terms.records import TermRecord
from app.services.terms.replace import adapt_case, apply_edits, propose

VNS = TermRecord(
    "ВНС", preferred="Supreme People's Assembly", admitted=("SPA",), forbidden=("VNS",)
)
PAK = TermRecord("Пак Кым Чер", preferred="Pak Geum-cheol", forbidden=("Pak Kum Chol",))
COOP = TermRecord(
    "сельскохозяйственный кооператив",
    preferred="agricultural cooperative",
    forbidden=("farm cooperative",),
)
KIM = TermRecord("Ким Чан Ман", preferred="Kim Chang-man")
COMRADE = TermRecord("тов.", preferred="Cde.", forbidden=("Comrade",))


def fixed(entry: TermRecord, text: str) -> str:
    hits = find_renderings(text, entry.forbidden, entry.case_sensitive)
    hits += find_variants(text, entry.preferred, entry.renderings(), entry.case_sensitive)
    return apply_edits(text, [propose(text, h, entry) for h in hits])


CASES = [
    (
        VNS,
        "Chairman of the VNS [Supreme People's Assembly] Presidium?",
        "Chairman of the Supreme People's Assembly Presidium?",
    ),
    (
        VNS,
        "submit the plan to the VNS [Supreme People’s Assembly] for approval",
        "submit the plan to the Supreme People’s Assembly for approval",
    ),
    (VNS, "the VNS Presidium is preparing", "the Supreme People's Assembly Presidium is preparing"),
    (VNS, "the elections to the VNS.", "the elections to the Supreme People's Assembly."),
    (VNS, "the VNS (SPA) met", "the SPA met"),  # the gloss is an admitted rendering
    (VNS, "a note [VNS] here", "a note [Supreme People's Assembly] here"),
    (VNS, "the VNS's session", "the Supreme People's Assembly's session"),
    (VNS, "the VNS [of the DPRK] met", "the Supreme People's Assembly [of the DPRK] met"),
    (VNS, "Torb[[enkov]] and the VNS", "Torb[[enkov]] and the Supreme People's Assembly"),
    (PAK, "Pak Geum-cheol [Pak Kum Chol] said", "Pak Geum-cheol said"),
    (PAK, "Pak Kum Chol said", "Pak Geum-cheol said"),
    (
        COOP,
        "Farm cooperatives grew; farm cooperative",
        "Agricultural cooperatives grew; agricultural cooperative",
    ),
    (COOP, "FARM COOPERATIVE", "AGRICULTURAL COOPERATIVE"),
    (KIM, "Kim Chang Man and Kim Chang-man", "Kim Chang-man and Kim Chang-man"),
    (COMRADE, "Comrade K. Ye. Voroshilov", "Cde. K. Ye. Voroshilov"),
]


@pytest.mark.parametrize(("entry", "text", "expected"), CASES)
def test_proposed_replacements(entry, text, expected) -> None:
    assert fixed(entry, text) == expected


@pytest.mark.parametrize(
    ("found", "form", "replacement", "expected"),
    [
        ("VNS", "VNS", "Supreme People's Assembly", "Supreme People's Assembly"),
        (
            "Farm cooperative",
            "farm cooperative",
            "agricultural cooperative",
            "Agricultural cooperative",
        ),
        ("FOREIGN MINISTRY", "Foreign Ministry", "MFA", "MFA"),
        (
            "FOREIGN MINISTRY",
            "Foreign Ministry",
            "Ministry of Foreign Affairs",
            "MINISTRY OF FOREIGN AFFAIRS",
        ),
        ("comrade", "Comrade", "Cde.", "Cde."),
    ],
)
def test_case_is_carried_over(found, form, replacement, expected) -> None:
    assert adapt_case(found, form, replacement) == expected


WORDS = st.sampled_from(
    ["the", "VNS", "[Supreme People's Assembly]", "Presidium", ",", "[VNS]", "met", "(SPA)", "."]
)


@given(st.lists(WORDS, max_size=12), st.text(alphabet="abc .,[]", max_size=8))
def test_nothing_outside_the_replaced_words_changes(words, tail) -> None:
    text = " ".join(words) + tail
    edits = [propose(text, h, VNS) for h in find_renderings(text, VNS.forbidden, False)]
    result = apply_edits(text, edits)
    assert not find_renderings(result, VNS.forbidden, False)  # every VNS replaced
    # Each edit covers the forbidden word and at most a bracketed gloss beside it...
    for edit in edits:
        rest = edit.before.replace("VNS", "", 1)
        assert re.fullmatch(r"[\s\[\]()]*(Supreme People's Assembly|SPA)?[\s\[\]()]*", rest)
    # ...and the text between the edits comes through unchanged.
    expected, cursor = "", 0
    for edit in sorted(edits, key=lambda e: e.start):
        expected += text[cursor : edit.start] + edit.after
        cursor = edit.end
    assert result == expected + text[cursor:]
