"""The archive-page format: the seed files and the variations such pages show."""

from __future__ import annotations

import datetime

from app.formats import ArchivalMetadata, read_text

LIMIT = 1_000_000


def test_first_seed_gives_every_metadata_field(seed):
    source = read_text(seed("1 October"), "000_580f835d96850bff.txt", max_bytes=LIMIT)

    assert source.format == "archive-page"
    assert source.encoding == "utf-8"
    assert source.metadata == ArchivalMetadata(
        title="Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 1 October 1957",
        date=datetime.date(1957, 10, 1),
        date_text="October 01, 1957",
        summary='Kim Il Sung reports that a Norh Korean delegation is "going to Moscow with '
        'great eagerness" and reveals that a KWP Central Committee Plenum will be convened '
        "in October 1957.",
        citation='"Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 1 October 1957," '
        "October 01, 1957, History and Public Policy Program Digital Archive, AVPRF F. 0102, "
        "Op. 13, Delo 5, Listy 257-307. Translated for NKIDP by Gary Goldberg.",
        repository="History and Public Policy Program Digital Archive",
        archive="AVPRF",
        fond="0102",
        opis="13",
        delo="5",
        listy="257-307",
        source_url=None,
        translator="Gary Goldberg",
        notes=None,
        reference="AVPRF F. 0102, Op. 13, Delo 5, Listy 257-307",
        papka=None,
    )


def test_second_seed_gives_every_metadata_field(seed):
    source = read_text(seed("23 December"), "002_5819299c79c97b58.txt", max_bytes=LIMIT)

    assert source.metadata == ArchivalMetadata(
        title="Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 23 December 1957",
        date=datetime.date(1957, 12, 23),
        date_text="December 23, 1957",
        summary="Kim Il Sung shares impressions about the work of the conferences of leaders "
        "of agricultural cooperatives and plans for similar work for industrial and military "
        "units.",
        citation='"Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 23 December '
        '1957," December 23, 1957, History and Public Policy Program Digital Archive, AVPRF '
        "F. 0102, Op. 14, Delo 6, Listy 26-29. Translated for NKIDP by Gary Goldberg.",
        repository="History and Public Policy Program Digital Archive",
        archive="AVPRF",
        fond="0102",
        opis="14",
        delo="6",
        listy="26-29",
        translator="Gary Goldberg",
        reference="AVPRF F. 0102, Op. 14, Delo 6, Listy 26-29",
    )


def test_seed_body_starts_after_english_html_and_keeps_the_chrome_in_raw(seed):
    data = seed("1 October")
    source = read_text(data, "000.txt", max_bytes=LIMIT)

    assert source.raw == data.decode("utf-8")
    assert source.body.startswith("Incoming Nº 02821s\n\n2 November 1957")
    assert source.body.endswith("The conversation lasted one hour…")
    assert source.raw[: source.body_start].rstrip().endswith("English HTML")
    header = source.raw[: source.body_start]
    for chrome in ("Search in", "get citation", "share document", "Gary Goldberg"):
        assert chrome in header and chrome not in source.body


def test_second_seed_body_runs_from_the_copy_number_to_the_typist(seed):
    source = read_text(seed("23 December"), "002.txt", max_bytes=LIMIT)

    assert source.body.startswith("Nº 309 Copy Nº 3\n\n[23] December 1957")
    assert source.body.endswith("Typed by Rodionova")
    assert source.body_end == len(source.raw.rstrip())


PAGE = """Search in

Digital Archive International History Declassified

{date}

  • Citation

    get citation

    {summary}
    {citation}
  • share document


English HTML

Report of a conversation.
"""


def page(date="March 05, 1958", summary="A short summary.", citation=None) -> bytes:
    citation = citation or (
        '"Record of a Conversation," March 05, 1958, History and Public Policy Program '
        "Digital Archive, AVPRF F. 0102, Op. 14, Delo 8, Listy 1-3. Translated by Jane Roe."
    )
    return PAGE.format(date=date, summary=summary, citation=citation).encode()


def test_page_variation_reads_the_same_fields():
    metadata = read_text(page(), "page.txt", max_bytes=LIMIT).metadata

    assert (metadata.title, metadata.date, metadata.translator) == (
        "Record of a Conversation",
        datetime.date(1958, 3, 5),
        "Jane Roe",
    )
    assert (metadata.fond, metadata.opis, metadata.delo, metadata.listy) == (
        "0102",
        "14",
        "8",
        "1-3",
    )


def test_citation_without_a_translator_gives_none():
    citation = (
        '"Record of a Conversation," March 05, 1958, History and Public Policy Program '
        "Digital Archive, AVPRF F. 0102, Op. 14, Delo 8, Listy 1-3."
    )
    metadata = read_text(page(citation=citation), "page.txt", max_bytes=LIMIT).metadata

    assert metadata.translator is None
    assert metadata.listy == "1-3"


def test_citation_without_a_reference_gives_none_for_its_fields():
    citation = (
        '"Letter from the Embassy," c. 1958, History and Public Policy Program '
        "Digital Archive. Translated for NKIDP by Jane Roe."
    )
    source = read_text(page(date="1958", citation=citation), "page.txt", max_bytes=LIMIT)

    metadata = source.metadata
    assert (metadata.archive, metadata.fond, metadata.delo, metadata.reference) == (None,) * 4
    assert metadata.repository == "History and Public Policy Program Digital Archive"
    assert (metadata.date_text, metadata.date) == ("1958", None)
    assert metadata.translator == "Jane Roe"
    assert source.body == "Report of a conversation."


def test_page_without_citation_still_finds_the_body():
    data = b"Search in\n\nDigital Archive\n\n\xe2\x80\xa2 Citation\n\nEnglish HTML\n\nThe text.\n"
    source = read_text(data, "page.txt", max_bytes=LIMIT)

    assert source.format == "archive-page"
    assert source.body == "The text."
    assert source.metadata.title is None and source.metadata.citation is None


def test_russian_reference_in_a_citation_fills_the_fields():
    citation = (
        '"Запись беседы," March 05, 1958, History and Public Policy Program Digital '
        "Archive, АВП РФ, ф. 0102, оп. 13, п. 32, д. 5, л. 257-307."
    )
    metadata = read_text(page(citation=citation), "page.txt", max_bytes=LIMIT).metadata

    assert (
        metadata.archive,
        metadata.fond,
        metadata.opis,
        metadata.papka,
        metadata.delo,
        metadata.listy,
    ) == ("АВП РФ", "0102", "13", "32", "5", "257-307")
    assert metadata.repository == "History and Public Policy Program Digital Archive"


def test_source_url_in_the_header_is_kept():
    summary = "See https://digitalarchive.example.org/document/114567."
    metadata = read_text(page(summary=summary), "page.txt", max_bytes=LIMIT).metadata

    assert metadata.source_url == "https://digitalarchive.example.org/document/114567"


def test_plain_text_with_one_chrome_word_is_not_an_archive_page():
    data = b"Citation\n\nThe document cites an earlier letter.\n"
    source = read_text(data, "plain.txt", max_bytes=LIMIT)

    assert source.format == "text"
    assert source.metadata.is_empty
    assert source.body == data.decode().strip()
