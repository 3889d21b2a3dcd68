"""Plain text: encodings, newlines, the body span, and a Russian reference line."""

from __future__ import annotations

import codecs

import pytest

from app.formats import ArchivalMetadata, read_text

LIMIT = 1_000_000
RUSSIAN = (
    "Дневник посла СССР в КНДР А. М. Пузанова\n"
    "Я посетил Ким Ир Сена в соответствии с указанием МИД № 1886/ц от 29 сентября. "
    "Ким Ир Сен сказал, что делегация поедет в Москву «с большим желанием»; тов. Ким Ду Бон "
    "выступит на Пленуме ЦК ТПК.\n"
)
ENGLISH = "Counsellor V. I. Pelishenko will remain as chargé d'affaires — “until January”.\n"


def test_utf8_text_is_kept_verbatim_and_the_body_is_all_of_it():
    source = read_text(RUSSIAN.encode(), "ru.txt", max_bytes=LIMIT)

    assert (source.format, source.encoding) == ("text", "utf-8")
    assert source.raw == RUSSIAN
    assert source.body == RUSSIAN.strip()
    assert source.metadata.is_empty


def test_byte_order_mark_is_dropped_and_named_in_the_encoding():
    source = read_text(codecs.BOM_UTF8 + RUSSIAN.encode(), "ru.txt", max_bytes=LIMIT)

    assert source.encoding == "utf-8-sig"
    assert source.raw == RUSSIAN


def test_crlf_and_lone_cr_become_lf():
    data = "Первая строка.\r\nВторая строка.\rТретья.\r\n".encode()
    source = read_text(data, "ru.txt", max_bytes=LIMIT)

    assert source.raw == "Первая строка.\nВторая строка.\nТретья.\n"


def test_windows_1251_russian_comes_out_right():
    data = RUSSIAN.replace("\n", "\r\n").encode("windows-1251")
    source = read_text(data, "ru.txt", max_bytes=LIMIT)

    assert source.encoding == "windows-1251"
    assert source.raw == RUSSIAN


def test_short_windows_1251_line_is_still_recognised():
    source = read_text("Привет, товарищ посол".encode("windows-1251"), "ru.txt", max_bytes=LIMIT)

    assert (source.encoding, source.raw) == ("windows-1251", "Привет, товарищ посол")


def test_all_capitals_windows_1251_telegram_is_recognised():
    text = RUSSIAN.upper()
    source = read_text(text.encode("windows-1251"), "ru.txt", max_bytes=LIMIT)

    assert (source.encoding, source.raw) == ("windows-1251", text)


@pytest.mark.parametrize("encoding", ["koi8-r", "cp866"])
def test_other_russian_code_pages_are_recognised(encoding):
    text = RUSSIAN.replace("№", "N").replace("«", '"').replace("»", '"')
    source = read_text(text.encode(encoding), "ru.txt", max_bytes=LIMIT)

    assert (source.encoding, source.raw) == (encoding, text)


def test_latin_text_in_windows_1252_is_not_read_as_cyrillic():
    source = read_text(ENGLISH.encode("windows-1252"), "en.txt", max_bytes=LIMIT)

    assert (source.encoding, source.raw) == ("windows-1252", ENGLISH)


def test_ascii_english_is_utf8():
    source = read_text(b"I visited Kim Il Sung.\n", "en.txt", max_bytes=LIMIT)

    assert (source.encoding, source.body) == ("utf-8", "I visited Kim Il Sung.")


@pytest.mark.parametrize("bom_encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_byte_order_mark_is_read(bom_encoding):
    bom = codecs.BOM_UTF16_LE if bom_encoding == "utf-16-le" else codecs.BOM_UTF16_BE
    source = read_text(bom + RUSSIAN.encode(bom_encoding), "ru.txt", max_bytes=LIMIT)

    assert (source.encoding, source.raw) == ("utf-16", RUSSIAN)


def test_body_leaves_out_blank_lines_around_the_text():
    text = "\n\n  Текст документа.\n\n\n"
    source = read_text(text.encode(), "ru.txt", max_bytes=LIMIT)

    assert (source.body_start, source.body_end) == (4, 20)
    assert source.body == "Текст документа."


def test_russian_reference_line_becomes_metadata_and_stays_out_of_the_body():
    text = "АВП РФ, ф. 0102, оп. 13, п. 32, д. 5, л. 257-307\n\nСекретно. Экз. № 1\n"
    source = read_text(text.encode(), "ru.txt", max_bytes=LIMIT)

    assert source.metadata == ArchivalMetadata(
        reference="АВП РФ, ф. 0102, оп. 13, п. 32, д. 5, л. 257-307",
        archive="АВП РФ",
        fond="0102",
        opis="13",
        papka="32",
        delo="5",
        listy="257-307",
    )
    assert source.body == "Секретно. Экз. № 1"
    assert source.format == "text"


def test_reference_as_the_last_line_with_full_stops_and_a_verso():
    text = "Посол СССР в КНДР\nА. Пузанов\n\nАВП РФ. Ф. 0102. Оп. 13. П. 72. Д. 5. Л. 26 об.\n"
    source = read_text(text.encode(), "ru.txt", max_bytes=LIMIT)

    assert source.body == "Посол СССР в КНДР\nА. Пузанов"
    metadata = source.metadata
    assert (metadata.archive, metadata.papka, metadata.listy) == ("АВП РФ", "72", "26 об.")
    assert metadata.reference == "АВП РФ. Ф. 0102. Оп. 13. П. 72. Д. 5. Л. 26 об."


def test_reference_inside_a_sentence_is_not_taken_for_a_header():
    text = "Документ хранится в АВП РФ, ф. 0102, оп. 13, д. 5, и был рассекречен.\n"
    source = read_text(text.encode(), "ru.txt", max_bytes=LIMIT)

    assert source.metadata.is_empty
    assert source.body == text.strip()


def test_a_file_that_is_only_a_reference_keeps_it_as_the_text():
    text = "АВП РФ, ф. 0102, оп. 13, д. 5, л. 1-3\n"
    source = read_text(text.encode(), "ru.txt", max_bytes=LIMIT)

    assert source.body == text.strip()
    assert source.metadata.is_empty
