"""Glossary files: CSV and TBX round trips, TBX status mapping, refusals of bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.errors import InvalidInput
from app.services.terms.csvfile import read_csv, write_csv
from app.services.terms.records import TermRecord, TermStatus
from app.services.terms.tbx import read_tbx, write_tbx

STARTER = Path(__file__).resolve().parents[2] / "corpora" / "puzanov-1957" / "glossary.csv"


@pytest.fixture(scope="module")
def starter() -> list[TermRecord]:
    return read_csv(STARTER.read_text(encoding="utf-8"))


def test_the_starter_glossary_reads_as_the_corpus_describes_it(starter) -> None:
    vns = next(r for r in starter if r.term == "ВНС")
    assert vns.preferred == "Supreme People's Assembly"
    assert vns.admitted == ("SPA",) and vns.forbidden == ("VNS",)
    assert "Верховного Народного Собрания" in vns.ru_forms
    assert vns.status == TermStatus.APPROVED
    assert next(r for r in starter if r.term == "пленум").status == TermStatus.PROPOSED


def test_csv_round_trip(starter) -> None:
    assert read_csv(write_csv(starter)) == starter


def test_tbx_round_trip(starter) -> None:
    assert read_tbx(write_tbx(starter, "Puzanov").encode()) == starter


def test_tbx_is_tbx_basic_with_deprecated_renderings(starter) -> None:
    text = write_tbx(starter[:1], "Puzanov")
    assert 'type="TBX-Basic"' in text and "urn:iso:std:iso:30042:ed-2" in text
    assert "<term>VNS</term>" in text
    assert "deprecatedTerm-admn-sts" in text


def test_csv_keeps_case_sensitivity_and_multi_valued_cells() -> None:
    record = TermRecord(
        "пленум", preferred="Plenum", admitted=("plenum",), case_sensitive=True, note='a "note", ok'
    )
    (back,) = read_csv(write_csv([record]))
    assert back == record


def tig(term: str, kind: str, status: str) -> str:
    return f'<tig><term>{term}</term><termNote type="{kind}">{status}</termNote></tig>'


TBX_2008 = f"""<?xml version="1.0"?>
<martif type="TBX-Basic" xml:lang="en">
 <text><body>
  <termEntry id="e1">
   <note>From another tool.</note>
   <langSet xml:lang="ru"><tig><term>МИД</term></tig></langSet>
   <langSet xml:lang="en-US">
    {tig("MFA", "administrativeStatus", "preferredTerm-admn-sts")}
    {tig("Ministry of Foreign Affairs", "administrativeStatus", "admittedTerm-admn-sts")}
    {tig("Foreign Ministry", "administrativeStatus", "supersededTerm-admn-sts")}
    {tig("MID", "normativeAuthorization", "obsolete")}
    {tig("Mindel", "normativeAuthorization", "forbidden")}
   </langSet>
  </termEntry>
  <termEntry id="e2"><langSet xml:lang="en"><tig><term>orphan</term></tig></langSet></termEntry>
 </body></text>
</martif>"""


def test_tbx_2008_statuses_map_to_ours() -> None:
    (record,) = read_tbx(TBX_2008.encode())
    assert record.term == "МИД" and record.preferred == "MFA"
    assert record.admitted == ("Ministry of Foreign Affairs",)
    assert record.forbidden == ("Foreign Ministry", "MID", "Mindel")
    assert record.note == "From another tool."
    assert record.status == TermStatus.PROPOSED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<tbx><text><body><conceptEntry>", "not a readable TBX file"),
        (b"<html><body/></html>", "root element"),
        (
            b'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><tbx>&b;</tbx>',
            "not a readable TBX file",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<tbx>&x;</tbx>",
            "not a readable TBX file",
        ),
    ],
)
def test_bad_tbx_is_refused(data, message) -> None:
    with pytest.raises(InvalidInput, match=message):
        read_tbx(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("term,preferred\nВНС,SPA\n", "lacks the column"),
        ("term,ru_variants,preferred,admitted,forbidden,note,status\n,,x,,,,approved\n", "Row 2"),
        ("term,ru_variants,preferred,admitted,forbidden,note,status\nВНС,,x,,,,maybe\n", "maybe"),
        (
            "term,ru_variants,preferred,admitted,forbidden,note,status\nВНС,,a,,,,approved\n"
            "ВНС,,b,,,,approved\n",
            "appears twice",
        ),
    ],
)
def test_bad_csv_is_refused_with_the_row(text, message) -> None:
    with pytest.raises(InvalidInput, match=message):
        read_csv(text)
