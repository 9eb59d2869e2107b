"""What every form does the same way: limits said in 字, files never dropped silently."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext

from kunitachi_kyodo.fiscal import DATE_OUT_OF_RANGE, validate_date


class AmountInput(forms.TextInput):
    """Yen typed as text with the number keyboard on a phone. A `type=number` field cannot
    show back what was typed wrongly ("abc", 1,000): the input is kept and said next to it."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})


class CharacterLimit(MaxLengthValidator):
    """Too long: said with both numbers in 字 (4,000字以内… いま4,001字), never cut silently."""

    def __call__(self, value):
        # A browser sends a line break as two characters (CRLF); a person sees, and the
        # counter on the page counts, one.
        length = len(value.replace("\r\n", "\n"))
        if length > self.limit_value:
            raise ValidationError(
                gettext("%(limit)s字以内で入力してください（いま%(length)s字）。")
                % {"limit": f"{self.limit_value:,}", "length": f"{length:,}"},
                code="too_long",
            )


class CharacterLimitsMixin:
    """Each text field shows its limit before it is reached and says when it is passed.

    The browser's `maxlength` would cut a pasted text without a word (a finding), so it is
    taken off; the limit is said in the help text, and the server's message keeps the input.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field, forms.CharField) or not field.max_length:
                continue
            field.widget.attrs.pop("maxlength", None)
            field.validators = [
                v for v in field.validators if not isinstance(v, MaxLengthValidator)
            ] + [CharacterLimit(field.max_length)]
            # Built per request (forms are made in one), so the active language is the reader's.
            limit = gettext("%(limit)s字まで") % {"limit": f"{field.max_length:,}"}
            # The page's counter (static/js/character-count.js) says these as one types.
            field.widget.attrs.update(
                {
                    "data-char-limit": field.max_length,
                    "data-char-count": gettext("いま%(count)s字（%(limit)s字まで）"),
                    "data-char-over": gettext(
                        "%(limit)s字を%(over)s字超えています。減らしてください。"
                    ),
                }
            )
            field.help_text = (
                gettext("%(help)s（%(limit)s）") % {"help": field.help_text, "limit": limit}
                if field.help_text
                else limit
            )


def say_files_not_saved(form) -> None:
    """After an error elsewhere, tell the person the files they chose are not saved yet.

    A browser cannot keep a chosen file across a page that comes back with errors.
    """
    for name, upload in form.files.items():
        field_name = name.removeprefix(f"{form.prefix}-") if form.prefix else name
        if field_name in form.fields and field_name not in form.errors:
            form.add_error(
                field_name,
                gettext(
                    "ほかの項目にエラーがあったため、選んだファイル「%(name)s」はまだ保存されていません。"
                    "直したあと、もう一度選んでください。"
                )
                % {"name": upload.name},
            )


class DateTimeInRangeField(forms.DateTimeField):
    """A date and time the portal can hold: 0001-01-01 in Tokyo is before the first UTC moment,
    so it is refused with a message instead of overflowing into an error page."""

    default_validators = [validate_date]

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError as error:
            raise ValidationError(DATE_OUT_OF_RANGE, code="out_of_range") from error


def refuse_overflowing_choices() -> None:
    """A chosen id too big for the database (99999999999999999999) is an invalid choice.

    Django's ModelChoiceField and ModelMultipleChoiceField look a posted id up and turn only
    ValueError and TypeError into "select a valid choice"; SQLite raises OverflowError for an
    integer past 64 bits, which would be an error page. Every form of the portal gets the
    message instead (called once, from the portal's AppConfig)."""
    single_to_python = forms.ModelChoiceField.to_python
    multiple_check = forms.ModelMultipleChoiceField._check_values

    def to_python(self, value):
        try:
            return single_to_python(self, value)
        except OverflowError as error:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from error

    def check_values(self, value):
        try:
            return multiple_check(self, value)
        except OverflowError as error:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": "…"},
            ) from error

    forms.ModelChoiceField.to_python = to_python
    forms.ModelMultipleChoiceField._check_values = check_values
