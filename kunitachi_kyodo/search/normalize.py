"""The one spelling both the index and a query are reduced to, so variants find each other.

NFKC folds full-width Latin and digits and half-width katakana (ＮＰＯ, ｶﾀｶﾅ) to one form;
katakana becomes hiragana (キョウドウ finds きょうどう); Latin is lower-cased; runs of white
space become one space. A query's words are matched as plain substrings of this text, so
`%` and `_` are letters like any other.
"""

import unicodedata

# ァ (U+30A1) .. ヶ (U+30F6) sit 0x60 above ぁ .. ゖ; ー and ・ have no hiragana and stay.
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def normalize(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text or "").translate(_KATAKANA_TO_HIRAGANA).lower()
    return " ".join(folded.split())


def words_of(query: str, *, limit: int) -> list[str]:
    """A query's distinct words (at most `limit`), normalized, in the order typed."""
    return list(dict.fromkeys(normalize(query).split()))[:limit]
