"""Punctuation that follows the active language: 「、」 and 「：」 in Japanese, ", " and ": " in English.

Full-width marks glued to translated words show up in English pages as 「Status：Published」;
the marks are translated like the words around them.
"""

from collections.abc import Iterable

from django.utils.translation import pgettext


def list_separator() -> str:
    return pgettext("list separator", "、")


def label_separator() -> str:
    """Between a label and what it labels (項目名：内容)."""
    return pgettext("label separator", "：")


def join_list(items: Iterable[object]) -> str:
    """「A、B、C」 in Japanese, "A, B, C" in English."""
    return list_separator().join(str(item) for item in items)
