"""Matching Russian terms in any case form, and English renderings as whole words."""

from __future__ import annotations

import pytest

from app.services.terms.english import find_renderings, find_variants
from app.services.terms.russian import (
    combined_keys,
    compile_form,
    find_forms,
    lemma_keys,
    stem_keys,
)


def found(text: str, *forms: str, keyer=combined_keys) -> list[str]:
    patterns = [compile_form(f, keyer) for f in forms]
    return [text[m.start : m.end] for m in find_forms(text, [p for p in patterns if p])]


RUSSIAN = [
    # (forms of the entry, text, what must be found)
    (
        ("Верховное Народное Собрание",),
        "сессия Верховного Народного Собрания КНДР",
        ["Верховного Народного Собрания"],
    ),
    (
        ("Верховное Народное Собрание",),
        "обратились к Верховному Народному Собранию",
        ["Верховному Народному Собранию"],
    ),
    (
        ("Верховное Народное Собрание",),
        "избран Верховным Народным Собранием",
        ["Верховным Народным Собранием"],
    ),
    (
        ("Верховное Народное Собрание",),
        "в Верховном Народном Собрании",
        ["Верховном Народном Собрании"],
    ),
    (("ВНС",), "депутатов ВНС в СССР", ["ВНС"]),
    (("ВНС",), "внс в нижнем регистре не аббревиатура", []),
    (("Президиум ВНС",), "Председателя Президиума ВНС", ["Президиума ВНС"]),
    (("Ким Ир Сен",), "Посетил Ким Ир Сена.", ["Ким Ир Сена"]),
    (("Ким Ир Сен",), "беседа с Ким Ир Сеном", ["Ким Ир Сеном"]),
    (("Пак Кым Чер",), "сообщил Пак Кым Черу", ["Пак Кым Черу"]),
    (("Хрущев",), "письмо Н. С. Хрущеву", ["Хрущеву"]),
    (("Хрущев",), "беседа с Хрущёвым", ["Хрущёвым"]),
    (
        ("сельскохозяйственный кооператив",),
        "в сельскохозяйственных кооперативах",
        ["сельскохозяйственных кооперативах"],
    ),
    (("пленум",), "Пленум ЦК ТПК", ["Пленум"]),
    (("тов.",), "тов. Громыко", ["тов."]),
    (("т.",), "сообщил т. Ким Ир Сену", ["т."]),
    (("т.",), "т. е. в конце года", []),
    (("т.",), "т.е. в конце года", []),
    (("Отп. ... экз.",), "Отп. 5 экз.", ["Отп. 5 экз."]),
    (("Кабинет Министров",), "Кабинета, Министров", []),  # a comma breaks the term
    (("Нам Ир",), "нам Ира не видно", []),  # a name keeps its capitals
]


@pytest.mark.parametrize(("forms", "text", "expected"), RUSSIAN)
def test_russian_forms_are_found_in_any_case_form(forms, text, expected) -> None:
    assert found(text, *forms) == expected


def test_a_longer_form_of_the_same_term_wins() -> None:
    text = "Президиум ЦК ТПК собрался"
    assert found(text, "Президиум ЦК", "Президиум ЦК ТПК") == ["Президиум ЦК ТПК"]


@pytest.mark.parametrize(
    ("keyer", "word", "other"),
    [
        (lemma_keys, "Хрущев", "Хрущева"),  # the dictionary knows the surname
        (stem_keys, "Сен", "Сена"),  # the stem joins a Korean name the dictionary lacks
    ],
)
def test_each_analyser_covers_forms_the_other_misses(keyer, word, other) -> None:
    assert keyer(word) & keyer(other)
    assert combined_keys(word) & combined_keys(other)


ENGLISH = [
    # (renderings, case sensitive, text, found)
    (("VNS",), False, "the VNS Presidium", ["VNS"]),
    (("VNS",), False, "the VNSA is something else", []),
    (
        ("Supreme People's Assembly",),
        False,
        "the Supreme People’s Assembly met",
        ["Supreme People’s Assembly"],
    ),
    (
        ("Supreme People's Assembly",),
        False,
        "the Supreme  People's\nAssembly",
        ["Supreme  People's\nAssembly"],
    ),
    (("farm cooperative",), False, "Farm cooperatives grew", ["Farm cooperative"]),
    (("Cde.",), False, "to Cde. Gromyko", ["Cde."]),
    (("Plenum",), True, "the plenum ended", []),
    (("Plenum",), False, "the plenum ended", ["plenum"]),
    (("KWP", "KWP CC"), False, "the KWP CC decided", ["KWP CC"]),
    (("... copies printed",), False, "Five copies printed", ["Five copies printed"]),
]


@pytest.mark.parametrize(("renderings", "case_sensitive", "text", "expected"), ENGLISH)
def test_english_renderings_match_as_whole_words(renderings, case_sensitive, text, expected):
    hits = find_renderings(text, renderings, case_sensitive)
    assert [h.found for h in hits] == expected


def test_a_plural_ending_is_kept_apart_from_the_rendering() -> None:
    (hit,) = find_renderings("two farm cooperatives", ["farm cooperative"], False)
    assert (hit.found, hit.plural) == ("farm cooperative", "s")


@pytest.mark.parametrize(
    ("text", "known", "case_sensitive", "expected"),
    [
        ("Kim Chang Man came", ["Kim Chang-man"], False, ["Kim Chang Man"]),
        ("Kim Changman came", ["Kim Chang-man"], False, ["Kim Changman"]),
        ("Kim Chang-man came", ["Kim Chang-man"], False, []),
        ("kim chang-man came", ["Kim Chang-man"], False, []),  # case alone, entry ignores case
        ("kim chang-man came", ["Kim Chang-man"], True, ["kim chang-man"]),
        ("Kim Chang Man came", ["Kim Chang-man", "Kim Chang Man"], False, []),  # named already
    ],
)
def test_spelling_variants_of_the_preferred_rendering(text, known, case_sensitive, expected):
    hits = find_variants(text, "Kim Chang-man", known, case_sensitive)
    assert [h.found for h in hits] == expected
