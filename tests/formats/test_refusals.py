"""Bad input is refused with one sentence that names the file and the problem."""

from __future__ import annotations

import io
import zipfile

import pytest

from app.formats import FormatError, detect_kind, read_pairs, read_text

LIMIT = 1_000_000
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def refusal(data: bytes, filename: str = "ru.txt", *, max_bytes: int = LIMIT) -> str:
    with pytest.raises(FormatError) as caught:
        read_text(data, filename, max_bytes=max_bytes)
    assert str(caught.value) == caught.value.message
    return caught.value.message


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_format_error_is_a_value_error():
    assert issubclass(FormatError, ValueError)


def test_empty_file():
    assert refusal(b"") == "ru.txt is empty."


@pytest.mark.parametrize("data", [b"   \n\t\r\n  ", "\u00a0\n".encode()])
def test_whitespace_only_file(data):
    assert refusal(data) == "ru.txt holds only whitespace: there is nothing to import."


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PNG, "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (zip_of({"notes.txt": b"hello"}), "a ZIP archive"),
        (zip_of({"xl/workbook.xml": b"<workbook/>"}), "an Excel workbook (XLSX)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(32), "an old-style Microsoft Office file"),
    ],
)
def test_binary_file_renamed_to_txt_is_named_by_its_type(data, kind):
    message = refusal(data)
    assert message.startswith(f"ru.txt is not text: it looks like {kind}")


def test_nul_bytes_are_refused_as_binary():
    assert refusal(b"text\x00\x01\x02more") == (
        "ru.txt is not text: it contains NUL bytes, as binary files do."
    )


def test_utf16_without_byte_order_mark_gets_advice():
    message = refusal("Plain English text".encode("utf-16-le"))
    assert message == (
        "ru.txt looks like UTF-16 text without a byte-order mark; save it as "
        "UTF-8 and import it again."
    )


def test_control_characters_are_refused_as_binary():
    assert "full of control characters" in refusal(b"ab\x01\x02\x03\x04cd\x05\x06")


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b"Report \x81\x83\x98 ends", "byte 0x81 at line 1, column 8"),
        (b"line one\nabc \xc3\x28 def", "byte 0xC3 at line 2, column 5"),
        (b"\xff\xfe\xfa", "byte 0xFF at line 1, column 1"),
    ],
)
def test_invalid_utf8_that_is_not_windows_1251_russian(data, where):
    assert refusal(data) == (
        f"ru.txt is neither valid UTF-8 ({where}) nor recognisable Windows-1251 Russian text; "
        "save it as UTF-8 and import it again."
    )


def test_bad_utf8_after_a_byte_order_mark():
    message = refusal(b"\xef\xbb\xbfgood \xff bad")
    assert message == (
        "ru.txt starts with a UTF-8 byte-order mark but is not valid UTF-8 "
        "(byte 0xFF at line 1, column 6)."
    )


@pytest.mark.parametrize(
    ("size", "limit", "said"),
    [
        (3 * 1024 * 1024, 2 * 1024 * 1024, "ru.txt is 3 MB, over the 2 MB limit"),
        (1536, 1024, "ru.txt is 1.5 KB, over the 1 KB limit"),
        (10_485_761, 10_485_760, "ru.txt is 10,485,761 bytes, over the 10,485,760 bytes limit"),
    ],
)
def test_oversized_file_says_its_size_and_the_limit(size, limit, said):
    assert refusal(b"a" * size, max_bytes=limit) == f"{said} for an imported file."


def test_oversized_pairs_file_is_refused_before_parsing():
    with pytest.raises(FormatError, match=r"^pairs\.tmx is 2 KB, over the 1 KB limit"):
        read_pairs(b"<" * 2048, "pairs.tmx", max_bytes=1024)


def test_message_names_the_file_without_its_folders():
    assert refusal(b"", "C:\\Users\\translator\\ru.txt") == "ru.txt is empty."
    assert refusal(b"", "/home/translator/en.txt") == "en.txt is empty."


def test_html_page_is_refused_as_text():
    message = refusal(b"<!DOCTYPE html>\n<html><body>Text</body></html>")
    assert message.startswith("ru.txt is a web page (HTML), not plain text")


def test_archive_page_header_without_a_document():
    data = b"Search in\n\nDigital Archive\n\n\xe2\x80\xa2 Citation\n\nEnglish HTML\n\n\n"
    assert refusal(data) == "ru.txt has an archive page's header but no document after it."


@pytest.mark.parametrize("filename", ["pairs.tsv", "memory.tmx"])
def test_pairs_file_given_as_one_text_is_refused(filename):
    assert "holds aligned pairs (TSV or TMX)" in refusal(b"a\tb\n", filename)


@pytest.mark.parametrize(
    ("data", "filename", "kind"),
    [
        (b"ru\ten\n", "pairs.tsv", "pairs"),
        (b"<tmx/>", "memory.TMX", "pairs"),
        (b'<?xml version="1.0"?>\n<tmx version="1.4"><body/></tmx>', "memory.xml", "pairs"),
        ("Русский\tEnglish\nДа\tYes\n".encode(), "export.txt", "pairs"),
        (b"Plain text.\nWith two lines.\n", "ru.txt", "text"),
        (b"Line with\ta tab.\nLine without.\n", "ru.txt", "text"),
        (PNG, "ru.txt", "text"),
        (zip_of({"word/document.xml": b"<w/>"}), "upload", "text"),
    ],
)
def test_detect_kind_sends_tsv_and_tmx_to_read_pairs(data, filename, kind):
    assert detect_kind(data, filename) == kind
