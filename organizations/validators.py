"""Validators for Japanese names, phone numbers and the like."""

import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# ふりがな: hiragana, the long-vowel mark, middle dot and spaces (half or full width).
furigana_validator = RegexValidator(
    r"^[\u3041-\u3096\u309D\u309Eー・ 　]+$",
    _("ふりがなは、ひらがなで入力してください（例：えぬぴーおーほうじん）。"),
)

# Japanese phone numbers: 10 or 11 digits, hyphens allowed between groups.
PHONE_PATTERN = re.compile(r"^0\d{1,4}-?\d{1,4}-?\d{3,4}$")


def validate_phone(value: str) -> None:
    from django.core.exceptions import ValidationError

    digits = value.replace("-", "")
    if not PHONE_PATTERN.match(value) or not digits.isdigit() or len(digits) not in (10, 11):
        raise ValidationError(
            _(
                "電話番号は、0から始まる10桁または11桁の数字で入力してください（例：03-1234-5678）。"
            ),
            code="invalid_phone",
        )
