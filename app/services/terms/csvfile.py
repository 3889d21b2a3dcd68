"""The glossary as CSV: term,ru_variants,preferred,admitted,forbidden,note,status[,case_sensitive].

Cells holding several values separate them with " | " (the sample corpus's starter glossary).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from app.services.errors import InvalidInput
from app.services.terms.records import TermRecord, TermStatus

COLUMNS = ("term", "ru_variants", "preferred", "admitted", "forbidden", "note", "status")
OPTIONAL = ("case_sensitive",)
SEPARATOR = " | "
TRUE = frozenset({"yes", "true", "1", "y"})
FALSE = frozenset({"no", "false", "0", "n", ""})


def split_cell(cell: str) -> tuple[str, ...]:
    """Split a multi-valued cell on " | " (spaces around the bar optional)."""
    return tuple(v.strip() for v in cell.split("|") if v.strip())


def join_cell(values: Sequence[str]) -> str:
    """Join values into one cell."""
    return SEPARATOR.join(values)


def read_csv(text: str) -> list[TermRecord]:
    """Parse a glossary CSV; refuse it with the row number of the first problem."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InvalidInput(
            f"The glossary CSV lacks the column(s) {', '.join(missing)}; "
            f"the header must be {','.join(COLUMNS)}."
        )
    reader.fieldnames = header
    records, seen = [], set()
    for row_number, row in enumerate(reader, start=2):
        record = _record(row, row_number)
        if record.term in seen:
            raise InvalidInput(f"Row {row_number}: the term {record.term!r} appears twice.")
        seen.add(record.term)
        records.append(record)
    return records


def _record(row: dict[str, str | None], row_number: int) -> TermRecord:
    cell = {key: (value or "").strip() for key, value in row.items() if key is not None}
    if None in row:
        raise InvalidInput(f"Row {row_number} has more cells than the header.")
    if not cell["term"]:
        raise InvalidInput(f"Row {row_number}: the term is empty.")
    status = cell["status"].lower() or TermStatus.PROPOSED.value
    if status not in {s.value for s in TermStatus}:
        raise InvalidInput(f"Row {row_number}: status must be proposed or approved, not {status!r}")
    flag = cell.get("case_sensitive", "").lower()
    if flag not in TRUE | FALSE:
        raise InvalidInput(f"Row {row_number}: case_sensitive must be yes or no, not {flag!r}.")
    return TermRecord(
        term=cell["term"],
        ru_forms=split_cell(cell["ru_variants"]),
        preferred=cell["preferred"],
        admitted=split_cell(cell["admitted"]),
        forbidden=split_cell(cell["forbidden"]),
        note=cell["note"],
        status=TermStatus(status),
        case_sensitive=flag in TRUE,
    ).normalized()


def write_csv(records: Iterable[TermRecord]) -> str:
    """Write records as a glossary CSV that `read_csv` reads back unchanged."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS + OPTIONAL)
    for r in records:
        writer.writerow(
            [
                r.term,
                join_cell(r.russian()),
                r.preferred,
                join_cell(r.admitted),
                join_cell(r.forbidden),
                r.note,
                r.status.value,
                "yes" if r.case_sensitive else "no",
            ]
        )
    return out.getvalue()
