"""Forms of the library area."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import RadioField, SelectChoice, SelectField, StringField
from wtforms.validators import Length, Optional, ValidationError

NEW_COLLECTION = "__new__"


class ImportForm(FlaskForm):
    collection = SelectField("Collection")
    new_collection = StringField("New collection title", validators=[Optional(), Length(max=300)])
    mode = RadioField(
        "What you import",
        default="texts",
        choices=[
            SelectChoice("texts", "An original and its translation (text, DOCX or archive page)"),
            SelectChoice("pairs", "Pre-aligned pairs (two-column TSV or TMX)"),
        ],
    )
    original = FileField("Russian original")
    translation = FileField("English translation")
    pairs = FileField("Pairs file (TSV or TMX)")
    title = StringField(
        "Title (optional: taken from the archive header)", validators=[Optional(), Length(max=500)]
    )

    def validate_new_collection(self, field: StringField) -> None:
        if self.collection.data == NEW_COLLECTION and not (field.data or "").strip():
            raise ValidationError("Give the new collection a title.")

    def validate_original(self, field: FileField) -> None:
        if self.mode.data == "texts" and not field.data:
            raise ValidationError("Choose the Russian original.")

    def validate_translation(self, field: FileField) -> None:
        if self.mode.data == "texts" and not field.data:
            raise ValidationError("Choose the English translation.")

    def validate_pairs(self, field: FileField) -> None:
        if self.mode.data == "pairs" and not field.data:
            raise ValidationError("Choose the pairs file.")
