"""DOCX: paragraphs and table cells in document order; refusals of what is not one."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from app.formats import FormatError, read_text

LIMIT = 1_000_000


def refusal(data: bytes, filename: str = "ru.docx", *, max_bytes: int = LIMIT) -> str:
    with pytest.raises(FormatError) as caught:
        read_text(data, filename, max_bytes=max_bytes)
    return caught.value.message


def journal(document) -> None:
    document.add_heading("ДНЕВНИК", level=1)
    document.add_paragraph("Я посетил Ким Ир Сена.")
    document.add_paragraph("")
    table = document.add_table(rows=2, cols=2)
    for row, (number, name) in zip(table.rows, [("1", "Громыко"), ("2", "Федоренко")], strict=True):
        row.cells[0].text, row.cells[1].text = number, name
    document.add_paragraph("Посол СССР в КНДР А. Пузанов")


def test_paragraphs_and_table_cells_come_in_document_order(docx_bytes):
    source = read_text(docx_bytes(journal), "ru.docx", max_bytes=LIMIT)

    assert (source.format, source.encoding) == ("docx", "docx")
    assert source.raw == (
        "ДНЕВНИК\n\nЯ посетил Ким Ир Сена.\n\n1\n\nГромыко\n\n2\n\nФедоренко\n\n"
        "Посол СССР в КНДР А. Пузанов"
    )
    assert source.body == source.raw
    assert source.metadata.is_empty


def test_merged_cells_give_their_text_once(docx_bytes):
    def merged(document):
        table = document.add_table(rows=1, cols=3)
        cell = table.cell(0, 0).merge(table.cell(0, 1))
        cell.text = "Совершенно секретно"
        table.cell(0, 2).text = "Экз. № 1"

    assert read_text(docx_bytes(merged), "ru.docx", max_bytes=LIMIT).raw == (
        "Совершенно секретно\n\nЭкз. № 1"
    )


def test_tracked_insertions_hyperlinks_tabs_and_breaks_are_text(docx_bytes):
    def revised(document):
        paragraph = document.add_paragraph("Ким Ир Сен ")
        paragraph._p.append(  # a tracked insertion, which python-docx's .text leaves out
            parse_xml(
                f'<w:ins {nsdecls("w")} w:id="1" w:author="translator" '
                'w:date="2024-01-01T00:00:00Z"><w:r><w:t>поблагодарил</w:t></w:r></w:ins>'
            )
        )
        paragraph._p.append(
            parse_xml(
                f'<w:del {nsdecls("w")} w:id="2" w:author="translator" '
                'w:date="2024-01-01T00:00:00Z"><w:r><w:delText>сказал</w:delText></w:r></w:del>'
            )
        )
        run = paragraph.add_run(".")
        run.add_break()
        run.add_text("Вторая строка\tпосле табуляции")

    source = read_text(docx_bytes(revised), "ru.docx", max_bytes=LIMIT)
    assert source.raw == "Ким Ир Сен поблагодарил.\nВторая строка\tпосле табуляции"


def test_archive_page_pasted_into_word_is_read_as_one(docx_bytes, seed):
    def pasted(document):
        for line in seed("23 December").decode().split("\n"):
            if line.strip():
                document.add_paragraph(line)

    source = read_text(docx_bytes(pasted), "en.docx", max_bytes=LIMIT)
    assert (source.format, source.encoding) == ("archive-page", "docx")
    assert source.metadata.delo == "6"
    assert source.body.startswith("Nº 309 Copy Nº 3")


def test_docx_without_text_is_refused(docx_bytes):
    message = refusal(docx_bytes(lambda document: None))
    assert message == "ru.docx holds no text at all: there is nothing to import."


def test_pdf_named_docx_is_refused():
    message = refusal(b"%PDF-1.4\n1 0 obj")
    assert message == "ru.docx is not a Word document (DOCX): it looks like a PDF document."


def test_plain_text_named_docx_is_refused():
    message = refusal("Просто текст.".encode())
    assert message == (
        "ru.docx is not a Word document (DOCX): it looks like plain text or another format."
    )


def test_old_word_or_protected_document_is_refused():
    message = refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64))
    assert message.startswith("ru.docx is an old Word 97-2003 document or a password-protected")


def test_other_zip_named_docx_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    message = refusal(buffer.getvalue())
    assert message == (
        "ru.docx is not a Word document (DOCX): it looks like an Excel workbook (XLSX)."
    )


def test_damaged_zip_is_refused():
    message = refusal(b"PK\x03\x04" + b"\x00" * 40)
    assert message == "ru.docx is not a Word document (DOCX): its ZIP package is damaged."


def test_word_part_that_is_not_a_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    message = refusal(buffer.getvalue())
    assert message.startswith("ru.docx is not a readable Word document: ")


def test_zip_bomb_is_refused_before_it_is_unpacked(docx_bytes):
    buffer = io.BytesIO(docx_bytes(journal))
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/zeros.bin", bytes(5 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 100_000  # five megabytes of zeros compress to a few kilobytes

    message = refusal(data, max_bytes=100_000)
    assert message.startswith("ru.docx unpacks to 5")
    assert message.endswith(
        "more than a Word document of its size can hold (at most 1.9 MB); it is refused as a "
        "possible zip bomb."
    )
