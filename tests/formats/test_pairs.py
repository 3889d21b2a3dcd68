"""Pre-aligned input: two-column TSV and TMX translation memories."""

from __future__ import annotations

import pytest

from app.formats import AlignedPairs, FormatError, read_pairs

LIMIT = 1_000_000
PAIRS = [
    ("Я посетил Ким Ир Сена.", "I visited Kim Il Sung."),
    ("Он поблагодарил.", "He thanked [me]."),
    ("Копий отпечатано пять.", "Five copies printed"),
]


def tsv(rows, header=None) -> str:
    lines = ([header] if header else []) + [f"{src}\t{tgt}" for src, tgt in rows]
    return "\n".join(lines) + "\n"


def refusal(data: bytes, filename: str, **languages: str) -> str:
    with pytest.raises(FormatError) as caught:
        read_pairs(data, filename, max_bytes=LIMIT, **languages)
    return caught.value.message


def test_tsv_without_header_gives_every_pair_with_spans_into_the_raw_texts():
    pairs = read_pairs(tsv(PAIRS).encode(), "pairs.tsv", max_bytes=LIMIT)

    assert (pairs.format, pairs.src_lang, pairs.tgt_lang) == ("tsv", "ru", "en")
    assert pairs.texts() == PAIRS
    assert pairs.src_raw == "\n\n".join(src for src, _ in PAIRS)
    assert pairs.tgt_raw == "\n\n".join(tgt for _, tgt in PAIRS)
    assert pairs.spans[1] == ((24, 40), (24, 40))


@pytest.mark.parametrize("header", ["ru\ten", "Russian\tEnglish", "Source\tTarget", "RU-RU\tEN-US"])
def test_tsv_header_row_is_recognised_and_dropped(header):
    pairs = read_pairs(tsv(PAIRS, header).encode(), "pairs.tsv", max_bytes=LIMIT)
    assert pairs.texts() == PAIRS


def test_tsv_header_naming_english_first_swaps_the_columns():
    swapped = [(tgt, src) for src, tgt in PAIRS]
    pairs = read_pairs(tsv(swapped, "English\tРусский").encode(), "pairs.tsv", max_bytes=LIMIT)
    assert pairs.texts() == PAIRS


def test_tsv_in_windows_1251_with_crlf_and_blank_lines():
    text = tsv(PAIRS).replace("\n", "\r\n\r\n")
    pairs = read_pairs(text.encode("windows-1251"), "pairs.tsv", max_bytes=LIMIT)
    assert pairs.texts() == PAIRS


def test_tsv_empty_cell_is_an_empty_span():
    pairs = read_pairs(b"\xd0\x9e\xd0\xb4\xd0\xb8\xd0\xbd\t\nTwo\tTwo\n", "p.tsv", max_bytes=LIMIT)

    assert pairs.texts() == [("Один", ""), ("Two", "Two")]
    assert pairs.spans[0][1] == (0, 0)
    assert pairs.tgt_raw == "\n\nTwo"


def test_tsv_row_with_wrong_column_count_is_refused_with_its_line():
    data = tsv(PAIRS).replace("Он поблагодарил.\t", "Он поблагодарил.\tлишнее\t").encode()
    assert refusal(data, "pairs.tsv") == (
        "pairs.tsv line 2 has 3 columns; every row needs exactly two: Russian (ru), a tab, "
        "then English (en)."
    )


def test_tsv_row_without_a_tab_is_refused_with_its_line():
    data = ("\n\nРусский\tEnglish\nтолько одна колонка\n").encode()
    assert refusal(data, "pairs.tsv").startswith("pairs.tsv line 4 has 1 column (no tab);")


@pytest.mark.parametrize(
    ("data", "found"), [(b"\n \n", "has no rows"), (b"ru\ten\n", "has only a header row")]
)
def test_tsv_with_no_rows_is_refused(data, found):
    assert refusal(data, "pairs.tsv").startswith(f"pairs.tsv {found}")


def test_csv_is_refused_with_advice():
    assert refusal(b"a,b\n", "pairs.csv").startswith("pairs.csv is comma-separated (CSV)")


def test_binary_file_named_tsv_is_refused():
    message = refusal(b"%PDF-1.5\n", "pairs.tsv")
    assert message == "pairs.tsv is not a TSV or TMX file: it looks like a PDF document."


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none"
          adminlang="en-US" srclang="ru-RU" datatype="plaintext"/>
  <body>
    <tu tuid="1">
      <tuv xml:lang="ru-RU"><seg>Я посетил <bpt i="1">&lt;b&gt;</bpt>Ким Ир Сена<ept i="1"
        >&lt;/b&gt;</ept>.</seg></tuv>
      <tuv xml:lang="en-US"><seg>I visited <hi type="b">Kim Il Sung</hi>.</seg></tuv>
    </tu>
    <tu tuid="2">
      <tuv xml:lang="EN"><seg>He thanked <ph x="1">{{1}}</ph>[me].</seg></tuv>
      <tuv xml:lang="RU"><seg>Он поблагодарил.<it pos="end">&lt;/i&gt;</it></seg></tuv>
    </tu>
    <tu tuid="3">
      <tuv lang="ru"><seg>Копий отпечатано пять.</seg></tuv>
      <tuv lang="en"><seg>
          Five copies printed
      </seg></tuv>
      <tuv xml:lang="de"><seg>Fünf Exemplare gedruckt</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_tmx_reduces_inline_markup_to_text_and_matches_language_variants():
    pairs = read_pairs(TMX.encode(), "memory.tmx", max_bytes=LIMIT)

    assert isinstance(pairs, AlignedPairs)
    assert (pairs.format, pairs.src_lang, pairs.tgt_lang) == ("tmx", "ru", "en")
    assert pairs.texts() == PAIRS


def test_tmx_other_language_pair_can_be_requested():
    pairs = read_pairs(TMX.encode(), "memory.tmx", max_bytes=LIMIT, src_lang="ru", tgt_lang="de")
    assert pairs.texts() == [
        ("Я посетил Ким Ир Сена.", ""),
        ("Он поблагодарил.", ""),
        ("Копий отпечатано пять.", "Fünf Exemplare gedruckt"),
    ]


def test_tmx_is_recognised_by_content_without_its_extension():
    assert read_pairs(TMX.encode(), "memory.xml", max_bytes=LIMIT).format == "tmx"


def test_tmx_without_the_requested_language_names_those_it_has():
    message = refusal(TMX.encode(), "memory.tmx", src_lang="ko", tgt_lang="en")
    assert message == 'memory.tmx has no "ko" text: its units are in de, en, ru.'


def test_tmx_without_either_language_names_both():
    data = TMX.replace('"ru-RU"', '"fr"').replace('"RU"', '"fr"').replace('lang="ru"', 'lang="fr"')
    data = data.replace('"en-US"', '"de"').replace('"EN"', '"de"').replace('lang="en"', 'lang="de"')
    message = refusal(data.encode(), "memory.tmx")
    assert message == (
        "memory.tmx has no Russian (ru) or English (en) text: its units are in de, fr."
    )


def test_malformed_tmx_names_the_problem_and_the_line():
    data = TMX.replace('</tu>\n    <tu tuid="3">', '\n    <tu tuid="3">').encode()
    message = refusal(data, "memory.tmx")
    assert message == "memory.tmx is not well-formed XML: mismatched tag at line 23, column 5."


def test_tmx_with_entities_is_refused_for_safety():
    data = (
        b'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY lol "lol">]>'
        b'<tmx version="1.4"><body><tu><tuv xml:lang="ru"><seg>&lol;</seg></tuv></tu></body></tmx>'
    )
    message = refusal(data, "memory.tmx")
    assert message == (
        "memory.tmx declares XML entities or external references, which are refused for safety."
    )


def test_tmx_with_an_external_entity_is_refused():
    data = (
        b'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<tmx version="1.4"><body><tu><tuv xml:lang="ru"><seg>&x;</seg></tuv></tu></body></tmx>'
    )
    assert "refused for safety" in refusal(data, "memory.tmx")


def test_xml_that_is_not_tmx_is_refused():
    message = refusal(b"<?xml version='1.0'?><html><body/></html>", "memory.tmx")
    assert message == "memory.tmx is XML but not a TMX file: its root element is <html>, not <tmx>."


def test_tmx_without_units_is_refused():
    message = refusal(b'<tmx version="1.4"><header/><body/></tmx>', "memory.tmx")
    assert message == "memory.tmx has no translation units (<tu> elements)."


def test_tmx_whose_units_are_all_empty_is_refused():
    data = (
        b'<tmx version="1.4"><body><tu><tuv xml:lang="ru"><seg> </seg></tuv>'
        b'<tuv xml:lang="en"><seg/></tuv></tu></body></tmx>'
    )
    assert refusal(data, "memory.tmx") == "memory.tmx has no pair with any text in it."
