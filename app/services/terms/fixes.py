"""Fixing a term across documents: preview every occurrence, apply the accepted ones as one change.

The preview lists, for one entry, every place in a collection's translations that uses a
forbidden rendering or a spelling variant of the preferred one, with the edit proposed
(`replace.propose`: case and brackets respected). An occurrence whose aligned original has the
term is proposed for acceptance; others (the original lacks the term, or the alignment is off)
are listed unticked. Applying edits the English segments through the history recorder, so all
of them form one changeset that undo reverts as a whole; nothing else in the text changes.
"""

from __future__ import annotations

from collections.abc import Collection as Keys
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import Action, Collection, Document, Segment, TermEntry, User
from app.services.alignments import bead_rows
from app.services.errors import Conflict, InvalidInput
from app.services.glossary import to_record
from app.services.history import Outcome, Recorder
from app.services.terms.english import Hit, find_renderings, find_variants
from app.services.terms.records import TermRecord
from app.services.terms.replace import Edit, apply_edits, propose
from app.services.terms.russian import compile_form, find_forms

CONTEXT = 60  # characters of context shown on each side of an occurrence


@dataclass(frozen=True)
class Occurrence:
    """One place a fix would change, with the edit proposed."""

    document: Document
    pair_number: int  # 1-based place of the pair in its document
    segment: Segment
    edit: Edit
    kind: str  # "forbidden" or "variant"
    in_source: bool  # the aligned original has the term

    @property
    def key(self) -> str:
        """Return the occurrence's identity in forms: segment, offsets."""
        return f"{self.segment.id}-{self.edit.start}-{self.edit.end}"

    @property
    def before_context(self) -> str:
        text = self.segment.content[: self.edit.start]
        return ("…" if len(text) > CONTEXT else "") + text[-CONTEXT:]

    @property
    def after_context(self) -> str:
        text = self.segment.content[self.edit.end :]
        return text[:CONTEXT] + ("…" if len(text) > CONTEXT else "")

    def as_dict(self) -> dict[str, object]:
        """Return the occurrence as plain data (CLI --json, API)."""
        return {
            "key": self.key,
            "document": self.document.slug,
            "document_id": self.document.id,
            "pair": self.pair_number,
            "segment_id": self.segment.id,
            "kind": self.kind,
            "before": self.edit.before,
            "after": self.edit.after,
            "context_before": self.before_context,
            "context_after": self.after_context,
            "in_original": self.in_source,
        }


def _hits(text: str, record: TermRecord) -> list[tuple[Hit, str]]:
    cs = record.case_sensitive
    found = [(h, "forbidden") for h in find_renderings(text, record.forbidden, cs)]
    if record.preferred:
        variants = find_variants(text, record.preferred, record.renderings(), cs)
        found += [(h, "variant") for h in variants]
    found.sort(key=lambda pair: pair[0].start)
    return found


def preview(session: Session, collection: Collection, entry: TermEntry) -> list[Occurrence]:
    """Return every occurrence in the collection a fix of this entry would change."""
    record = to_record(entry)
    if not record.preferred:
        raise InvalidInput("The entry has no preferred rendering to put in.")
    forms = [p for p in (compile_form(f) for f in record.russian()) if p]
    found = []
    for document in collection.documents:
        for row in bead_rows(session, document):
            source = " ".join(s.content for s in row.src)
            in_source = bool(find_forms(source, forms))
            for segment in row.tgt:
                end = -1
                for hit, kind in _hits(segment.content, record):
                    edit = propose(segment.content, hit, record)
                    if edit.start < end:
                        continue  # inside the previous edit (a gloss it already replaces)
                    end = edit.end
                    found.append(Occurrence(document, row.number, segment, edit, kind, in_source))
    return found


def summary_of(record: TermRecord, count: int) -> str:
    """Describe a fix for the history pages."""
    places = f"{count} place{'s' * (count != 1)}"
    return f"Term fix «{record.term}» → “{record.preferred}” in {places}"


def apply(
    session: Session,
    collection: Collection,
    entry: TermEntry,
    accepted: Keys[str],
    actor: User | None,
    reason: str | None = None,
) -> Outcome:
    """Apply the accepted occurrences (keys from `preview`) as one undoable changeset."""
    if not accepted:
        raise InvalidInput("Tick at least one occurrence to fix.")
    recorder = Recorder(session, actor, Action.TERM_FIX, reason=reason or "term decision")
    recorder.lock(*(d.id for d in collection.documents))
    current = {o.key: o for o in preview(session, collection, entry)}
    stale = [key for key in accepted if key not in current]
    if stale:
        raise Conflict(
            f"{len(stale)} of the ticked occurrences changed since the preview was shown; "
            "nothing was fixed. Look at the preview again."
        )
    chosen = [current[key] for key in accepted]
    by_segment: dict[int, list[Occurrence]] = {}
    for occurrence in chosen:
        by_segment.setdefault(occurrence.segment.id, []).append(occurrence)
    for occurrences in by_segment.values():
        segment = occurrences[0].segment
        recorder.touch(segment)
        segment.content = apply_edits(segment.content, [o.edit for o in occurrences])
    return recorder.finish(summary_of(to_record(entry), len(chosen)))
