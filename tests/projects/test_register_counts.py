"""The register's counts per filter value (issue 10): every facet's every option says how many
projects choosing it would show, keeping the other filters, and it shows that many."""

import re

import pytest
from django.urls import reverse

from organizations.models import ActivityField
from proposals.projects.filters import ProjectFilter
from tests.projects.test_project_register import world  # noqa: F401  (the three projects)

URL = reverse("projects:project_list")
pytestmark = pytest.mark.django_db

COUNT = re.compile(r"（(\d+)件）$")


def options(client, params: dict) -> dict[str, list[tuple[str, str, int]]]:
    """facet → [(value, label, count)] as the form offers them."""
    form = client.get(URL, params).context["filter"].form
    offered = {}
    for facet in ProjectFilter.FACETS:
        choices = [(str(v), str(label)) for v, label in form.fields[facet].widget.choices if v]
        offered[facet] = [(v, label, int(COUNT.search(label).group(1))) for v, label in choices]
    return offered


def shown(client, params: dict) -> int:
    return client.get(URL, params).context["page_obj"].paginator.count


@pytest.mark.parametrize(
    "chosen", [{}, {"fiscal_year": "2025"}, {"partner_kind": "npo", "sort": "title"}]
)
def test_every_options_count_is_what_choosing_it_shows(world, client, chosen):  # noqa: F811
    offered = options(client, chosen)
    assert set(offered) == {
        "field",
        "form",
        "department",
        "fiscal_year",
        "status",
        "district",
        "partner_kind",
    }
    checked = 0
    for facet, choices in offered.items():
        for value, label, count in choices:
            params = {**chosen, facet: value}
            assert shown(client, params) == count, (facet, label, chosen)
            checked += 1
    assert checked >= 10


def test_the_counts_of_each_facet(world, client):  # noqa: F811
    offered = {
        facet: {label: count for _v, label, count in choices}
        for facet, choices in options(client, {}).items()
    }
    assert offered["field"] == {
        f"{world['welfare'].short_name}（1件）": 1,
        f"{ActivityField.objects.get(number=6).short_name}（1件）": 1,
    }
    assert offered["district"][f"{world['fujimi'].name}（1件）"] == 1
    assert len(offered["district"]) == 2
    assert offered["form"][f"{world['commission'].name}（1件）"] == 1
    assert sum(offered["form"].values()) == 3
    assert offered["status"]["終了（1件）"] == 1
    assert sum(offered["status"].values()) == 3
    assert offered["department"] == {"子ども家庭課（2件）": 2, "防災安全課（1件）": 1}
    assert offered["partner_kind"] == {
        "NPO法人（1件）": 1,
        "企業（1件）": 1,
        "市民（個人の提案）（1件）": 1,
    }
