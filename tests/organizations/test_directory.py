import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organizations.models import ActivityField, District, Organization
from tests.conftest import HEADER_TASK_QUERIES
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

URL = reverse("organizations:directory")


def names(response) -> list[str]:
    return [o.name for o in response.context["object_list"]]


def test_directory_lists_only_verified_public_organizations(client):
    OrganizationFactory(name="公開の会")
    OrganizationFactory(name="確認待ちの会", pending=True)
    OrganizationFactory(name="差し戻しの会", rejected=True)
    OrganizationFactory(name="非公開の会", unlisted=True)
    assert names(client.get(URL)) == ["公開の会"]


def test_filter_by_kind_field_and_district(client):
    welfare = ActivityField.objects.get(number=1)
    environment = ActivityField.objects.get(number=7)
    yaho = District.objects.get(name="谷保")
    OrganizationFactory(name="福祉のNPO", fields=[welfare], kind=Organization.Kind.NPO_CORPORATION)
    OrganizationFactory(
        name="谷保の環境サークル", fields=[environment], districts=[yaho], kind="circle"
    )
    assert names(client.get(URL, {"kind": "circle"})) == ["谷保の環境サークル"]
    assert names(client.get(URL, {"field": welfare.pk})) == ["福祉のNPO"]
    assert names(client.get(URL, {"district": yaho.pk})) == ["谷保の環境サークル"]


@pytest.mark.parametrize("query", ["福祉", "ふくし", "ＮＰＯ", "npo"])
def test_keyword_search_finds_japanese_words_of_any_length(client, query):
    OrganizationFactory(name="NPO法人 福祉の輪", name_kana="ふくしのわ")
    OrganizationFactory(
        name="環境サークル", name_kana="かんきょうさーくる", purpose="緑を守る", activities="植樹"
    )
    assert names(client.get(URL, {"q": query})) == ["NPO法人 福祉の輪"]


def test_an_organization_in_two_matching_districts_is_listed_once(client):
    OrganizationFactory(name="二地域の会", districts=list(District.objects.all()[:2]))
    assert names(client.get(URL)) == ["二地域の会"]


def test_directory_paginates(client):
    OrganizationFactory.create_batch(25)
    first, second = client.get(URL), client.get(URL, {"page": 2})
    assert len(names(first)) == 20
    assert len(names(second)) == 5


def test_directory_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    OrganizationFactory.create_batch(3)
    with django_assert_max_num_queries(8) as few:
        client.get(URL)
    OrganizationFactory.create_batch(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)


def test_review_queue_query_count_does_not_grow_with_rows(
    as_persona, django_assert_max_num_queries
):
    client = as_persona("support_office")
    OrganizationFactory.create_batch(2, pending=True)
    with django_assert_max_num_queries(12 + HEADER_TASK_QUERIES) as few:
        client.get(reverse("organizations:review_queue"))
    OrganizationFactory.create_batch(12, pending=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("organizations:review_queue"))


def test_filters_on_fields_and_districts_need_no_distinct(client):
    # DISTINCT over every column sorted the whole directory's text at national scale: the
    # many-to-many filters are subqueries, so each organization comes once without it.
    districts = list(District.objects.all()[:2])
    OrganizationFactory(name="二地域の会", districts=districts)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"district": districts[0].pk})
    assert names(response) == ["二地域の会"]
    assert response.context["paginator"].count == 1
    assert not any("DISTINCT" in q["sql"].upper() for q in queries.captured_queries)
