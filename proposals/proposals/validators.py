"""The placeholders of a notice template ({宛名}, {事業名}, …): what each means, and one reading.

The admin refuses a template whose placeholders it cannot fill, and the notice is filled by
the same reading of the text, so a template that was accepted is always filled without error.
Full-width braces (｛宛名｝, as a Japanese input method types them) count as braces.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# name → what it is filled with (shown in the admin next to the template's fields).
PLACEHOLDERS = {
    "宛名": _("提案者の名前（団体の提案では団体名）"),
    "事業名": _("提案の事業名"),
    "受付番号": _("提案の受付番号（例：2026-協-0014）"),
    "提出日": _("提案を初めて提出した日（例：令和8年10月1日）"),
    "理由": _("決定または差し戻しの理由（審査や担当課が書いたコメント）"),
    "次の手順": _("この通知の種類に応じた、提案者がこれからすること・市がこれからすること"),
    "日付": _("通知の日付（例：令和8年12月10日）"),
    "担当課": _("提案の担当課の名前"),
    "URL": _("提案のページのアドレス"),
}
# Every notice says why: 採択・不採択 and 差し戻し are told with their reasons.
REQUIRED_IN_BODY = ("理由",)

_BRACES = str.maketrans("｛｝", "{}")
_TOKEN = re.compile(r"\{([^{}]*)\}")


def _tokens(text: str) -> tuple[list[re.Match], str]:
    """The {…} found in the text (braces made half-width), and what is left outside them."""
    normalized = text.translate(_BRACES)
    return list(_TOKEN.finditer(normalized)), _TOKEN.sub("", normalized)


def placeholder_problems(text: str, *, required: tuple[str, ...] = ()) -> list[str]:
    """What is wrong with the placeholders of a text, in words the city's staff understand."""
    matches, outside = _tokens(text)
    problems = []
    unknown = [m.group(0) for m in matches if m.group(1).strip() not in PLACEHOLDERS]
    if unknown:
        problems.append(
            _("「%(names)s」は使えない差し込み項目です。使えるのは %(known)s です。")
            % {
                "names": "」「".join(dict.fromkeys(unknown)),
                "known": "、".join(f"{{{name}}}" for name in PLACEHOLDERS),
            }
        )
    if "{" in outside or "}" in outside:
        problems.append(
            _(
                "波かっこ「{」「}」の対応が取れていません（%(around)s）。"
                "差し込み項目は {宛名} のように、前後を波かっこで1組ずつ囲んでください。"
            )
            % {"around": _around_stray_brace(text)}
        )
    used = {m.group(1).strip() for m in matches}
    problems.extend(
        _("本文に {%(name)s} を入れてください。通知には必ず理由を書きます。") % {"name": name}
        for name in required
        if name not in used
    )
    return problems


def _around_stray_brace(text: str) -> str:
    """The words around the first brace left unpaired, so the city can find it."""
    normalized = text.translate(_BRACES)
    depth_free = _TOKEN.sub(lambda m: "\0" * len(m.group(0)), normalized)
    position = min(i for i, c in enumerate(depth_free) if c in "{}")
    return "…" + text[max(0, position - 8) : position + 9].replace("\n", " ") + "…"


def validate_placeholders(value: str) -> None:
    problems = placeholder_problems(value)
    if problems:
        raise ValidationError(problems, code="bad_placeholder")


def validate_notice_body(value: str) -> None:
    problems = placeholder_problems(value, required=REQUIRED_IN_BODY)
    if problems:
        raise ValidationError(problems, code="bad_placeholder")


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """The text with each known placeholder replaced; anything else is left as written."""
    normalized = text.translate(_BRACES)
    return _TOKEN.sub(
        lambda m: values.get(m.group(1).strip(), text[m.start() : m.end()]), normalized
    )
