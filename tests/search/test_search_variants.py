"""More variants on the search's one parity fixture (issue 10): the same expectations on SQLite
and, through scripts/test-postgres, on PostgreSQL. Each line is a way a citizen types."""

import pytest
from django.urls import reverse

from tests.search.test_search import KUNITACHI, corpus, titles_found  # noqa: F401

pytestmark = pytest.mark.django_db

BOSAI = {"防災マップづくり", "令和8年度 防災提案 公開審査", "国立防災ネットワーク"}
VARIANTS = [
    ("ぼうさい", {"国立防災ネットワーク"}),  # a reading in hiragana, the name in kanji
    ("ボウサイ", {"国立防災ネットワーク"}),  # the same reading in katakana
    ("ﾎﾞｳｻｲ", {"国立防災ネットワーク"}),  # half-width katakana with a voiced mark
    ("国立", {"国立防災ネットワーク"}),  # two characters at the start of a name
    ("見守り", {"高齢者福祉の見守り"}),  # kanji and kana mixed
    ("ｋｕｎｉ", set()),  # full-width Latin is folded, and nothing holds "kuni"
    ("ＮＰＯ", {"NPO法人 くにたち子ども食堂ネット", "防災マップづくり"}),  # full-width, any case
    ("npo法人", {"NPO法人 くにたち子ども食堂ネット", "防災マップづくり"}),
    ("１００％＿達成", {"達成率の報告"}),  # full-width % and _ are text too
    ("％", {"達成率の報告"}),
    ("\u3000防災\u3000", BOSAI),  # ideographic spaces around a word
    ("防災　福祉", set()),  # both words must be held: no document has both
    ("くにたち 防災", {"国立防災ネットワーク", "防災マップづくり"}),
]


@pytest.mark.parametrize(("query", "expected"), VARIANTS, ids=[q for q, _ in VARIANTS])
def test_each_variant_finds_the_same_on_every_backend(corpus, query, expected):  # noqa: F811
    assert titles_found(query) == expected


def test_the_page_finds_what_the_selector_finds(client, corpus):  # noqa: F811
    for query, expected in VARIANTS:
        response = client.get(reverse("search:search"), {"q": query})
        found = {d.title for d in response.context["page_obj"].object_list}
        assert found == expected, query
