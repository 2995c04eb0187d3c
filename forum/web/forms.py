"""Flask-WTF forms for the HTML pages.

Forms only parse and carry what the person typed (and the CSRF token); the rules about
what is acceptable live in the services, whose `Invalid.fields` are mapped back onto
these fields by name. So field names match the services' field names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import EqualTo, InputRequired, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from ..models import CASE_SECTIONS, PROFESSION_LABELS, Specialty

try:  # WTForms 3.3 deprecates (value, label) tuples in favour of SelectChoice.
    from wtforms import SelectChoice as _Choice

    def choice(value: str, label: str) -> object:
        return _Choice(value, label)

except ImportError:  # pragma: no cover - older WTForms

    def choice(value: str, label: str) -> object:
        return (value, label)


PROFESSION_CHOICES = [choice(p.value, label) for p, label in PROFESSION_LABELS.items()]

# Placeholders for the case template: prompts that show what a good section looks like.
CASE_PLACEHOLDERS = {
    "presentation": "Age range, sex, setting and the presenting complaint. "
    "E.g. “A man in his 60s presents to the ED with 2 hours of central chest pain.”",
    "history": "Relevant past history, medications, allergies, social history.",
    "examination": "Vital signs and the findings that matter, positive and negative.",
    "investigations": "Bloods, ECG, imaging… with values and units.",
    "question": "What do you want the group to help you think through?",
    "learning_points": "Optional: what you took away, or what you want others to take away.",
}
REQUIRED_SECTIONS = ("presentation", "question")
REQUIRED = "This field is required."


class SpecialtyChoices:
    """Mixin for forms with specialty pickers: `set_specialties(all_specialties())`."""

    def set_specialties(self, specialties: Sequence[Specialty], blank: str | None = None) -> None:
        choices = [choice(s.slug, s.name) for s in specialties]
        for name in ("specialty", "specialties"):
            field = getattr(self, name, None)
            if field is not None:
                first = [choice("", blank)] if blank and name == "specialty" else []
                field.choices = first + choices


class SpecialtiesField(SelectMultipleField):
    """A checkbox list of specialties (easier than a Ctrl-click multi-select)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, label: str = "Specialties you follow", **kwargs: Any) -> None:
        kwargs.setdefault("choices", [])
        kwargs.setdefault("validate_choice", False)
        kwargs.setdefault("validators", [Optional()])
        super().__init__(label, **kwargs)


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[InputRequired(REQUIRED)])
    password = PasswordField("Password", validators=[InputRequired(REQUIRED)])
    remember = BooleanField("Keep me logged in on this device")
    next = HiddenField()


class SignupForm(SpecialtyChoices, FlaskForm):
    name = StringField("Full name", validators=[InputRequired(REQUIRED)])
    email = EmailField("Email", validators=[InputRequired(REQUIRED)])
    password = PasswordField("Password", validators=[InputRequired(REQUIRED)])
    confirm = PasswordField(
        "Confirm password",
        validators=[InputRequired(REQUIRED), EqualTo("password", "The passwords do not match.")],
    )
    profession = SelectField("Profession", choices=PROFESSION_CHOICES, default="physician")
    training_level = StringField("Training level or role", validators=[Optional()])
    specialties = SpecialtiesField()


class PasswordForm(FlaskForm):
    current_password = PasswordField("Current password", validators=[InputRequired(REQUIRED)])
    new_password = PasswordField("New password", validators=[InputRequired(REQUIRED)])
    confirm = PasswordField(
        "Confirm new password",
        validators=[
            InputRequired(REQUIRED),
            EqualTo("new_password", "The passwords do not match."),
        ],
    )


class ProfileForm(SpecialtyChoices, FlaskForm):
    name = StringField("Full name", validators=[InputRequired(REQUIRED)])
    profession = SelectField("Profession", choices=PROFESSION_CHOICES)
    training_level = StringField("Training level or role", validators=[Optional()])
    specialties = SpecialtiesField()
    bio = TextAreaField("About you", validators=[Optional()])


class PhiConfirm:
    """The author's answer to the PHI guard, shown only once it found something."""

    confirm_no_phi = BooleanField("I have checked: this contains no patient identifiers")


class ThreadForm(PhiConfirm, SpecialtyChoices, FlaskForm):
    title = StringField("Title", validators=[InputRequired(REQUIRED)])
    specialty = SelectField("Specialty", choices=[], validate_choice=False)
    tags = StringField("Tags", validators=[Optional()])


class QuestionForm(ThreadForm):
    body = TextAreaField("Your question", validators=[InputRequired(REQUIRED)])


def _case_form() -> type[ThreadForm]:
    """The case form: one textarea per CASE_SECTIONS key, in the template's order."""
    fields = {
        key: TextAreaField(
            label,
            validators=[InputRequired(REQUIRED)] if key in REQUIRED_SECTIONS else [Optional()],
            render_kw={"placeholder": CASE_PLACEHOLDERS.get(key, "")},
        )
        for key, label in CASE_SECTIONS.items()
    }
    return type("CaseForm", (ThreadForm,), fields)


CaseForm = _case_form()


class ReplyForm(PhiConfirm, FlaskForm):
    body = TextAreaField(
        "Reply",
        validators=[InputRequired(REQUIRED)],
        description="Markdown works: **bold**, *italic*, - lists, > quotes, @handle to mention "
        "someone. Keep it de-identified: no names, dates or record numbers.",
    )


class EditPostForm(PhiConfirm, FlaskForm):
    body = TextAreaField("Text", validators=[InputRequired(REQUIRED)])
    reason = StringField("Reason for the edit", validators=[Optional()])


class EndorseForm(FlaskForm):
    note = TextAreaField("Why this reply models expert reasoning", validators=[Optional()])


class VoteForm(FlaskForm):
    value = HiddenField(default="1")


class AcceptForm(FlaskForm):
    post_id = HiddenField()


class SpecialtyForm(FlaskForm):
    """Add a specialty (name, slug, description) or edit one (the slug is not offered)."""

    name = StringField("Name", validators=[InputRequired(REQUIRED)])
    slug = StringField(
        "Address",
        validators=[Optional()],
        description="The /s/… part of its address: letters, digits and hyphens. "
        "Left blank, it is made from the name. It cannot be changed later.",
    )
    description = TextAreaField("Description", validators=[Optional()])


class ActionForm(FlaskForm):
    """A bare form (CSRF only) for buttons: delete, withdraw, log out."""
