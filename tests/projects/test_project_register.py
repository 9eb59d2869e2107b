"""The project register (協働事業一覧): every filter, sort, counts per value, shareable URLs."""

import re

import pytest
from django.urls import reverse

from organizations.models import ActivityField, District, Kind
from proposals.guideline.models import ProjectForm
from proposals.projects.models import CollaborationProject
from tests.factories import DepartmentFactory, OrganizationFactory, ProjectFactory, ProposalFactory

URL = reverse("projects:project_list")
pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    welfare, disaster = ActivityField.objects.get(number=1), ActivityField.objects.get(number=6)
    fujimi, naka = (
        District.objects.get(name="富士見台"),
        District.objects.order_by("pk").exclude(name="富士見台")[0],
    )
    npo = OrganizationFactory(name="子ども食堂の会", fields=[welfare], districts=[fujimi])
    company = OrganizationFactory(
        name="防災商事", kind=Kind.COMPANY, fields=[disaster], districts=[naka]
    )
    kodomo, bosai = DepartmentFactory(name="子ども家庭課"), DepartmentFactory(name="防災安全課")
    commission = ProjectForm.objects.get(code="commission")
    children = ProjectFactory(
        title="あおぞら子ども食堂",
        summary="地域で子どもの食事を支えます。",
        department=kodomo,
        partners=[npo],
        first_fiscal_year=2024,
        last_fiscal_year=2026,
    )
    drill = ProjectFactory(
        title="いっしょに防災訓練",
        summary="企業と市が訓練を行います。",
        department=bosai,
        form=commission,
        partners=[company],
        first_fiscal_year=2022,
        last_fiscal_year=2022,
    )
    CollaborationProject.objects.filter(pk=drill.pk).update(status="closed")
    citizen_proposal = ProposalFactory(organization=None)
    walk = ProjectFactory(
        title="うたう散歩道",
        summary="市民の提案から生まれた散歩の会。",
        department=kodomo,
        origin=CollaborationProject.Origin.PROPOSAL,
        proposal=citizen_proposal,
        first_fiscal_year=2025,
        last_fiscal_year=2025,
    )
    return {
        "children": children,
        "drill": drill,
        "walk": walk,
        "welfare": welfare,
        "fujimi": fujimi,
        "commission": commission,
        "bosai": bosai,
    }


def titles(client, **params) -> set[str]:
    response = client.get(URL, params)
    assert response.status_code == 200
    found = re.findall(r'<h2 class="h5 card-title"><a href="[^"]+">([^<]+)</a>', response.text)
    return set(found)


ALL = {"あおぞら子ども食堂", "いっしょに防災訓練", "うたう散歩道"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ALL),
        ({"q": "防災"}, {"いっしょに防災訓練"}),
        ({"q": "散歩"}, {"うたう散歩道"}),
        ({"fiscal_year": "2025"}, {"あおぞら子ども食堂", "うたう散歩道"}),
        ({"fiscal_year": "2022"}, {"いっしょに防災訓練"}),
        ({"status": "closed"}, {"いっしょに防災訓練"}),
        ({"partner_kind": "company"}, {"いっしょに防災訓練"}),
        ({"partner_kind": "npo"}, {"あおぞら子ども食堂"}),
        ({"partner_kind": "citizen"}, {"うたう散歩道"}),
    ],
)
def test_each_plain_filter(world, client, params, expected):
    assert titles(client, **params) == expected


def test_the_filters_by_object(world, client):
    assert titles(client, field=world["welfare"].pk) == {"あおぞら子ども食堂"}
    assert titles(client, district=world["fujimi"].pk) == {"あおぞら子ども食堂"}
    assert titles(client, form=world["commission"].pk) == {"いっしょに防災訓練"}
    assert titles(client, department=world["bosai"].pk) == {"いっしょに防災訓練"}
    # Filters combine.
    assert titles(client, fiscal_year="2025", partner_kind="citizen") == {"うたう散歩道"}


def _order(client, **params) -> list[str]:
    body = client.get(URL, params).text
    return sorted(ALL, key=body.index)


def test_sorts(world, client):
    assert _order(client) == ["うたう散歩道", "あおぞら子ども食堂", "いっしょに防災訓練"]
    assert _order(client, sort="title") == [
        "あおぞら子ども食堂",
        "いっしょに防災訓練",
        "うたう散歩道",
    ]
    assert _order(client, sort="new") == [
        "うたう散歩道",
        "いっしょに防災訓練",
        "あおぞら子ども食堂",
    ]
    by_department = _order(client, sort="department")
    assert by_department.index("いっしょに防災訓練") in (0, 2)  # departments stay together


def test_each_option_shows_its_count_other_filters_kept(world, client):
    body = client.get(URL).text
    assert "2026年度（令和8年度）（1件）" in body and "2025年度（令和7年度）（2件）" in body
    assert "企業（1件）" in body and "市民（個人の提案）（1件）" in body
    assert "子ども家庭課（2件）" in body and "防災安全課（1件）" in body
    # Within 2025 the year facet still offers the other years; the others count within 2025.
    within = client.get(URL, {"fiscal_year": "2025"}).text
    assert "子ども家庭課（2件）" in within and "防災安全課" not in within
    assert "（1件）" in within


def test_the_shared_url_is_canonical(world, client):
    response = client.get(
        URL, {"sort": "year", "status": "closed", "q": " 防災 ", "page": "1", "district": ""}
    )
    assert response.context["share_url"] == f"{URL}?q=%E9%98%B2%E7%81%BD&status=closed"
    assert client.get(URL).context["share_url"] == URL


def test_facet_query_count_is_constant_as_projects_grow(
    world, client, django_assert_max_num_queries
):
    params = {"fiscal_year": "2025", "partner_kind": "npo", "sort": "title"}
    with django_assert_max_num_queries(15) as few:
        client.get(URL, params)
    kodomo = world["children"].department
    for n in range(12):
        ProjectFactory(
            title=f"追加{n}",
            department=kodomo if n % 2 else DepartmentFactory(name=f"課{n}"),
            partners=[OrganizationFactory(kind=Kind.CIRCLE if n % 3 else Kind.NPO_CORPORATION)],
            first_fiscal_year=2020 + n % 6,
            last_fiscal_year=2025,
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL, params)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)


def test_bad_filters_give_an_empty_register_with_the_reason_next_to_the_field(world, client):
    for params in (
        {"q": "防" * 10_000},
        {"department": "999999"},
        {"field": "abc"},
        {"fiscal_year": "1999"},
        {"fiscal_year": "二〇二五"},
        {"status": "<b>x</b>"},
        {"sort": "random"},
    ):
        response = client.get(URL, params)
        assert response.status_code == 200, params
        assert titles(client, **params) == set(), params
        assert 'id="form-error-summary"' in response.text, params
    shown = client.get(URL, {"q": "<i>防災</i>"}).text
    assert "<i>防災</i>" not in shown and "&lt;i&gt;防災&lt;/i&gt;" in shown


def test_a_chosen_value_without_projects_stays_selected(world, client):
    body = client.get(URL, {"fiscal_year": "2022", "partner_kind": "citizen"}).text
    assert titles(client, fiscal_year="2022", partner_kind="citizen") == set()
    assert 'value="citizen" selected' in body and "（0件）" in body
