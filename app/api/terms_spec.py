"""The terminology endpoints' part of the OpenAPI document (app/api/terms.py serves them)."""

from __future__ import annotations

from typing import Any

from app.api.openapi import error
from app.services.terms.checks import CHECKS_BY_ID

SLUG = {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}
ENTRY_ID = {"name": "entry_id", "in": "path", "required": True, "schema": {"type": "integer"}}
TEXTS = {"type": "array", "items": {"type": "string"}}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def json_body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def listing(key: str, item: str) -> dict[str, Any]:
    return {"type": "object", "properties": {key: {"type": "array", "items": ref(item)}}}


ENTRY_FIELDS = {
    "term": {"type": "string", "description": "the Russian headword"},
    "ru_forms": {**TEXTS, "description": "abbreviation, full name, variants, case forms"},
    "preferred": {"type": "string"},
    "admitted": TEXTS,
    "forbidden": TEXTS,
    "note": {"type": "string"},
    "status": {"type": "string", "enum": ["proposed", "approved"]},
    "case_sensitive": {"type": "boolean"},
}
SCHEMAS: dict[str, Any] = {
    "TermEntry": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            **ENTRY_FIELDS,
            "approved_by": {"type": "string", "nullable": True},
            "approved_at": {"type": "string", "format": "date-time", "nullable": True},
        },
    },
    "TermEntryInput": {
        "type": "object",
        "required": ["term"],
        "properties": {
            **ENTRY_FIELDS,
            "reason": {"type": "string", "description": "kept with the change; needed to edit"},
        },
    },
    "Finding": {
        "type": "object",
        "properties": {
            "document": {"type": "string"},
            "document_id": {"type": "integer"},
            "bead_id": {"type": "integer"},
            "pair": {"type": "integer", "description": "1-based place of the pair"},
            "check": {"type": "string", "enum": sorted(CHECKS_BY_ID)},
            "severity": {"type": "string", "enum": ["error", "warning", "info"]},
            "entry_id": {"type": "integer", "nullable": True},
            "term": {"type": "string", "nullable": True},
            "subject": {"type": "string"},
            "message": {"type": "string"},
            "segment_id": {"type": "integer", "nullable": True},
            "fingerprint": {"type": "string", "description": "dismiss the finding with this"},
            "dismissed": {"type": "boolean"},
        },
    },
    "Occurrence": {
        "type": "object",
        "properties": {
            "key": {"type": "string", "description": "accept the occurrence with this"},
            "document": {"type": "string"},
            "document_id": {"type": "integer"},
            "pair": {"type": "integer"},
            "segment_id": {"type": "integer"},
            "kind": {"type": "string", "enum": ["forbidden", "variant"]},
            "before": {"type": "string"},
            "after": {"type": "string"},
            "context_before": {"type": "string"},
            "context_after": {"type": "string"},
            "in_original": {"type": "boolean", "description": "the aligned original has the term"},
        },
    },
}
IMPORTED = {
    "type": "object",
    "properties": {k: {"type": "integer"} for k in ("created", "updated", "unchanged")},
}
FIXED = {
    "type": "object",
    "properties": {
        "summary": {"type": "string"},
        "changeset": {"type": "string", "description": "POST /changesets/{it}/undo reverts it"},
        "fixed": {"type": "integer"},
        "versions": {"type": "object", "additionalProperties": {"type": "integer"}},
    },
}
GLOSSARY_FILE = {"schema": {"type": "string"}}
PATHS: dict[str, Any] = {
    "/collections/{slug}/glossary": {
        "parameters": [SLUG],
        "get": {
            "summary": "The collection's glossary (JSON, or a CSV/TBX file with ?format=)",
            "parameters": [
                {"name": "format", "in": "query", "schema": {"enum": ["json", "csv", "tbx"]}}
            ],
            "responses": {
                "200": ok("the entries", listing("entries", "TermEntry")),
                "404": error("no such collection"),
            },
        },
        "post": {
            "summary": "Import a CSV or TBX glossary (entries matched by their Russian term)",
            "parameters": [
                {"name": "filename", "in": "query", "schema": {"type": "string"}},
                {"name": "reason", "in": "query", "schema": {"type": "string"}},
            ],
            "requestBody": {
                "required": True,
                "content": {
                    "text/csv": GLOSSARY_FILE,
                    "application/x-tbx+xml": GLOSSARY_FILE,
                    "multipart/form-data": {
                        "schema": {"type": "object", "properties": {"file": {"type": "string"}}}
                    },
                },
            },
            "responses": {"200": ok("what changed", IMPORTED), "400": error("unreadable file")},
        },
    },
    "/collections/{slug}/glossary/entries": {
        "parameters": [SLUG],
        "post": {
            "summary": "Add an entry",
            "requestBody": json_body(ref("TermEntryInput")),
            "responses": {"201": ok("the entry", ref("TermEntry")), "400": error("invalid")},
        },
    },
    "/collections/{slug}/glossary/entries/{entry_id}": {
        "parameters": [SLUG, ENTRY_ID],
        "put": {
            "summary": "Change an entry (with a reason)",
            "requestBody": json_body(ref("TermEntryInput")),
            "responses": {"200": ok("the entry", ref("TermEntry")), "400": error("invalid")},
        },
    },
    "/collections/{slug}/terms/findings": {
        "parameters": [SLUG],
        "get": {
            "summary": "Run the checks: open findings (?dismissed=include for all)",
            "parameters": [
                {"name": "document", "in": "query", "schema": {"type": "string"}},
                {"name": "dismissed", "in": "query", "schema": {"enum": ["include"]}},
            ],
            "responses": {"200": ok("the findings", listing("findings", "Finding"))},
        },
    },
    "/collections/{slug}/terms/findings/dismiss": {
        "parameters": [SLUG],
        "post": {
            "summary": "Dismiss a finding as a false positive (it stays dismissed)",
            "requestBody": json_body(
                {
                    "type": "object",
                    "required": ["document_id", "fingerprint"],
                    "properties": {
                        "document_id": {"type": "integer"},
                        "fingerprint": {"type": "string"},
                        "reason": {"type": "string"},
                    },
                }
            ),
            "responses": {
                "200": ok("dismissed", {"type": "object"}),
                "400": error("no such finding now"),
            },
        },
    },
    "/collections/{slug}/glossary/entries/{entry_id}/fix": {
        "parameters": [SLUG, ENTRY_ID],
        "get": {
            "summary": "Preview a fix of the term across the collection",
            "responses": {"200": ok("the occurrences", listing("occurrences", "Occurrence"))},
        },
        "post": {
            "summary": "Apply a fix as one changeset (undo: POST /changesets/{changeset}/undo)",
            "requestBody": json_body(
                {
                    "type": "object",
                    "properties": {
                        "accept": {
                            "description": '"in_original" (default), "all", or occurrence keys',
                            "oneOf": [{"type": "string", "enum": ["in_original", "all"]}, TEXTS],
                        },
                        "reason": {"type": "string"},
                    },
                }
            ),
            "responses": {
                "200": ok("applied", FIXED),
                "409": error("the text changed since the preview"),
            },
        },
    },
}
