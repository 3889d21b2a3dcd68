"""The glossary as TBX (ISO 30042): TBX-Basic written in the 2019 DCA style, both editions read.

One conceptEntry per entry: the Russian langSec holds the term (preferred) and its forms
(admitted), the English langSec the renderings with their administrative status: preferred,
admitted, deprecated (our forbidden). Reading maps deprecated, superseded, obsolete and
forbidden to forbidden. The entry's decision is an `elementWorkingStatus` admin value
(consolidatedElement = approved, workingElement = proposed), its note a concept-level note.
The entry's case sensitivity is ours alone and is not written (entries read from TBX match
case-insensitively).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # building only; parsing goes through defusedxml
from collections.abc import Iterable

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from app.services.errors import InvalidInput
from app.services.terms.records import TermRecord, TermStatus, unique

NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS = "administrativeStatus"
WORKING = {TermStatus.APPROVED: "consolidatedElement", TermStatus.PROPOSED: "workingElement"}
FORBIDDEN = {"deprecatedterm", "supersededterm", "obsoleteterm", "obsolete", "forbidden"}
ADMITTED = {"admittedterm", "legalterm", "regulatedterm", "standardizedterm"}


def write_tbx(records: Iterable[TermRecord], title: str, src: str = "ru", tgt: str = "en") -> str:
    """Write records as a TBX-Basic document."""
    root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: tgt})
    root.set("xmlns", NAMESPACE)
    header = ET.SubElement(ET.SubElement(root, "tbxHeader"), "fileDesc")
    ET.SubElement(ET.SubElement(header, "titleStmt"), "title").text = title
    ET.SubElement(ET.SubElement(header, "sourceDesc"), "p").text = "Exported from Sverka"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for number, record in enumerate(records, start=1):
        body.append(_concept(record, number, src, tgt))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _concept(record: TermRecord, number: int, src: str, tgt: str) -> ET.Element:
    concept = ET.Element("conceptEntry", {"id": f"c{record.id or number}"})
    ET.SubElement(concept, "admin", {"type": "elementWorkingStatus"}).text = WORKING[record.status]
    if record.note:
        ET.SubElement(concept, "note").text = record.note
    russian = [(record.term, "preferredTerm-admn-sts")] + [
        (form, "admittedTerm-admn-sts") for form in record.russian()[1:]
    ]
    english = (
        [(record.preferred, "preferredTerm-admn-sts")] * bool(record.preferred)
        + [(r, "admittedTerm-admn-sts") for r in record.admitted]
        + [(r, "deprecatedTerm-admn-sts") for r in record.forbidden]
    )
    for lang, terms in ((src, russian), (tgt, english)):
        if terms:
            section = ET.SubElement(concept, "langSec", {XML_LANG: lang})
            for text, status in terms:
                section.append(_term(text, status))
    return concept


def _term(text: str, status: str) -> ET.Element:
    term_sec = ET.Element("termSec")
    ET.SubElement(term_sec, "term").text = text
    if len(text) > 1 and text.isupper():
        ET.SubElement(term_sec, "termNote", {"type": "termType"}).text = "abbreviation"
    ET.SubElement(term_sec, "termNote", {"type": STATUS}).text = status
    return term_sec


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, *names: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) in names]


def read_tbx(data: bytes, src: str = "ru", tgt: str = "en") -> list[TermRecord]:
    """Parse a TBX file (2019 conceptEntry or 2008 termEntry) into records."""
    try:
        root = fromstring(data)
    except (ET.ParseError, DefusedXmlException, ValueError) as error:
        raise InvalidInput(f"This is not a readable TBX file: {error}.") from error
    if _local(root.tag) not in ("tbx", "martif"):
        raise InvalidInput("This is not a TBX file: its root element is not <tbx> or <martif>.")
    records = []
    for concept in root.iter():
        if _local(concept.tag) in ("conceptEntry", "termEntry"):
            record = _record(concept, src, tgt)
            if record is not None:
                records.append(record)
    return records


def _record(concept: ET.Element, src: str, tgt: str) -> TermRecord | None:
    terms: dict[str, list[tuple[str, str]]] = {src: [], tgt: []}
    for section in _children(concept, "langSec", "langSet"):
        lang = (section.get(XML_LANG) or section.get("lang") or "").lower().split("-")[0]
        if lang in terms:
            terms[lang] += [_read_term(t) for t in _children(section, "termSec", "tig", "ntig")]
    russian = [text for text, _ in terms[src] if text]
    if not russian:
        return None
    english = [(text, status) for text, status in terms[tgt] if text]
    preferred = [t for t, s in english if s == "preferred"] or [
        t for t, s in english if s == "admitted"
    ][:1]
    admitted = [t for t, s in english if s != "forbidden" and t not in preferred[:1]]
    working = "".join(
        a.text or "" for a in _children(concept, "admin") if a.get("type") == "elementWorkingStatus"
    )
    return TermRecord(
        term=russian[0],
        ru_forms=tuple(russian),
        preferred=preferred[0] if preferred else "",
        admitted=unique(admitted),
        forbidden=unique([t for t, s in english if s == "forbidden"]),
        note="\n".join((n.text or "").strip() for n in _children(concept, "note")),
        status=TermStatus.APPROVED if working == "consolidatedElement" else TermStatus.PROPOSED,
    ).normalized()


def _read_term(term_sec: ET.Element) -> tuple[str, str]:
    """Return a term's text and our status for it (preferred, admitted or forbidden)."""
    text = "".join(t.text or "" for t in term_sec.iter() if _local(t.tag) == "term").strip()
    status = "admitted"
    for note in term_sec.iter():
        kind = note.get("type") or ""
        if _local(note.tag) == "termNote" and kind in (STATUS, "normativeAuthorization"):
            value = (note.text or "").strip().lower().removesuffix("-admn-sts")
            if value == "preferredterm":
                status = "preferred"
            elif value in FORBIDDEN:
                status = "forbidden"
    return text, status
