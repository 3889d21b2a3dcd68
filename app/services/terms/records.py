"""A glossary entry as plain values: what matching, checks and file formats work on."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.models.glossary import TermStatus

__all__ = ["TermRecord", "TermStatus", "unique"]


def unique(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Return the non-empty values stripped, first occurrence kept, order kept."""
    seen: dict[str, None] = {}
    for value in values:
        cleaned = " ".join(value.split())
        if cleaned:
            seen.setdefault(cleaned, None)
    return tuple(seen)


@dataclass(frozen=True)
class TermRecord:
    """One concept: Russian forms, approved and forbidden English renderings, a decision."""

    term: str
    ru_forms: tuple[str, ...] = ()  # other forms: abbreviation, full name, case forms
    preferred: str = ""
    admitted: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    note: str = ""
    status: TermStatus = TermStatus.PROPOSED
    case_sensitive: bool = False
    id: int | None = field(default=None, compare=False)

    def russian(self) -> tuple[str, ...]:
        """Return the term and its variants, each once."""
        return unique([self.term, *self.ru_forms])

    def approved_renderings(self) -> tuple[str, ...]:
        """Return the preferred rendering first, then the admitted ones."""
        return unique([self.preferred, *self.admitted])

    def renderings(self) -> tuple[str, ...]:
        """Return every English rendering the entry names, approved or forbidden."""
        return unique([*self.approved_renderings(), *self.forbidden])

    def normalized(self) -> TermRecord:
        """Return the record with its cells stripped, duplicates and the term left out of forms."""
        term = " ".join(self.term.split())
        return TermRecord(
            term=term,
            ru_forms=tuple(f for f in unique(self.ru_forms) if f != term),
            preferred=" ".join(self.preferred.split()),
            admitted=unique(self.admitted),
            forbidden=unique(self.forbidden),
            note=self.note.strip(),
            status=self.status,
            case_sensitive=self.case_sensitive,
            id=self.id,
        )
