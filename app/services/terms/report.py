"""The collection report: open findings with counts, the consistency of renderings, CSV export."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.models import Collection
from app.services.terms.analysis import TermUse
from app.services.terms.checks import Severity
from app.services.terms.findings import (
    StoredFinding,
    analysed_rows,
    dismissals,
    dismissed_in,
    findings_of,
    index_for,
)
from app.services.terms.records import TermRecord

CONSISTENCY_ID = "term-consistency"
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SORTS = {
    "document": lambda f: (f.document.id, f.row.bead.position, f.finding.check_id),
    "check": lambda f: (f.finding.check_id, f.document.id, f.row.bead.position),
    "term": lambda f: (f.finding.entry.term if f.finding.entry else "\uffff", f.document.id),
    "severity": lambda f: (SEVERITY_ORDER[f.severity], f.finding.check_id, f.document.id),
}


@dataclass
class Usage:
    """How a collection renders one term: occurrences in the originals, renderings used."""

    entry: TermRecord
    occurrences: int = 0
    renderings: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, text)

    @property
    def consistent(self) -> bool:
        """Tell whether the translations use at most one rendering."""
        return len(self.renderings) <= 1

    def add(self, use: TermUse) -> None:
        self.occurrences += len(use.source)
        for kind, found in (
            ("approved", use.approved),
            ("forbidden", use.forbidden),
            ("variant", use.variants),
        ):
            for located in found:
                label = located.hit.rendering if kind != "variant" else located.hit.found
                if kind == "approved":
                    kind = "preferred" if label == use.entry.preferred else "admitted"
                self.renderings[(kind, label)] += 1


@dataclass
class Report:
    """Everything the collection report page shows."""

    findings: list[StoredFinding]
    usage: list[Usage]
    dismissed: int

    @property
    def by_check(self) -> Counter[str]:
        counts = Counter(f.finding.check_id for f in self.findings)
        counts[CONSISTENCY_ID] = sum(not u.consistent for u in self.usage)
        return counts

    @property
    def by_document(self) -> Counter[int]:
        return Counter(f.document.id for f in self.findings)


def collection_report(session: Session, collection: Collection, sort: str = "document") -> Report:
    """Run every check over a collection and gather term usage (open findings only)."""
    index = index_for(session, collection)
    hidden = dismissed_in(session, collection.id)
    usage = {e.term: Usage(e) for e in index.entries}
    findings = []
    for document in collection.documents:
        rows = list(analysed_rows(session, document, index))
        for _row, _pair, uses in rows:
            for use in uses:
                usage[use.entry.term].add(use)
        findings += [f for f in findings_of(document, rows, hidden) if not f.dismissed]
    findings.sort(key=SORTS.get(sort, SORTS["document"]))
    used = sorted((u for u in usage.values() if u.occurrences), key=lambda u: u.consistent)
    return Report(findings, used, len(dismissals(session, collection)))


CSV_COLUMNS = (
    "document",
    "pair",
    "check",
    "severity",
    "term",
    "subject",
    "message",
    "original",
    "translation",
    "fingerprint",
)


def findings_csv(findings: Iterable[StoredFinding]) -> str:
    """Write findings as CSV, one row per finding."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in findings:
        writer.writerow(
            [
                f.document.slug,
                f.row.number,
                f.finding.check_id,
                f.severity.value,
                f.finding.entry.term if f.finding.entry else "",
                f.finding.subject,
                f.finding.message,
                " ".join(s.content for s in f.row.src),
                " ".join(s.content for s in f.row.tgt),
                f.fingerprint,
            ]
        )
    return out.getvalue()


def as_json(findings: Sequence[StoredFinding]) -> list[dict[str, object]]:
    """Return findings as plain data (CLI --json, API)."""
    return [
        {
            "document": f.document.slug,
            "document_id": f.document.id,
            "bead_id": f.row.bead.id,
            "pair": f.row.number,
            "check": f.finding.check_id,
            "severity": f.severity.value,
            "entry_id": f.finding.entry.id if f.finding.entry else None,
            "term": f.finding.entry.term if f.finding.entry else None,
            "subject": f.finding.subject,
            "message": f.finding.message,
            "segment_id": f.segment.id if f.segment else None,
            "fingerprint": f.fingerprint,
            "dismissed": f.dismissed,
        }
        for f in findings
    ]
