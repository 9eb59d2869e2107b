"""One search (issue 10, part 2): public parts only, Japanese that works, the same on both backends.

The suite runs on SQLite and, through scripts/test-postgres, on PostgreSQL 15: the parity
table below is one fixture and one list of expectations for both.
"""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kunitachi_kyodo.search import selectors
from kunitachi_kyodo.search.models import SearchDocument
from kunitachi_kyodo.search.normalize import normalize, words_of
from organizations import services as organization_services
from proposals.calls import services as call_services
from proposals.proposals import services as proposal_services
from tests.conftest import client_for
from tests.factories import (
    CallFactory,
    OrganizationFactory,
    ProjectFactory,
    ProposalFactory,
    ReviewRoundFactory,
)
from tests.test_services_take_values import proposal_values

pytestmark = pytest.mark.django_db

SECRET = "極秘メモ"  # planted in every private place: no search may ever show it
SEARCH = reverse("search:search")


@pytest.fixture
def corpus(users, organization, other_organization):
    """Public objects with known words, and private text planted where the public never looks."""
    staff = users["city_staff"]
    public = {
        "call": CallFactory(
            title="高齢者福祉の見守り",
            background="地域で孤立する方を減らします。",
            department=staff.department,
        ),
        "proposal": ProposalFactory(
            submitted=True,
            title="防災マップづくり",
            public_summary="ＡＢＣ１２３ 全角の英数字で書いた概要",
            local_issue=SECRET,  # a private field of a public proposal
            organization=organization,
            proposer=users["member"],
        ),
        "percent": ProposalFactory(
            submitted=True,
            title="達成率の報告",
            public_summary="目標の100%_達成を目指します。",
            proposer=users["citizen"],
        ),
        "lookalike": ProposalFactory(
            submitted=True,
            title="似た数字の報告",
            # `100%_達成` as a LIKE pattern would match this; as text it must not.
            public_summary="目標の1000x達成を目指します。",
            proposer=users["citizen"],
        ),
        "round": ReviewRoundFactory(published=True, title="令和8年度 防災提案 公開審査"),
        "project": ProjectFactory(
            title="子ども食堂の協働",
            summary="週末の食堂を市と団体で開きます。",
            funding_reference=SECRET,
        ),
        "organization": organization,  # NPO法人 くにたち子ども食堂ネット / くにたちこども…
        "bosai": OrganizationFactory(
            name="国立防災ネットワーク",
            name_kana="クニタチボウサイネットワーク",
            purpose="地域の防災訓練を支えます。",
            representative_name=SECRET,  # shown on the page, but not what the search finds
            email="secret@example.jp",
        ),
    }
    # Private: drafts, unverified or unlisted organizations, unpublished rounds.
    CallFactory(draft=True, title=f"{SECRET}の防災事業", department=staff.department)
    ProposalFactory(title=f"{SECRET} 防災の下書き", public_summary=SECRET)
    ProposalFactory(consultation=True, title=f"{SECRET} 相談中の防災", public_summary=SECRET)
    OrganizationFactory(pending=True, name=f"{SECRET}防災会", name_kana="くにたちひみつ")
    OrganizationFactory(unlisted=True, name=f"{SECRET}非公開の会", name_kana="くにたちひこうかい")
    ReviewRoundFactory(scoring=True, title=f"{SECRET} 採点中の防災審査")
    return public


def titles_found(query: str) -> set[str]:
    return set(selectors.documents_with(words_of(query, limit=5)).values_list("title", flat=True))


def test_normalize_folds_width_kana_and_case():
    assert normalize("ＡＢＣ　１２３") == "abc 123"
    assert normalize("ｸﾆﾀﾁ") == normalize("クニタチ") == "くにたち"
    assert normalize("ヴァイオリン・ケース") == "ゔぁいおりん・けーす"
    assert words_of("  防災　防災 福祉 ", limit=5) == ["防災", "福祉"]


# One fixture, one table of expectations, both backends (scripts/test-postgres runs it too).
# The proposal 防災マップづくり is found by its proposer's name too (くにたち子ども食堂ネット).
KUNITACHI = {"NPO法人 くにたち子ども食堂ネット", "国立防災ネットワーク", "防災マップづくり"}
PARITY = [
    ("福祉", {"高齢者福祉の見守り"}),  # two characters
    ("祉", {"高齢者福祉の見守り"}),  # one character
    ("防災", {"防災マップづくり", "令和8年度 防災提案 公開審査", "国立防災ネットワーク"}),
    ("防災 マップ", {"防災マップづくり"}),  # every word must be held
    ("くにたち", KUNITACHI),  # the reading
    ("クニタチ", KUNITACHI),  # katakana
    ("ｸﾆﾀﾁ", KUNITACHI),  # half-width
    ("abc123", {"防災マップづくり"}),  # full-width text, half-width query
    ("ＡＢＣ", {"防災マップづくり"}),
    ("食堂ネット", {"NPO法人 くにたち子ども食堂ネット", "防災マップづくり"}),
    ("100%_達成", {"達成率の報告"}),  # % and _ are text
    ("%_", {"達成率の報告"}),
    ("_", {"達成率の報告"}),
    ("0%", {"達成率の報告"}),
    ("存在しない言葉", set()),
    (SECRET, set()),
]


@pytest.mark.parametrize(("query", "expected"), PARITY, ids=[q for q, _ in PARITY])
def test_same_results_on_every_backend(corpus, query, expected):
    assert titles_found(query) == expected


def test_nothing_private_is_indexed(corpus):
    assert not SearchDocument.objects.filter(text__contains=normalize(SECRET)).exists()
    assert not SearchDocument.objects.filter(snippet__contains=SECRET).exists()
    assert not SearchDocument.objects.filter(text__contains="secret@example.jp").exists()


def test_no_persona_finds_private_text(corpus, users, persona):
    client = client_for(users[persona])
    for word in ["防災", "くにたち", "ひみつ", "ひこうかい", "採点中", "相談中"]:
        body = client.get(SEARCH, {"q": word}).content.decode()
        assert SECRET not in body, (persona, word)
    secret = client.get(SEARCH, {"q": SECRET})
    assert "を含むものは0件です。" in secret.content.decode()


def test_results_page_lists_kinds_titles_and_links(corpus, client):
    page = client.get(SEARCH, {"q": "防災"})
    body = page.content.decode()
    assert page.status_code == 200
    assert "「防災」を含むものは3件です。" in body
    for kind in ["事業提案", "審査結果", "団体"]:
        assert kind in body
    assert f'href="{corpus["proposal"].get_absolute_url()}"' in body
    assert f'href="{corpus["round"].get_absolute_url()}"' in body


def test_moves_and_edits_keep_the_index_current(users, organization):
    staff, member = users["city_staff"], users["member"]
    call = CallFactory(draft=True, title="防犯カメラの設置", department=staff.department)
    assert titles_found("防犯") == set()
    call_services.call_publish(call=call, user=staff)
    assert titles_found("防犯") == {"防犯カメラの設置"}

    proposal = proposal_services.proposal_create(
        user=member, values=proposal_values(title="多摩川の清掃", organization=organization)
    )
    assert titles_found("多摩川") == set()  # a draft
    proposal_services.proposal_transition(proposal=proposal, action="submit", actor=member)
    assert titles_found("多摩川") == {"多摩川の清掃"}
    proposal_services.proposal_transition(proposal=proposal, action="withdraw", actor=member)
    assert titles_found("多摩川") == {"多摩川の清掃"}  # withdrawn stays public, marked

    pending = OrganizationFactory(
        pending=True, name="谷保天満宮保存会", name_kana="やぼてんまんぐう"
    )
    assert titles_found("やぼ") == set()
    organization_services.organization_verify(
        organization=pending, reviewer=users["support_office"]
    )
    assert titles_found("ヤボ") == {"谷保天満宮保存会"}


def test_an_edit_replaces_the_old_text(users, organization):
    member = users["member"]
    proposal = proposal_services.proposal_create(
        user=member, values=proposal_values(title="古い題名の清掃", organization=organization)
    )
    proposal_services.proposal_transition(proposal=proposal, action="submit", actor=member)
    proposal.refresh_from_db()
    proposal.title = "新しい題名の清掃"
    proposal.save()
    assert titles_found("古い") == set()
    assert titles_found("新しい") == {"新しい題名の清掃"}


def test_a_published_round_is_found_by_its_proposals(adopted):
    found = titles_found(adopted.title)
    assert any("公開審査" in title for title in found)  # the round, by the proposal it judged
    assert adopted.title in found


def test_rebuild_command_writes_the_same_index(corpus):
    before = sorted(SearchDocument.objects.values_list("kind", "object_id", "title", "text"))
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", stdout=io.StringIO())
    after = sorted(SearchDocument.objects.values_list("kind", "object_id", "title", "text"))
    assert after == before and len(after) == 9  # with the other organization


# --- Bad input --------------------------------------------------------------------------------


def test_a_very_long_query_is_refused_in_words_shown_escaped(client, corpus):
    page = client.get(SEARCH, {"q": "<b>防災</b>" * 2000})
    body = page.content.decode()
    assert page.status_code == 200
    assert "100字以内で入力してください" in body or "100字まで" in body
    assert 'id="form-error-summary"' in body
    assert "<b>防災</b>" not in body and "&lt;b&gt;防災&lt;/b&gt;" in body
    assert "search-results" not in body


def test_html_in_the_query_is_shown_as_text(client, corpus):
    body = client.get(SEARCH, {"q": '<script>alert("x")</script>'}).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body


@pytest.mark.parametrize("page", ["999", "0", "abc", "-1", "1e9"])
def test_a_page_out_of_range_is_not_found(client, corpus, page):
    assert client.get(SEARCH, {"q": "防災", "page": page}).status_code == 404


def test_a_null_character_is_refused_not_a_500(client, corpus):
    page = client.get(SEARCH, {"q": "防\x00災"})
    assert page.status_code == 200
    assert 'id="form-error-summary"' in page.content.decode()


def test_an_empty_query_shows_the_form_only(client, corpus):
    body = client.get(SEARCH).content.decode()
    assert 'role="search"' in body and "search-results" not in body


# --- Bounded pages, constant queries ---------------------------------------------------------


def _queries_for(client, query: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(SEARCH, {"q": query}).status_code == 200
    return len(captured)


def test_query_count_is_constant_and_the_page_bounded(client, users):
    ProjectFactory.create_batch(3, summary="防災の取り組み")
    few = _queries_for(client, "防災")
    ProjectFactory.create_batch(60, summary="防災の取り組み" + "長い概要。" * 400)
    assert _queries_for(client, "防災") == few <= 3
    page = client.get(SEARCH, {"q": "防災", "page": "2"})
    body = page.content.decode()
    assert body.count('class="border-bottom py-3"') == 20  # one page of results
    assert len(page.content) < 60_000  # snippets are cut, the pager is elided
    assert 'aria-current="page">2<' in body


def test_every_page_has_the_labelled_search_box(client, db):
    body = client.get(reverse("home")).content.decode()
    form = re.search(r'<form[^>]*role="search"[^>]*>.*?</form>', body, re.S).group(0)
    assert 'aria-label="サイト内検索"' in form
    assert '<label class="visually-hidden" for="site-search-q">' in form
    assert 'name="q"' in form and reverse("search:search") in form


# --- PostgreSQL: an index for every length of word --------------------------------------------


ROWS = 10_000


@pytest.fixture
def many_documents(corpus):
    """Ten thousand documents of 40 random kanji each, analysed: enough for the planner to choose."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO search_searchdocument (kind, object_id, url, title, snippet, text, updated_at)
            SELECT 'filler', i, '/', 'x', '',
                   (SELECT string_agg(chr(19968 + (random() * 3000)::int), '')
                    FROM generate_series(1, 40) WHERE i > 0),
                   now() - i * interval '1 minute'
            FROM generate_series(1, %s) AS i
            """,
            [ROWS],
        )
        cursor.execute("ANALYZE search_searchdocument")


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # At 10,000 short rows a sequential scan may still be cheaper; forbidding it shows the
        # index serves (the planner takes it by itself at national scale, see the report).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the indexes are PostgreSQL's")
@pytest.mark.parametrize(
    ("word", "index"),
    [("防災", "search_document_grams"), ("防災訓練", "search_document_trigrams")],
)
def test_postgresql_uses_an_index_for_short_and_long_words(many_documents, word, index):
    documents = selectors.documents_with(words_of(word, limit=5))
    page, count = _plan(documents[:20]), _plan(documents.values("pk").order_by())
    print(f"\nEXPLAIN (a page) for {word!r}:\n{page}\nEXPLAIN (the count):\n{count}")
    for plan in (page, count):
        assert f"Bitmap Index Scan on {index}" in plan
        assert "Seq Scan" not in plan


def test_a_renamed_organization_renames_its_proposals_documents(corpus, organization):
    organization.name = "NPO法人 やぼ子ども食堂ネット"
    organization.save()
    assert titles_found("やぼ子ども") == {"NPO法人 やぼ子ども食堂ネット", "防災マップづくり"}
