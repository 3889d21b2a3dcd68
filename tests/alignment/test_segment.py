"""Sentence splitting of archival Russian and English text, case by case."""

from __future__ import annotations

import json
from pathlib import Path

import nltk
import pytest

from alignment import Segment, SegmentKind, split_sentences
from alignment.punkt import sentence_tokenizer

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "segment" / "archival_gold.jsonl"
H, N, S, L = SegmentKind.HEADING, SegmentKind.NOTE, SegmentKind.SIGNATURE, SegmentKind.LIST_LINE
SENT, STAMP = SegmentKind.SENTENCE, SegmentKind.STAMP


def texts(text: str, lang: str) -> list[str]:
    return [str(segment) for segment in split_sentences(text, lang)]


RUSSIAN_SENTENCES = [
    (
        "initials",
        "Присутствовали тов. А. М. Пузанов и советник В. И. Пелишенко. Беседа длилась час.",
        ["Присутствовали тов. А. М. Пузанов и советник В. И. Пелишенко.", "Беседа длилась час."],
    ),
    (
        "initials without spaces",
        "Дневник посла А.М.Пузанова получен. Он прочитан тов. Н.С. Хрущевым.",
        ["Дневник посла А.М.Пузанова получен.", "Он прочитан тов. Н.С. Хрущевым."],
    ),
    (
        "year before lower case",
        "Распоряжением Совета Министров СССР от 14 сентября 1957 г. удовлетворена просьба КНДР.",
        ["Распоряжением Совета Министров СССР от 14 сентября 1957 г. удовлетворена просьба КНДР."],
    ),
    (
        "year, then a preposition",
        "В 1957 г. в Москве прошло совещание. Делегация вернулась.",
        ["В 1957 г. в Москве прошло совещание.", "Делегация вернулась."],
    ),
    (
        "year ends a sentence",
        "Беседа состоялась 3 октября 1957 г. Присутствовал Нам Ир.",
        ["Беседа состоялась 3 октября 1957 г.", "Присутствовал Нам Ир."],
    ),
    (
        "year before an official name",
        "В 1958 г. Президиум ЦК ТПК рассмотрит этот вопрос.",
        ["В 1958 г. Президиум ЦК ТПК рассмотрит этот вопрос."],
    ),
    (
        "city",
        "Совещание прошло в г. Пхеньяне. Присутствовали 40 чел.",
        ["Совещание прошло в г. Пхеньяне.", "Присутствовали 40 чел."],
    ),
    (
        "и т. д. then a starter",
        "Обсуждались вопросы торговли, обмена и т. д. Затем посол уехал.",
        ["Обсуждались вопросы торговли, обмена и т. д.", "Затем посол уехал."],
    ),
    (
        "т.е., тыс., млн., руб.",
        "Оборудование стоит 2,5 млн. руб., т.е. около 600 тыс. руб. в год.",
        ["Оборудование стоит 2,5 млн. руб., т.е. около 600 тыс. руб. в год."],
    ),
    (
        "months, pages, см.",
        "Переговоры 12 янв. и 3 февр. закончены (см. стр. 5 и л. 7). Текст прилагается.",
        ["Переговоры 12 янв. и 3 февр. закончены (см. стр. 5 и л. 7).", "Текст прилагается."],
    ),
    (
        "archival reference",
        "АВП РФ, ф. 0102, оп. 13, д. 5, л. 257–307.",
        ["АВП РФ, ф. 0102, оп. 13, д. 5, л. 257–307."],
    ),
    (
        "им. and и др.",
        "Прибыли студенты МГУ им. М. В. Ломоносова и др. Прием закончился в 22 час.",
        ["Прибыли студенты МГУ им. М. В. Ломоносова и др.", "Прием закончился в 22 час."],
    ),
    (
        "т. к. and пр.",
        "Поездка отложена, т. к. погода плохая, дороги размыты и пр. Посол остался.",
        ["Поездка отложена, т. к. погода плохая, дороги размыты и пр.", "Посол остался."],
    ),
    (
        "ellipsis ends a sentence",
        "Беседа продолжалась 1 час... Затем я уехал.",
        ["Беседа продолжалась 1 час...", "Затем я уехал."],
    ),
    (
        "ellipsis inside a sentence",
        "Он сказал, что… впрочем, это неважно.",
        ["Он сказал, что… впрочем, это неважно."],
    ),
    (
        "quotes",
        "Он сказал: «Мы едем в Москву с большим желанием». Затем он ушел.",
        ["Он сказал: «Мы едем в Москву с большим желанием».", "Затем он ушел."],
    ),
    (
        "two sentences in quotes",
        "Министр сказал: «Мы благодарны. Без помощи нам трудно.» Он ушел.",
        ["Министр сказал: «Мы благодарны.", "Без помощи нам трудно.»", "Он ушел."],
    ),
    (
        "insertion",
        "Ким Ир Сен поблагодарил [меня] за информацию.",
        ["Ким Ир Сен поблагодарил [меня] за информацию."],
    ),
    (
        "editorial note with a period",
        "Председатель ВНС [Верховного народного собрания. — Ред.] выступил.",
        ["Председатель ВНС [Верховного народного собрания. — Ред.] выступил."],
    ),
    (
        "question",
        "Я спросил, как реагировал Ким Ду Бон? Ким Ир Сен ответил не сразу.",
        ["Я спросил, как реагировал Ким Ду Бон?", "Ким Ир Сен ответил не сразу."],
    ),
    (
        "wrapped lines",
        "Посетил Ким Ир Сена и передал ему\nответ ЦК КПСС. Он поблагодарил.",
        ["Посетил Ким Ир Сена и передал ему\nответ ЦК КПСС.", "Он поблагодарил."],
    ),
    ("paragraph break", "Ким Ир Сен согласился\n\nс этим", ["Ким Ир Сен согласился", "с этим"]),
    (
        "им. as a pronoun",
        "Он передал им. А они ответили согласием.",
        ["Он передал им.", "А они ответили согласием."],
    ),
    (
        "им. before a name",
        "Прибыли студенты Ленинградского горного института им. Г. В. Плеханова.",
        ["Прибыли студенты Ленинградского горного института им. Г. В. Плеханова."],
    ),
    (
        "т. before a name, т. as tons",
        "Собрано 2 млн. т. Об этом т. Ким Ир Сен сообщил сам.",
        ["Собрано 2 млн. т.", "Об этом т. Ким Ир Сен сообщил сам."],
    ),
    (
        "т. before a name that is a word",
        "Присутствовали: т. Ким Ир Сен, т. Нам Ир, т. Пак Чан Ок.",
        ["Присутствовали: т. Ким Ир Сен, т. Нам Ир, т. Пак Чан Ок."],
    ),
    (
        "Ким Ир Сен ends a sentence",
        "Его принял Ким Ир Сен. — Когда вы едете? — спросил он.",
        ["Его принял Ким Ир Сен.", "— Когда вы едете? — спросил он."],
    ),
    (
        "number sign inside a sentence",
        "См. телеграмму № 612. Ответ получен.",
        ["См. телеграмму № 612.", "Ответ получен."],
    ),
    (
        "Roman numeral",
        "Здание построено при Петре I. В нем размещено посольство.",
        ["Здание построено при Петре I.", "В нем размещено посольство."],
    ),
    (
        "numbered items",
        "Поставлены вопросы:\n1. О размещении делегации.\n2. О программе.",
        ["Поставлены вопросы:", "1. О размещении делегации.", "2. О программе."],
    ),
]

ENGLISH_SENTENCES = [
    (
        "initials and Cde.",
        "They hope to meet Cde. N. S. Khrushchev and Cde. A. I. Mikoyan. Kim Il Sung said so.",
        ["They hope to meet Cde. N. S. Khrushchev and Cde. A. I. Mikoyan.", "Kim Il Sung said so."],
    ),
    (
        "initials without spaces",
        "A.M. Puzanov met N.S. Khrushchev. They talked.",
        ["A.M. Puzanov met N.S. Khrushchev.", "They talked."],
    ),
    (
        "No. and no",
        "Note No. 5 was read. He said no. Then he left.",
        ["Note No. 5 was read.", "He said no.", "Then he left."],
    ),
    (
        "p.m. ends a sentence",
        "The talks ended at 5 p.m. The delegation left.",
        ["The talks ended at 5 p.m.", "The delegation left."],
    ),
    ("p.m. I", "At 7 p.m. I was at a reception.", ["At 7 p.m. I was at a reception."]),
    (
        "U.S.",
        "The U.S. Government protested. The note was rejected.",
        ["The U.S. Government protested.", "The note was rejected."],
    ),
    (
        "Dr. and Mr.",
        "Dr. Kim and Mr. J. F. Dulles were not present.",
        ["Dr. Kim and Mr. J. F. Dulles were not present."],
    ),
    (
        "etc. then lower case",
        "It will deliver rice, tobacco, etc. to the Soviet Union.",
        ["It will deliver rice, tobacco, etc. to the Soviet Union."],
    ),
    (
        "i.e.",
        "They agree with the dates, i.e. from 4 to 20 November. He left.",
        ["They agree with the dates, i.e. from 4 to 20 November.", "He left."],
    ),
    (
        "ellipsis, capital",
        "The conversation lasted one hour… Nam Il was present.",
        ["The conversation lasted one hour…", "Nam Il was present."],
    ),
    (
        "ellipsis, lower case",
        "The speaker spoke of the plan... and of the tasks ahead.",
        ["The speaker spoke of the plan... and of the tasks ahead."],
    ),
    (
        "glosses",
        "Pak Geum-cheol [Pak Kum Chol] was approved as the speaker. He agreed.",
        ["Pak Geum-cheol [Pak Kum Chol] was approved as the speaker.", "He agreed."],
    ),
    (
        "insertions",
        "Kim Il Sung thanked [me]. I thanked [him] and left.",
        ["Kim Il Sung thanked [me].", "I thanked [him] and left."],
    ),
    (
        "gloss in a question",
        "How did he react to the VNS [Supreme People's Assembly] Presidium? He replied.",
        ["How did he react to the VNS [Supreme People's Assembly] Presidium?", "He replied."],
    ),
    (
        "quotes",
        'He said: "We are grateful. Without this help we would fail." Then he left.',
        ['He said: "We are grateful.', 'Without this help we would fail."', "Then he left."],
    ),
    (
        "Fr. and St.",
        "He met Fr. Vladimir on Stalin St. The talk was short.",
        ["He met Fr. Vladimir on Stalin St.", "The talk was short."],
    ),
    (
        "archival reference",
        "AVPRF F. 0102, Op. 13, Delo 5, Listy 257-307.",
        ["AVPRF F. 0102, Op. 13, Delo 5, Listy 257-307."],
    ),
    (
        "double brackets",
        "It was signed by N. Torb[[enkov]] on the same day.",
        ["It was signed by N. Torb[[enkov]] on the same day."],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in RUSSIAN_SENTENCES], ids=[c[0] for c in RUSSIAN_SENTENCES]
)
def test_russian_sentences(text: str, expected: list[str]) -> None:
    assert texts(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in ENGLISH_SENTENCES], ids=[c[0] for c in ENGLISH_SENTENCES]
)
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert texts(text, "en") == expected


LINE_STRUCTURE = [
    (
        "en",
        "Incoming Nº 02821s\n\n2 November 1957\n\nNº 260 Copy Nº 1\n\n1 October 1957\n\n"
        "I visited Kim Il Sung.",
        [
            (H, "Incoming Nº 02821s"),
            (H, "2 November 1957"),
            (H, "Nº 260 Copy Nº 1"),
            (H, "1 October 1957"),
            (SENT, "I visited Kim Il Sung."),
        ],
    ),
    (
        "ru",
        "Вх. № 02821с\n2 ноября 1957 г.\nСЕКРЕТНО\nЭкз. № 1\nДНЕВНИК\n"
        "посла СССР в КНДР А. М. ПУЗАНОВА\nза период с 1 по 25 октября 1957 г.\n"
        "1 октября 1957 года\nПосетил Ким Ир Сена.",
        [
            (H, "Вх. № 02821с"),
            (H, "2 ноября 1957 г."),
            (H, "СЕКРЕТНО"),
            (H, "Экз. № 1"),
            (H, "ДНЕВНИК"),
            (H, "посла СССР в КНДР А. М. ПУЗАНОВА"),
            (H, "за период с 1 по 25 октября 1957 г."),
            (H, "1 октября 1957 года"),
            (SENT, "Посетил Ким Ир Сена."),
        ],
    ),
    (
        "en",
        "[handwritten entry: to file. N. Torb[[enkov]]\n\n[faded stamp:\n\n\n7 January 1958]"
        "\n\nof Soviet Ambassador",
        [
            (N, "[handwritten entry: to file. N. Torb[[enkov]]"),
            (STAMP, "[faded stamp:\n\n\n7 January 1958]"),
            (H, "of Soviet Ambassador"),
        ],
    ),
    (
        "en",
        "[handwritten: to Cde. Torbenkov, N. Ye.\n\nto the CC]\n\nto file. N. T. 2]",
        [(N, "[handwritten: to Cde. Torbenkov, N. Ye.\n\nto the CC]"), (N, "to file. N. T. 2]")],
    ),
    (
        "en",
        "[signature] (A. PUZANOV)\n\nFive copies printed\n\n1 - Gromyko\n\n5 - to file\n\n"
        "Nº 772\n\n25 December 1957\n\nTyped by Rodionova",
        [
            (S, "[signature] (A. PUZANOV)"),
            (L, "Five copies printed"),
            (L, "1 - Gromyko"),
            (L, "5 - to file"),
            (H, "Nº 772"),
            (H, "25 December 1957"),
            (L, "Typed by Rodionova"),
        ],
    ),
    (
        "ru",
        "ПОСОЛ СССР В КНДР (А. ПУЗАНОВ)\nОтп. 5 экз.\n1 – т. Громыко\n5 – в дело\n25.XII.57\n"
        "Печ. Родионова",
        [
            (S, "ПОСОЛ СССР В КНДР (А. ПУЗАНОВ)"),
            (L, "Отп. 5 экз."),
            (L, "1 – т. Громыко"),
            (L, "5 – в дело"),
            (H, "25.XII.57"),
            (L, "Печ. Родионова"),
        ],
    ),
    (
        "ru",
        "[Штамп:\n\n7 января 1958 г.]\n[Подпись]",
        [(STAMP, "[Штамп:\n\n7 января 1958 г.]"), (S, "[Подпись]")],
    ),
    (
        "ru",
        "В дело. Н. Торб.\n\nт. Курдюкову И. Ф. Ознакомиться. Н. Федоренко\n\nСЕКРЕТНО",
        [
            (N, "В дело. Н. Торб."),
            (N, "т. Курдюкову И. Ф. Ознакомиться. Н. Федоренко"),
            (H, "СЕКРЕТНО"),
        ],
    ),
    (
        "ru",
        "Выступил Председатель Президиума ВНС Цой Ен Ген. В президиуме были члены ЦК.",
        [
            (SENT, "Выступил Председатель Президиума ВНС Цой Ен Ген."),
            (SENT, "В президиуме были члены ЦК."),
        ],
    ),
    (
        "ru",
        "Беседа состоялась\n14 сентября 1957 г.\nв посольстве.",
        [(SENT, "Беседа состоялась\n14 сентября 1957 г.\nв посольстве.")],
    ),
    (
        "ru",
        "Выступил председатель ВНС\n[Верховного народного\nсобрания] с речью. Он ушел.",
        [
            (SENT, "Выступил председатель ВНС\n[Верховного народного\nсобрания] с речью."),
            (SENT, "Он ушел."),
        ],
    ),
    (
        "ru",
        "Выступил председатель ВНС\n[Верховного народного собрания]\nс речью.",
        [(SENT, "Выступил председатель ВНС\n[Верховного народного собрания]\nс речью.")],
    ),
    (
        "en",
        "The meeting opened on\n2 November 1957\nin Pyongyang.",
        [(SENT, "The meeting opened on\n2 November 1957\nin Pyongyang.")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), LINE_STRUCTURE)
def test_line_structured_parts_stand_alone_with_their_kind(
    lang: str, text: str, expected: list[tuple[SegmentKind, str]]
) -> None:
    assert [(s.kind, s.text) for s in split_sentences(text, lang)] == expected


def gold_documents() -> list[dict[str, object]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("doc", gold_documents(), ids=lambda doc: str(doc["id"]))
@pytest.mark.parametrize(("side", "lang"), [("src", "ru"), ("tgt", "en")])
def test_hand_split_journals_come_out_as_marked(
    doc: dict[str, object], side: str, lang: str
) -> None:
    assert texts(str(doc[f"{side}_text"]), lang) == doc[side]


def test_segments_carry_offsets_into_the_text() -> None:
    text = "  Посетил Ким Ир Сена.  Он\nпоблагодарил. \n\n"
    segments = split_sentences(text, "ru")
    assert segments == [
        Segment("Посетил Ким Ир Сена.", 2, 22, SENT),
        Segment("Он\nпоблагодарил.", 24, 40, SENT),
    ]
    assert [text[s.start : s.end] for s in segments] == [str(s) for s in segments]


@pytest.mark.parametrize("text", ["", "   \n\n\t"])
def test_empty_text_has_no_segments(text: str) -> None:
    assert split_sentences(text, "en") == []


@pytest.mark.parametrize("lang", ["EN", "en-US", "en_GB", " en "])
def test_language_tags_with_regions_are_understood(lang: str) -> None:
    assert texts("Cde. N. S. Khrushchev arrived. He spoke.", lang) == [
        "Cde. N. S. Khrushchev arrived.",
        "He spoke.",
    ]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="'de'"):
        split_sentences("Guten Tag.", "de")


def test_tokenizer_is_built_once_per_language() -> None:
    assert sentence_tokenizer("ru") is sentence_tokenizer("ru")
    assert sentence_tokenizer("ru") is not sentence_tokenizer("en")


def test_no_nltk_data_is_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nltk.data, "path", [])
    sentence_tokenizer.cache_clear()
    try:
        assert texts("Cde. N. S. Khrushchev arrived. He spoke.", "en") == [
            "Cde. N. S. Khrushchev arrived.",
            "He spoke.",
        ]
    finally:
        sentence_tokenizer.cache_clear()


# Known mistakes, kept here so that a fix shows up (strict: a case that starts passing fails).
KNOWN_WRONG = [
    (
        "ru",
        "Беседа состоялась в декабре с. г. Ким Ир Сен сказал, что согласен.",
        ["Беседа состоялась в декабре с. г.", "Ким Ир Сен сказал, что согласен."],
    ),
    (
        "ru",
        "Делегация прибыла в 1957 г. Советская делегация прибыла позже.",
        ["Делегация прибыла в 1957 г.", "Советская делегация прибыла позже."],
    ),
    (
        "en",
        "They received aid from the U.S. Kim Il Sung said so.",
        ["They received aid from the U.S.", "Kim Il Sung said so."],
    ),
    (
        "en",
        "The meeting ended at 5 p.m. I then left.",
        ["The meeting ended at 5 p.m.", "I then left."],
    ),
    ("en", "We chose plan B. The others agreed.", ["We chose plan B.", "The others agreed."]),
    (
        "en",
        "[Translator's note: the text is illegible. Ed.] The Minister agreed.",
        ["[Translator's note: the text is illegible. Ed.]", "The Minister agreed."],
    ),
]


@pytest.mark.xfail(
    strict=True,
    reason="a name, adjective or pronoun after an abbreviation, "
    "or a bracketed note opening a paragraph, gives no evidence of a boundary",
)
@pytest.mark.parametrize(("lang", "text", "expected"), KNOWN_WRONG)
def test_known_wrong_cases(lang: str, text: str, expected: list[str]) -> None:
    assert texts(text, lang) == expected
