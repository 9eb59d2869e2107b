"""Bad input on every list and search a citizen browses (issue 10): every filter of every list
given values no form offers, page numbers that are not numbers or out of range, a
10,000-character query and HTML in the query. The answer is a page (a clear empty result, a
clamped page) or a 404, never a 500, and what was typed comes back escaped."""

import pytest
from django.urls import reverse

from tests.factories import CallFactory, OrganizationFactory, ProjectFactory, ProposalFactory

pytestmark = pytest.mark.django_db

TAG = '<script>alert("x")</script>'
JUNK = [
    TAG,
    "999999999",
    "-1",
    "0",
    "abc",
    "１２",  # full-width digits
    "2025.5",
    "%00",
    "福" * 10_000,
    "' OR 1=1 --",
]
PAGES = ["abc", "0", "-1", "99999", "1e9", "", "２", "1.5", TAG]

FILTERED_LISTS = {
    "proposals": reverse("proposals:proposal_list"),
    "organizations": reverse("organizations:directory"),
    "calls": reverse("calls:call_list"),
    "projects": reverse("projects:project_list"),
}
# Public pages that list things but take no filter: any parameter is ignored.
PLAIN_LISTS = {
    "review": reverse("review:review_index"),
    "record": reverse("record"),
    "opendata": reverse("opendata:catalog"),
    "feeds": reverse("feeds:index"),
}


@pytest.fixture
def rows(db):
    partner = OrganizationFactory(name="くにたち福祉の会")
    for n in range(3):
        CallFactory(title=f"福祉の募集{n}")
        ProposalFactory(submitted=True, title=f"福祉の提案{n}")
        ProjectFactory(title=f"福祉の事業{n}", partners=[partner])


def assert_safe(response, where) -> None:
    assert response.status_code in (200, 404), (where, response.status_code)
    assert TAG not in response.content.decode(), f"{where}: the query came back unescaped"


@pytest.mark.parametrize("kind", FILTERED_LISTS)
def test_every_filter_of_every_list_takes_any_value(client, rows, kind):
    url = FILTERED_LISTS[kind]
    names = list(client.get(url).context["filter"].form.fields)
    assert names, kind
    for name in names:
        for value in JUNK:
            response = client.get(url, {name: value})
            assert response.status_code == 200, (kind, name, value[:20])
            assert_safe(response, (kind, name))
    # All of them at once, and names no form has.
    response = client.get(url, {**dict.fromkeys(names, TAG), "nothing": TAG, "page": TAG})
    assert response.status_code == 200
    assert_safe(response, kind)


# The lists with a keyword box (the calls list has none: a call is found by the search).
KEYWORD_LISTS = ["proposals", "organizations", "projects"]


def test_the_keyword_lists_are_those_with_a_keyword(client, rows):
    for kind, url in FILTERED_LISTS.items():
        has_keyword = "q" in client.get(url).context["filter"].form.fields
        assert has_keyword == (kind in KEYWORD_LISTS), kind


@pytest.mark.parametrize("kind", KEYWORD_LISTS)
def test_html_in_a_lists_keyword_is_shown_escaped(client, rows, kind):
    url = FILTERED_LISTS[kind]
    response = client.get(url, {"q": TAG})
    assert response.status_code == 200
    assert TAG not in response.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in response.text, kind


@pytest.mark.parametrize("kind", KEYWORD_LISTS)
def test_a_query_matching_nothing_says_so(client, rows, kind):
    response = client.get(FILTERED_LISTS[kind], {"q": "存在しない言葉の組み合わせ"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0
    assert "ありません" in response.text or "見つかりません" in response.text, kind


@pytest.mark.parametrize("kind", [*FILTERED_LISTS, *PLAIN_LISTS])
def test_any_page_number_is_a_page_or_not_found(client, rows, kind):
    url = {**FILTERED_LISTS, **PLAIN_LISTS}[kind]
    for page in PAGES:
        assert_safe(client.get(url, {"page": page}), (kind, page))


@pytest.mark.parametrize("kind", PLAIN_LISTS)
def test_a_plain_list_ignores_parameters_it_does_not_take(client, rows, kind):
    url = PLAIN_LISTS[kind]
    plain = client.get(url)
    for value in JUNK:
        response = client.get(url, {"q": value, "sort": value, "status": value})
        assert response.status_code == 200, (kind, value[:20])
        assert_safe(response, kind)
    assert plain.status_code == 200


def test_the_search_takes_any_query_and_page(client, rows):
    url = reverse("search:search")
    for value in JUNK:
        response = client.get(url, {"q": value})
        assert response.status_code == 200, value[:20]
        assert_safe(response, ("search", value[:20]))
    shown = client.get(url, {"q": TAG}).text
    assert "&lt;script&gt;" in shown
    long = client.get(url, {"q": "福" * 10_000})
    assert 'id="form-error-summary"' in long.text  # refused in words, not scanned
    assert "福" * 10_000 not in long.text or 'aria-invalid="true"' in long.text
    for page in PAGES:
        assert_safe(client.get(url, {"q": "福祉", "page": page}), ("search page", page))
    for junk in ("sort", "kind", "nothing"):
        assert client.get(url, {"q": "福祉", junk: TAG}).status_code == 200


def test_feeds_with_unknown_scopes_are_not_found(client, db):
    for url in (
        "/feeds/department/999999/",
        "/feeds/field/999/",
        "/feeds/no-such-kind/",
        "/feeds/department/abc/",
    ):
        assert client.get(url).status_code == 404, url


def test_open_data_with_unknown_or_odd_names_is_not_found(client, db):
    for slug in ("no-such", "%3Cscript%3E", "a" * 300, "..%2F..%2Fsettings"):
        response = client.get(f"/opendata/{slug}/")
        assert response.status_code == 404, slug
        assert client.get(f"/opendata/{slug}.csv").status_code == 404, slug
