"""The review endpoints' part of the OpenAPI document (app/api/review.py serves them)."""

from __future__ import annotations

from typing import Any

from app.api.openapi import error
from app.services.commands import OPERATIONS


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


DOCUMENT_ID = {"name": "document_id", "in": "path", "required": True, "schema": {"type": "integer"}}
SENTENCE = {
    "type": "object",
    "properties": {
        "id": {"type": "integer", "description": "stable: never renumbered"},
        "kind": {"type": "string"},
        "content": {"type": "string"},
    },
}
SCHEMAS: dict[str, Any] = {
    "Bead": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "position": {"type": "integer", "description": "orders beads; gaps are normal"},
            "confidence": {"type": "number"},
            "status": {"type": "string", "enum": ["automatic", "confirmed", "flagged"]},
            "comment": {"type": "string", "nullable": True},
            "kind": {"type": "string", "example": "2-1"},
            "needs_review": {"type": "boolean"},
            "version": {"type": "integer", "description": "document version this was read at"},
            "src": {"type": "array", "items": SENTENCE},
            "tgt": {"type": "array", "items": SENTENCE},
            "warnings": {"type": "array", "items": {"type": "object"}},
        },
    },
    "Operation": {
        "type": "object",
        "required": ["op", "bead", "version"],
        "properties": {
            "op": {"type": "string", "enum": list(OPERATIONS)},
            "bead": {"type": "integer", "description": "the bead acted on"},
            "version": {"type": "integer", "description": "document version the rows were read at"},
            "versions": {
                "type": "object",
                "additionalProperties": {"type": "integer"},
                "description": "bead id -> version, for beads read at another version",
            },
            "src_cut": {"type": "integer", "description": "split: Russian sentences kept"},
            "tgt_cut": {"type": "integer", "description": "split: English sentences kept"},
            "segment": {"type": "integer", "description": "sentence operations: its id"},
            "marked": {"type": "string", "description": "split_segment: the text with one |"},
            "content": {"type": "string", "description": "edit_segment: the new text"},
            "reason": {"type": "string", "description": "edit_segment of the original: why"},
            "comment": {"type": "string", "description": "flag: what is wrong"},
        },
    },
    "Outcome": {
        "type": "object",
        "properties": {
            "summary": {"type": "string"},
            "changeset": {"type": "string", "nullable": True, "description": "null: no change"},
            "versions": {"type": "object", "additionalProperties": {"type": "integer"}},
            "beads": {"type": "array", "items": ref("Bead")},
            "created": {"type": "array", "items": {"type": "integer"}},
            "removed": {"type": "array", "items": {"type": "integer"}},
        },
    },
}
REFUSALS = {
    "400": error("the operation is not possible or malformed"),
    "403": error("your role may not do this"),
    "404": error("no such document or bead"),
    "409": error(
        "a later change touched these rows (or blocks the undo); the body names it: "
        "later_changes / blocked_by"
    ),
}
PATHS: dict[str, Any] = {
    "/documents/{document_id}/beads": {
        "get": {
            "summary": "Read a document's beads in order",
            "parameters": [
                DOCUMENT_ID,
                {"name": "show", "in": "query", "schema": {"enum": ["all", "review", "confirmed"]}},
            ],
            "responses": {"200": ok("the beads", {"type": "object"}), "404": REFUSALS["404"]},
        }
    },
    "/documents/{document_id}/operations": {
        "post": {
            "summary": "Apply one review operation, based on the version the rows were read at",
            "parameters": [DOCUMENT_ID],
            "requestBody": {"content": {"application/json": {"schema": ref("Operation")}}},
            "responses": {"200": ok("what changed", ref("Outcome")), **REFUSALS},
        }
    },
    "/documents/{document_id}/undo": {
        "post": {
            "summary": "Undo your latest operation on this document that is not undone yet",
            "parameters": [DOCUMENT_ID],
            "responses": {"200": ok("what changed", ref("Outcome")), **REFUSALS},
        }
    },
    "/changesets/{changeset}/undo": {
        "post": {
            "summary": "Undo any changeset (a new changeset; refused if later changes depend)",
            "parameters": [
                {"name": "changeset", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {"200": ok("the undo", {"type": "object"}), **REFUSALS},
        }
    },
    "/documents/{document_id}/history": {
        "get": {
            "summary": "A document's operations, newest first, with readable row changes",
            "parameters": [
                DOCUMENT_ID,
                {"name": "before", "in": "query", "schema": {"type": "integer"}},
            ],
            "responses": {"200": ok("operations", {"type": "object"})},
        }
    },
    "/collections/{slug}/next": {
        "get": {
            "summary": "The next bead needing review in a collection, lowest confidence first",
            "parameters": [
                {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "after", "in": "query", "schema": {"type": "integer"}},
            ],
            "responses": {"200": ok("the next bead, or null", {"type": "object"})},
        }
    },
}
