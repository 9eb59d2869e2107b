"""The demo's five past years: enough projects, years, forms, departments and states that
every list, filter and chart of the portal shows something, each step dated as it happened."""

from io import StringIO

import pytest
from django.core.management import call_command

from kunitachi_kyodo import demo_data
from kunitachi_kyodo.fiscal import fiscal_year
from kunitachi_kyodo.metrics import all_metrics
from kunitachi_kyodo.wareki import wareki_fiscal_year
from proposals.projects.models import CollaborationProject
from proposals.proposals.models import Proposal
from proposals.review.models import ReviewRound

pytestmark = pytest.mark.django_db


def test_five_years_of_a_city_through_the_services():
    call_command("seed_demo", force=True, stdout=StringIO(), stderr=StringIO())
    current = fiscal_year()
    projects = CollaborationProject.objects.all()
    assert projects.count() >= 30
    years = set(projects.values_list("first_fiscal_year", flat=True))
    assert set(range(current - 4, current + 1)) <= years
    assert set(projects.values_list("status", flat=True)) == set(CollaborationProject.Status)
    assert projects.values("form").distinct().count() >= 6
    assert projects.values("department").distinct().count() >= 8

    # Each past year's proposals were submitted in that year and decided by its published round.
    for years_back, themes in demo_data.HISTORY_YEARS:
        year = current - years_back
        review_round = ReviewRound.objects.get(
            title=f"{wareki_fiscal_year(year)} 協働事業提案 書類審査"
        )
        assert review_round.status == ReviewRound.Status.PUBLISHED
        assert fiscal_year(review_round.published_at) == year
        entries = review_round.entries.select_related("proposal")
        assert entries.count() == len(themes)
        for entry in entries:
            proposal = entry.proposal
            assert fiscal_year(proposal.submitted_at) == year
            submit = proposal.status_changes.get(action="submit")
            assert submit.created_at == proposal.submitted_at
            assert proposal.status in (Proposal.Status.ADOPTED, Proposal.Status.NOT_ADOPTED)

    # A closed project went through every step, each on its own day, in order.
    closed = projects.filter(status="closed", proposal__isnull=False).first()
    moments = list(closed.status_changes.order_by("pk").values_list("created_at", flat=True))
    assert moments == sorted(moments) and len(set(moments)) >= 4

    # Every chart of 協働の実績 has something to show (the office's figures cover its one
    # demo year; see tests/office).
    for metric in all_metrics("collaboration"):
        assert len(metric.rows()) >= 3, metric.slug
