"""Properties on generated input: what goes into a file comes back out unchanged."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.formats import read_pairs, read_text

LIMIT = 1_000_000
RUSSIAN_WORDS = [
    "посол", "товарищ", "Пленум", "делегация", "сказал", "что", "в", "Москву", "ЦК", "ТПК",
    "сообщил", "Ким", "Ир", "Сен", "вопрос", "Президиума", "ВНС", "№", "1957", "г.", "тов.",
    "«с", "большим", "желанием»", "—", "ещё", "объявил", "съезд", "подъём", "щедрый",
]  # fmt: skip
ENGLISH_WORDS = ["I", "visited", "Kim", "Il", "Sung", "[me]", "VNS", "Cde.", "Nº", "1957"]

cell_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30
).map(str.strip)
pair = st.tuples(cell_text, cell_text).filter(lambda cells: any(cells))


@settings(max_examples=60, deadline=None)
@given(st.lists(pair, min_size=1, max_size=8))
def test_tsv_cells_come_back_with_spans_that_point_at_them(rows):
    data = "".join(f"{src}\t{tgt}\n" for src, tgt in rows).encode()
    pairs = read_pairs(data, "pairs.tsv", max_bytes=LIMIT)

    header_taken = len(pairs.spans) == len(rows) - 1
    assert pairs.texts() == (rows[1:] if header_taken else rows)
    for (s0, s1), (t0, t1) in pairs.spans:
        assert "\n\n" not in pairs.src_raw[s0:s1] and "\n\n" not in pairs.tgt_raw[t0:t1]


def sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[0].upper() + text[1:]


russian_text = (
    st.lists(
        st.lists(st.sampled_from(RUSSIAN_WORDS), min_size=3, max_size=12).map(sentence),
        min_size=2,
        max_size=6,
    )
    .map(lambda sentences: ".\n".join(sentences) + ".")
    .filter(
        lambda text: len(re.findall(r"[^\W\d_]{3,}", text)) >= 2  # two real words at least
    )
)


@settings(max_examples=60, deadline=None)
@given(russian_text)
def test_russian_in_windows_1251_always_comes_back(text):
    source = read_text(text.encode("windows-1251"), "ru.txt", max_bytes=LIMIT)
    assert (source.encoding, source.raw) == ("windows-1251", text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ENGLISH_WORDS + ["chargé", "café", "naïve"]), min_size=2))
def test_english_in_windows_1252_never_comes_back_as_cyrillic(words):
    text = " ".join(words)
    source = read_text(text.encode("windows-1252"), "en.txt", max_bytes=LIMIT)
    assert source.raw == text


@settings(max_examples=60, deadline=None)
@given(russian_text)
def test_russian_in_koi8_r_comes_back_once_there_is_a_line_of_it(text):
    text = text.replace("№", "N").replace("«", '"').replace("»", '"').replace("—", "-")
    source = read_text(text.encode("koi8-r"), "ru.txt", max_bytes=LIMIT)
    assert (source.encoding, source.raw) == ("koi8-r", text)
