"""協働の実績: each metric on a small fixture counted by hand, the page in both languages,
the chart and its table saying the same numbers, private data left out, queries bounded."""

import datetime
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from kunitachi_kyodo.metrics import all_metrics, metric
from organizations.models import ActivityField
from proposals.guideline.models import CollaborationRule, ProjectForm
from proposals.projects.models import (
    Agreement,
    Evaluation,
    Indicator,
    Report,
    ReportValue,
    RuleScore,
)
from tests.factories import (
    DepartmentFactory,
    OrganizationFactory,
    ProjectFactory,
    ProposalFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def at(year, month, day=15):
    return timezone.make_aware(datetime.datetime(year, month, day, 10))


def values(slug):
    return {row.key: row.values for row in metric(slug).rows()}


@pytest.fixture
def record(db):
    """Two fiscal years of a small city, with a draft and unpublished data beside them."""
    welfare, environment = DepartmentFactory(name="福祉課"), DepartmentFactory(name="環境課")
    field_welfare = ActivityField.objects.get(number=1)
    field_environment = ActivityField.objects.get(number=7)
    field_children = ActivityField.objects.get(number=13)
    care = OrganizationFactory(name="介護の会")
    care.fields.set([field_welfare, field_children])
    green = OrganizationFactory(name="緑の会")
    green.fields.set([field_environment])
    hidden = OrganizationFactory(name="非公開の会", unlisted=True)
    hidden.fields.set([ActivityField.objects.get(number=11)])
    # Proposals: FY2024 has 2 (1 adopted; one submitted in March 2025 still counts in 2024),
    # FY2025 has 3 (1 adopted, 1 withdrawn after submission); drafts and consultations don't count.
    ProposalFactory(adopted=True, submitted_at=at(2024, 9))
    ProposalFactory(not_adopted=True, submitted_at=at(2025, 3))
    ProposalFactory(adopted=True, submitted_at=at(2025, 4, 2))
    ProposalFactory(screening=True, submitted_at=at(2025, 10))
    ProposalFactory(status="withdrawn", submitted_at=at(2025, 11))
    ProposalFactory()  # a draft
    ProposalFactory(consultation=True)
    forms = {f.code: f for f in ProjectForm.objects.all()}
    first = ProjectFactory(
        department=welfare,
        form=forms["commission"],
        partners=[care],
        first_fiscal_year=2024,
        last_fiscal_year=2024,
        city_share=500_000,
        partner_share=100_000,
        status="closed",
    )
    second = ProjectFactory(
        department=welfare,
        form=forms["cooperation-cost"],
        partners=[care, hidden],
        first_fiscal_year=2025,
        last_fiscal_year=2025,
        city_share=300_000,
        partner_share=0,
        status="evaluated",
    )
    ProjectFactory(
        department=environment,
        form=forms["cooperation"],
        partners=[green],
        first_fiscal_year=2025,
        last_fiscal_year=2026,
        city_share=200_000,
        partner_share=50_000,
        status="active",
    )
    # Still preparing its agreement: counted as a project, its amounts not yet.
    ProjectFactory(
        department=environment,
        form=forms["subsidy"],
        partners=[green],
        first_fiscal_year=2025,
        last_fiscal_year=2025,
        city_share=999_999,
        partner_share=999_999,
    )
    staff = UserFactory(city_staff=True)
    for project, targets, actuals, submitted in (
        (first, (10, 100), (12, 80), True),
        (second, (5,), (5,), True),
    ):
        agreement = Agreement.objects.create(
            project=project,
            shared_goal="目標",
            period_start=datetime.date(2024, 4, 1),
            period_end=datetime.date(2025, 3, 31),
        )
        report = Report.objects.create(
            project=project,
            kind="final",
            due_on=datetime.date(2025, 4, 30),
            submitted_at=timezone.now() if submitted else None,
        )
        for target, actual in zip(targets, actuals, strict=True):
            indicator = Indicator.objects.create(
                agreement=agreement, name="回数", unit="回", target_value=Decimal(target)
            )
            ReportValue.objects.create(report=report, indicator=indicator, actual_value=actual)
    # A report not yet submitted: its values are the partner's draft.
    draft_report = Report.objects.create(
        project=second, kind="interim", due_on=datetime.date(2025, 9, 30)
    )
    ReportValue.objects.create(
        report=draft_report,
        indicator=Indicator.objects.filter(agreement__project=second).first(),
        actual_value=0,
    )
    rules = list(CollaborationRule.objects.order_by("number"))

    def evaluate(project, kind, scores, published):
        evaluation = Evaluation.objects.create(
            project=project,
            kind=kind,
            author=staff,
            submitted_at=timezone.now(),
            published_at=timezone.now() if published else None,
        )
        for rule, score in zip(rules, scores, strict=False):
            RuleScore.objects.create(
                evaluation=evaluation, rule=rule, score=score, comment="" if score >= 3 else "低い"
            )

    evaluate(first, "self_partner", (4, 5, 3, 4, 5, 4), True)
    evaluate(first, "third_party", (5, 4, 4, 4, 5, 3), True)
    evaluate(second, "self_partner", (3, 3, 3, 3, 3, 3), True)
    evaluate(second, "self_department", (1, 1, 1, 1, 1, 1), False)  # not published
    return {"care": care, "green": green, "hidden": hidden}


def test_proposals_and_adoptions_per_fiscal_year(record):
    assert values("proposals-per-fiscal-year") == {2024: (2, 1), 2025: (3, 1)}


def test_projects_by_form_count_kinds_of_cooperation_under_cooperation(record):
    rows = metric("projects-by-form").rows()
    assert {row.key: row.values for row in rows} == {
        "commission": (1,),
        "subsidy": (1,),
        "cooperation": (2,),
    }
    assert [row.label for row in rows] == [
        ProjectForm.objects.get(code=c).name
        for c in sorted(
            ("commission", "subsidy", "cooperation"),
            key=lambda c: ProjectForm.objects.get(code=c).order,
        )
    ]


def test_projects_by_field_of_public_partners_only(record):
    # 介護の会 (fields 1, 13) in two projects; 緑の会 (7) in two; the unlisted group's field 11
    # is not shown, though its project counts through its listed partner.
    assert values("projects-by-field") == {1: (2,), 7: (2,), 13: (2,)}


def test_projects_by_department(record):
    rows = metric("projects-by-department").rows()
    assert {row.label: row.values for row in rows} == {"福祉課": (2,), "環境課": (2,)}


def test_cost_shares_leave_out_projects_preparing_their_agreement(record):
    assert values("cost-shares-per-fiscal-year") == {
        2024: (500_000, 100_000),
        2025: (500_000, 50_000),
    }


def test_indicators_reached_count_submitted_final_reports_only(record):
    # 2024: 12 of 10 reached, 80 of 100 missed; 2025: 5 of 5 reached. The draft report's 0 is out.
    assert values("indicators-reached-per-fiscal-year") == {2024: (1, 1), 2025: (1, 0)}


def test_evaluation_per_rule_averages_published_evaluations_only(record):
    # Rule 1: (4 + 5 + 3) / 3 = 4.0; rule 2: (5 + 4 + 3) / 3 = 4.0; rule 3: 10/3 = 3.3;
    # rule 6: (4 + 3 + 3) / 3 = 3.3. The unpublished 1s are not counted.
    rows = values("evaluation-per-rule")
    assert rows == {
        1: (Decimal("4.0"),),
        2: (Decimal("4.0"),),
        3: (Decimal("3.3"),),
        4: (Decimal("3.7"),),
        5: (Decimal("4.3"),),
        6: (Decimal("3.3"),),
    }


def test_each_metric_is_one_query(record, django_assert_num_queries):
    for each in all_metrics("collaboration"):
        with django_assert_num_queries(1):
            each.rows()


def test_page_queries_are_bounded(record, django_assert_num_queries):
    client = Client()
    client.get(reverse("record"))  # warm the session and caches
    with django_assert_num_queries(len(all_metrics("collaboration"))):
        response = client.get(reverse("record"))
    assert response.status_code == 200


def svg_and_table_numbers(html: str, slug: str) -> tuple[list[str], list[str]]:
    section = html.split(f'id="{slug}"', 1)[1].split("</section>", 1)[0]
    svg = section.split('<svg class="chart"', 1)[1].split("</svg>", 1)[0]
    table = section.split("<table", 1)[1].split("</table>", 1)[0]
    bars = re.findall(r'<text class="chart-value"[^>]*>([^<]*)</text>', svg)
    cells = re.findall(r'<td class="text-end">([^<]*)</td>', table)
    return bars, cells


@pytest.mark.parametrize("language", ["ja", "en"])
def test_page_shows_every_metric_with_its_definition_chart_and_table(record, language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies["django_language"] = language
    html = client.get(reverse("record")).content.decode()
    for each in all_metrics("collaboration"):
        assert f'id="{each.slug}"' in html
        assert escape(str(each.definition)) in html
        bars, cells = svg_and_table_numbers(html, each.slug)
        assert bars and len(bars) == len(cells)
        # The chart says each table figure, with its unit (and series when there are two).
        for bar, cell in zip(bars, cells, strict=True):
            assert cell in bar
    assert 'role="img"' in html and "<figcaption" in html
    if language == "ja":
        assert "2024年度（令和6年度）" in html
        assert "500,000円" in html
    else:
        assert "FY2024" in html and "令和" not in html


def test_table_has_the_same_numbers_as_the_chart_for_money(record):
    html = Client().get(reverse("record")).content.decode()
    bars, cells = svg_and_table_numbers(html, "cost-shares-per-fiscal-year")
    assert cells == ["500,000", "100,000", "500,000", "50,000"]
    assert bars == [
        "市の負担 500,000円",
        "相手方の負担 100,000円",
        "市の負担 500,000円",
        "相手方の負担 50,000円",
    ]


def test_unlisted_organization_field_is_not_on_the_page(record):
    html = Client().get(reverse("record")).content.decode()
    assert (
        ActivityField.objects.get(number=11).short_name
        not in html.split('id="projects-by-field"')[1].split("</section>")[0]
    )


def test_an_empty_portal_says_there_is_nothing_to_count_yet(db):
    html = Client().get(reverse("record")).content.decode()
    assert html.count("まだ数える記録がありません。") == len(all_metrics("collaboration"))
