"""Read the pairs of a TMX translation memory (1.4b; the `lang` attribute of 1.1 too)."""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree

from app.formats.errors import FormatError
from app.formats.languages import describe_language, primary_subtag

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Inline codes hold the original file's formatting codes, not text: keep only what follows them.
INLINE_CODES = {"bpt", "ept", "ph", "it", "ut"}


def read_tmx_rows(data: bytes, name: str, src_lang: str, tgt_lang: str) -> list[tuple[str, str]]:
    """Return each translation unit's source and target text, in file order."""
    root = parse_xml(data, name)
    if local_name(root) != "tmx":
        raise FormatError(
            f"{name} is XML but not a TMX file: its root element is "
            f"<{local_name(root)}>, not <tmx>."
        )
    units = [unit_texts(unit) for unit in root.iter() if local_name(unit) == "tu"]
    if not units:
        raise FormatError(f"{name} has no translation units (<tu> elements).")
    src, tgt = primary_subtag(src_lang), primary_subtag(tgt_lang)
    seen = sorted({lang for unit in units for lang in unit})
    missing = [lang for lang in (src_lang, tgt_lang) if primary_subtag(lang) not in seen]
    if missing:
        wanted = " or ".join(describe_language(lang) for lang in missing)
        raise FormatError(
            f"{name} has no {wanted} text: its units are in {', '.join(seen) or 'no language'}."
        )
    rows = [(unit.get(src, ""), unit.get(tgt, "")) for unit in units]
    return [row for row in rows if row[0] or row[1]]


def parse_xml(data: bytes, name: str) -> Any:
    """Parse XML without entities or external references, or refuse it with the place."""
    try:
        return SafeElementTree.fromstring(
            data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except ParseError as error:
        line, column = error.position
        reason = str(error).split(":")[0]
        raise FormatError(
            f"{name} is not well-formed XML: {reason} at line {line}, column {column + 1}."
        ) from None
    except DefusedXmlException:
        raise FormatError(
            f"{name} declares XML entities or external references, which are refused for safety."
        ) from None


def local_name(element: Any) -> str:
    """Return an element's tag without its namespace, in lower case."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def unit_texts(unit: Any) -> dict[str, str]:
    """Map each language of a <tu> (primary subtag) to the text of its first <tuv>."""
    texts: dict[str, str] = {}
    for variant in unit:
        if local_name(variant) != "tuv":
            continue
        lang = primary_subtag(variant.get(XML_LANG) or variant.get("lang") or "")
        segment = next((child for child in variant if local_name(child) == "seg"), None)
        if lang and lang not in texts:
            texts[lang] = clean_segment(segment_text(segment)) if segment is not None else ""
    return texts


def segment_text(element: Any) -> str:
    """Return the text of a <seg>, with <hi> and <sub> kept and inline codes dropped."""
    parts = [element.text or ""]
    for child in element:
        if local_name(child) not in INLINE_CODES:
            parts.append(segment_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def clean_segment(text: str) -> str:
    """Drop indentation around line breaks and blank lines: a cell is one paragraph."""
    return re.sub(r"[ \t]*\n\s*", "\n", text.replace("\r\n", "\n")).strip()
