"""Forms of the terminology area."""

from __future__ import annotations

from typing import TypeVar

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from app.models import TermStatus
from app.services.errors import InvalidInput
from app.services.terms.records import TermRecord, unique

F = TypeVar("F", bound=FlaskForm)


def submitted(form: F, problem: str = "The form had expired; reload the page.") -> F:
    """Return the form if it was validly submitted; otherwise refuse the request (400)."""
    if not form.validate_on_submit():
        raise InvalidInput(problem)
    return form


def lines(text: str | None) -> tuple[str, ...]:
    """Split a text area into its non-empty lines."""
    return unique((text or "").splitlines())


class EntryForm(FlaskForm):
    term = StringField("Russian term", validators=[DataRequired(), Length(max=300)])
    ru_forms = TextAreaField("Other Russian forms, one per line (abbreviation, full name, cases)")
    preferred = StringField("Preferred English rendering", validators=[Length(max=300)])
    admitted = TextAreaField("Admitted renderings (one per line)")
    forbidden = TextAreaField("Forbidden renderings (one per line)")
    note = TextAreaField("Note")
    status = SelectField(
        "Status",
        choices=[SelectChoice(s.value, s.value) for s in TermStatus],
        default=TermStatus.PROPOSED.value,
    )
    case_sensitive = BooleanField("Match English renderings case-sensitively")
    reason = StringField("Why (kept with the change)", validators=[Optional(), Length(max=500)])

    def record(self) -> TermRecord:
        """Return the entry the form describes."""
        return TermRecord(
            term=self.term.data or "",
            ru_forms=lines(self.ru_forms.data),
            preferred=self.preferred.data or "",
            admitted=lines(self.admitted.data),
            forbidden=lines(self.forbidden.data),
            note=self.note.data or "",
            status=TermStatus(self.status.data),
            case_sensitive=bool(self.case_sensitive.data),
        )

    def fill(self, record: TermRecord) -> None:
        """Show an entry in the form."""
        self.term.data, self.preferred.data = record.term, record.preferred
        self.ru_forms.data = "\n".join(record.ru_forms)
        self.admitted.data = "\n".join(record.admitted)
        self.forbidden.data = "\n".join(record.forbidden)
        self.note.data, self.status.data = record.note, record.status.value
        self.case_sensitive.data = record.case_sensitive


class ReasonForm(FlaskForm):
    """A form that carries only a reason (delete, dismiss, fix, undo)."""

    reason = StringField("Why", validators=[Optional(), Length(max=500)])


class GlossaryImportForm(FlaskForm):
    file = FileField("Glossary file (CSV or TBX)", validators=[FileRequired()])
    reason = StringField("Why", validators=[Optional(), Length(max=500)], default="glossary import")
