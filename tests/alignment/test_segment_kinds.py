"""Each kind rule against tables of lines it must claim and lines it must leave alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from alignment.segment_kinds import (
    bracket_block_kind,
    is_caps_title,
    is_classification_mark,
    is_date_line,
    is_distribution_line,
    is_document_number_line,
    is_note_tail,
    is_period_line,
    is_resolution_line,
    is_signature_line,
    prose_kind,
)
from alignment.types import SegmentKind

RULE_TABLE: list[tuple[Callable[[str], bool], list[str], list[str]]] = [
    (
        is_signature_line,
        [
            "[signature] (A. PUZANOV)",
            "ПОСОЛ СССР В КНДР (А. ПУЗАНОВ)",
            "(A. PUZANOV)",
            "[подпись] /А. ПУЗАНОВ/",
            "USSR AMBASSADOR TO THE DPRK [illegible signature]",
        ],
        [
            "Kim Il Sung asked (A. Puzanov) to stay.",
            "(в соответствии с указаниями МИД СССР)",
            "I saw the [signature] on the note of the Ministry and thanked the Minister for it.",
        ],
    ),
    (
        is_note_tail,
        ["to file. N. T. 2]", "в дело. Н. Т.]"],
        ["[23] December 1957", "Kim Il Sung thanked [me].", "to file", "собрания] с речью."],
    ),
    (
        is_resolution_line,
        [
            "В дело. Н. Торб.",
            "В дело. Н. Т. 2",
            "т. Курдюкову И. Ф. Ознакомиться. Н. Федоренко",
            "т. Курдюкову. Доложить. Н. Ф.",
        ],
        [
            "Тов. Ким Ир Сен сказал, что он согласен с предложением, которое сделал тов. А. И. Микоян.",
            "В дело",
            "В дело направлена копия ноты.",
        ],
    ),
    (
        is_distribution_line,
        [
            "1 - Gromyko",
            "5 - to file",
            "1 – т. Громыко",
            "5 – в дело",
            "Отп. 5 экз.",
            "Печ. Родионова",
            "Typed by Rodionova",
            "Five copies printed",
            "Исп. Пелишенко",
        ],
        [
            "1 октября 1957 года",
            "17 - 20 October the delegation will be in Moscow with all its members and advisers",
            "Печать ЦК ТПК сообщает о пленуме.",
            "Nº 772",
        ],
    ),
    (
        is_document_number_line,
        [
            "Incoming Nº 02821s",
            "Nº 260 Copy Nº 1",
            "Вх. № 02821с",
            "Экз. № 1",
            "Nº 772",
            "Copy No. 2",
            "№ 309 Экз. № 3",
        ],
        [
            "I visited Kim Il Sung in accordance with MFA instruction Nº 1886/Ts dated 29 September.",
            "Copy one",
            "Was note Nº 5 received?",
            "См. телеграмму № 612.",
            "Ответ на ноту № 5",
        ],
    ),
    (
        is_date_line,
        [
            "1 October 1957",
            "2 November 1957",
            "[23] December 1957",
            "1 октября 1957 года",
            "14 сентября 1957 г.",
            "25.XII.57",
            "4.XI.57",
            "25.12.1957",
            "October 01, 1957",
            "December 1957",
            "Пхеньян, 23 декабря 1957 г.",
        ],
        [
            "1 October 1957 I visited Kim Il Sung.",
            "от 14 сентября 1957 г. удовлетворена",
            "for the period 1 through 25 October 1957",
            "1957",
        ],
    ),
    (
        is_period_line,
        ["за период с 1 по 25 октября 1957 года", "for the period 1 through 25 October 1957"],
        ["за период работы", "For the period of the talks, the delegation stayed in Pyongyang."],
    ),
    (
        is_classification_mark,
        ["СЕКРЕТНО", "Секретно", "Сов. секретно", "Совершенно секретно", "Top Secret", "SECRET"],
        ["Секретно сообщил", "The secret was kept."],
    ),
    (
        is_caps_title,
        ["ДНЕВНИК", "JOURNAL", "ЗАПИСЬ БЕСЕДЫ", "USSR AMBASSADOR TO THE DPRK"],
        [
            "ЦК",
            "Дневник",
            "КНДР и СССР подписали соглашение",
            "ЦК КПСС, ЦК ТПК, ЦК КПК, ЦК ПОРП, ЦК СЕПГ, ЦК КПЧ, ЦК БКП, ЦК ВПТ, ЦК РРП",
        ],
    ),
]


@pytest.mark.parametrize(
    ("rule", "line"), [(rule, line) for rule, good, _ in RULE_TABLE for line in good]
)
def test_rule_claims_its_lines(rule: Callable[[str], bool], line: str) -> None:
    assert rule(line)


@pytest.mark.parametrize(
    ("rule", "line"), [(rule, line) for rule, _, bad in RULE_TABLE for line in bad]
)
def test_rule_leaves_other_lines_alone(rule: Callable[[str], bool], line: str) -> None:
    assert not rule(line)


@pytest.mark.parametrize(
    ("block", "kind"),
    [
        ("[faded stamp:\n\n\n7 January 1958]", SegmentKind.STAMP),
        ("[Штамп:\n\n7 января 1958 г.]", SegmentKind.STAMP),
        ("[seal of the Embassy]", SegmentKind.STAMP),
        ("[handwritten entry: to file. N. Torb[[enkov]]", SegmentKind.NOTE),
        ("[Рукописная пометка: в дело.]", SegmentKind.NOTE),
        ("[signature]", SegmentKind.SIGNATURE),
        ("[Подпись]", SegmentKind.SIGNATURE),
    ],
)
def test_bracketed_block_kinds(block: str, kind: SegmentKind) -> None:
    assert bracket_block_kind(block) is kind


@pytest.mark.parametrize(
    ("piece", "kind"),
    [
        ("of Soviet Ambassador to the DPRK A. M. PUZANOV", SegmentKind.HEADING),
        ("посла СССР в КНДР А. М. ПУЗАНОВА", SegmentKind.HEADING),
        ("The conversation lasted one hour…", SegmentKind.SENTENCE),
        ("Затем собеседник поставил следующие вопросы:", SegmentKind.SENTENCE),
        ("Он сказал: «Мы едем».", SegmentKind.SENTENCE),
        ('It is indestructible!"', SegmentKind.SENTENCE),
        (
            "Kim Il Sung said that they are going to Moscow with great eagerness and impatiently",
            SegmentKind.SENTENCE,
        ),
    ],
)
def test_prose_kind(piece: str, kind: SegmentKind) -> None:
    assert prose_kind(piece) is kind
