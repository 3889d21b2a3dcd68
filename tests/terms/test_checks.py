"""Each check, from tables of good and failing pairs (Russian case forms included)."""

from __future__ import annotations

import pytest

from app.services.terms.analysis import Pair, TermIndex
from app.services.terms.checks import CHECKS_BY_ID, PAIR_CHECKS, check_pair
from app.services.terms.records import TermRecord, TermStatus

GLOSSARY = [
    TermRecord(
        "ВНС",
        ru_forms=("Верховное Народное Собрание",),
        preferred="Supreme People's Assembly",
        admitted=("SPA",),
        forbidden=("VNS",),
        status=TermStatus.APPROVED,
        id=1,
    ),
    TermRecord(
        "Президиум ВНС",
        preferred="Presidium of the Supreme People's Assembly",
        admitted=("Supreme People's Assembly Presidium",),
        forbidden=("VNS Presidium",),
        status=TermStatus.APPROVED,
        id=2,
    ),
    TermRecord("Ким Чан Ман", preferred="Kim Chang-man", forbidden=("Kim Chang Man",), id=3),
    TermRecord("Пак Кым Чер", preferred="Pak Geum-cheol", forbidden=("Pak Kum Chol",), id=4),
    TermRecord("тов.", ru_forms=("т.",), preferred="Cde.", forbidden=("Comrade",), id=5),
    TermRecord("Ким Ир", preferred="Kim Il", forbidden=("Kim Ir",), id=6),
    TermRecord("Ким Ир Сен", preferred="Kim Il Sung", forbidden=("Kim Ir Sen",), id=7),
]
INDEX = TermIndex(GLOSSARY)


def run(check_id: str, src: str, *tgt: str, kinds: tuple[str, ...] = ()) -> list[str]:
    """Return the subjects of one check's findings on a pair."""
    pair = Pair(src, tgt, kinds)
    return [f.subject for f in check_pair(pair, INDEX.uses(pair)) if f.check_id == check_id]


# (check id, original, translation, subjects found: [] for a good pair)
TABLE = [
    # term-missing: the original has the term, the translation none of its renderings
    (
        "term-missing",
        "Сессия Верховного Народного Собрания открылась.",
        "The session of the Supreme People's Assembly opened.",
        [],
    ),
    ("term-missing", "Депутаты ВНС собрались.", "The SPA deputies met.", []),
    (
        "term-missing",
        "Обратились к Верховному Народному Собранию.",
        "They appealed to parliament.",
        ["ВНС"],
    ),
    (
        "term-missing",
        "Избран Верховным Народным Собранием.",
        "He was elected by the assembly.",
        ["ВНС"],
    ),
    ("term-missing", "Беседа с Ким Ир Сеном.", "A talk with Kim Il Sung.", []),
    (
        "term-missing",
        "Беседа с Ким Ир Сеном.",
        "A talk with the Premier.",
        ["Ким Ир Сен"],
    ),  # not Ким Ир as well
    (
        "term-missing",
        "Беседа с Ким Чан Маном.",
        "A talk with Kim Chang Man.",
        [],
    ),  # forbidden, reported there
    # term-forbidden: the translation uses a forbidden rendering
    ("term-forbidden", "Выборы в ВНС.", "The elections to the VNS.", ["VNS"]),
    ("term-forbidden", "Выборы в ВНС.", "The elections to the Supreme People's Assembly.", []),
    (
        "term-forbidden",
        "Председатель Президиума ВНС.",
        "Chairman of the VNS Presidium.",
        ["VNS Presidium"],
    ),
    ("term-forbidden", "Сообщил Пак Кым Черу.", "I told Pak Kum Chol.", ["Pak Kum Chol"]),
    ("term-forbidden", "Сказал Пак Кым Чер.", "Pak Geum-cheol said.", []),
    ("term-forbidden", "Посетил т. Ворошилова.", "I visited Comrade Voroshilov.", ["Comrade"]),
    ("term-forbidden", "Выборы прошли.", "The elections to the VNS.", []),  # not in the original
    # term-variant: the preferred rendering spelled with other spacing or case
    ("term-variant", "Посетил Ким Чан Мана.", "I visited Kim Changman.", ["Kim Changman"]),
    ("term-variant", "Посетил Ким Чан Мана.", "I visited Kim Chang-man.", []),
    # term-count: the original has the term more often than the translation renders it
    (
        "term-count",
        "ВНС утвердил план; ВНС одобрил бюджет.",
        "The SPA approved the plan and the budget.",
        ["ВНС"],
    ),
    (
        "term-count",
        "ВНС утвердил план; ВНС одобрил бюджет.",
        "The SPA approved the plan; the SPA passed the budget.",
        [],
    ),
    (
        "term-count",
        "Верховное Народное Собрание (ВНС) собралось.",
        "The Supreme People's Assembly (SPA) met.",
        [],
    ),
    # numbers: digits (and small number words) on both sides
    (
        "numbers",
        "Бюджет на 1958 год составит 300 тыс. вон.",
        "The 1958 budget will be 300,000 won.",
        [],
    ),
    ("numbers", "Бюджет на 1958 год.", "The 1957 budget.", ["1958 / 1957"]),
    ("numbers", "На XII сессии ООН.", "At the 12th UN session.", []),
    ("numbers", "Отп. 5 экз.", "Five copies printed", []),
    ("numbers", "Рост на 2,5 процента.", "Growth of 2.5 percent.", []),
    ("numbers", "«  » декабря 1957 г.", "[23] December 1957", []),  # the translator's insertion
    ("numbers", "От 40 до 60 работников.", "Forty to 60 officials.", []),
    ("numbers", "Прибыло 12 человек.", "Twenty people arrived.", ["12 / "]),
    # dates: days and months
    ("dates", "7 ноября 1957 г. состоялся прием.", "A reception was held on 7 November 1957.", []),
    ("dates", "7 ноября 1957 г. состоялся прием.", "A reception was held on November 7, 1957.", []),
    (
        "dates",
        "7 ноября состоялся прием.",
        "A reception was held on 8 November.",
        ["7 November only in the original / 8 November only in the translation"],
    ),
    ("dates", "Штамп: 7 янв. 1958", "[faded stamp: 7 January 1958]", []),
    (
        "dates",
        "В сентябре прошли выборы.",
        "The elections were held in October.",
        ["September only in the original / October only in the translation"],
    ),
    ("dates", "Сказал Ким Ир Сен.", "Kim Il Sung said.", []),  # Сен is no month
    ("dates", "Разрешите спросить.", "May I ask?", []),  # nor is a modal verb
    ("dates", "Штамп: 25.XII.57", "[stamp: 25 December 1957]", []),
    (
        "dates",
        "Штамп: 25.XII.57",
        "[stamp: 25 November 1957]",
        ["25 December only in the original / 25 November only in the translation"],
    ),
]


@pytest.mark.parametrize(("check_id", "src", "tgt", "expected"), TABLE)
def test_check_table(check_id, src, tgt, expected) -> None:
    assert run(check_id, src, tgt) == expected


def test_every_check_has_good_and_failing_rows_in_the_table() -> None:
    for check in PAIR_CHECKS:
        rows = [row for row in TABLE if row[0] == check.check_id]
        assert any(row[3] for row in rows), check.check_id
        assert any(not row[3] for row in rows), check.check_id


def test_check_ids_are_stable() -> None:
    assert sorted(CHECKS_BY_ID) == [
        "dates",
        "numbers",
        "term-count",
        "term-forbidden",
        "term-missing",
        "term-variant",
    ]


def test_distribution_lists_and_signatures_may_drop_a_term() -> None:
    assert run("term-missing", "1 - т. Громыко", "1 - Gromyko") == ["тов."]
    assert run("term-missing", "1 - т. Громыко", "1 - Gromyko", kinds=("list",)) == []


def test_a_pair_with_an_empty_side_is_not_checked() -> None:
    assert run("term-missing", "Выборы в ВНС.") == []
    assert run("numbers", "", "In 1957.") == []


def test_findings_point_at_the_translation_segment_and_words() -> None:
    pair = Pair("Депутаты ВНС.", ("First sentence.", "The VNS deputies."))
    (finding,) = [f for f in check_pair(pair, INDEX.uses(pair)) if f.check_id == "term-forbidden"]
    assert finding.segment == 1
    assert finding.hit is not None and pair.tgt[1][finding.hit.start : finding.hit.end] == "VNS"
    assert "use “Supreme People's Assembly”" in finding.message


def test_a_forbidden_rendering_inside_a_longer_one_is_reported_once() -> None:
    src = "Президиум ВНС готовит предложения, которые рассмотрит Верховное Народное Собрание."
    tgt = "The VNS Presidium is preparing proposals for the Supreme People's Assembly."
    assert run("term-forbidden", src, tgt) == ["VNS Presidium"]
