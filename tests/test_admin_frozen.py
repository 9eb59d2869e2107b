"""The Django admin cannot change what the lifecycle has frozen.

Submitted score sheets and their scores, a published round with its decisions and reasons,
submitted (and so published) evaluations, confirmed agreement versions, a finished project's
published direction and submitted reports are shown read-only: a POST to the change view is
refused (403) and leaves the row as it was; nothing can be deleted or added to them.
What is still being written stays editable, through the same pages.
"""

from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.db import IntegrityError, transaction
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from proposals.guideline.models import Criterion
from proposals.projects import services as projects_services
from proposals.projects.models import Agreement, CollaborationProject, Direction, Evaluation, Report
from proposals.review import services as review_services
from proposals.review.models import ReviewEntry, ReviewRound, Score, ScoreSheet
from tests.conftest import client_for
from tests.factories import ProposalFactory, ReviewRoundFactory
from tests.projects.test_finished_projects import finish
from tests.projects.test_projects import (
    complete_agreement,
    confirm_both,
    evaluate_all,
    make_project,
    run_to_reporting,
)

pytestmark = pytest.mark.django_db


class _FormFields(HTMLParser):
    """The fields a browser would send from a page's forms: name → value."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields[name] = attrs.get("value", "on")
            elif kind not in ("submit", "button", "file", "image"):
                self.fields[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def form_fields(response) -> dict[str, str]:
    parser = _FormFields()
    parser.feed(response.content.decode())
    # A browser drops the newline that opens a textarea's content.
    return {k: v.removeprefix("\n") if k else v for k, v in parser.fields.items()}


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def delete_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_delete", args=[obj.pk])


@pytest.fixture
def admin_client(users):
    return client_for(users["admin"])


def assert_frozen(admin_client, obj, field: str, new_value: str):
    """The change page shows `field` read-only; a POST changing it and a delete are refused."""
    page = admin_client.get(change_url(obj))
    assert page.status_code == 200
    body = page.content.decode()
    fields = form_fields(page)
    assert field not in fields, f"{field} is editable"
    assert '<div class="readonly">' in body
    assert 'name="_save"' not in body
    before = type(obj).objects.filter(pk=obj.pk).values().get()
    refused = admin_client.post(change_url(obj), {**fields, field: new_value})
    assert refused.status_code == 403
    assert admin_client.post(delete_url(obj), {"post": "yes"}).status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).values().get() == before


def assert_editable(admin_client, obj, field: str, new_value: str):
    page = admin_client.get(change_url(obj))
    fields = form_fields(page)
    assert field in fields, f"{field} is not editable"
    response = admin_client.post(change_url(obj), {**fields, field: new_value})
    assert response.status_code == 302, response.content.decode()[:2000]
    obj.refresh_from_db()
    assert str(getattr(obj, field)) == new_value


# --- Open review -----------------------------------------------------------------------------


@pytest.fixture
def scoring(users):
    """A round in scoring with one proposal; the reviewer has submitted a sheet."""
    staff = users["city_staff"]
    review_round = ReviewRoundFactory(created_by=staff, department=staff.department)
    proposal = ProposalFactory(open_review=True, department=staff.department)
    review_services.round_add_proposal(round=review_round, proposal=proposal, user=staff)
    review_services.reviewer_assign(
        round=review_round, reviewer=users["reviewer"], user=staff, kind="external"
    )
    review_services.round_start_scoring(round=review_round, user=staff)
    criteria = Criterion.objects.filter(criterion_set=review_round.criterion_set)
    sheet = review_services.sheet_save(
        round=review_round,
        proposal=proposal,
        reviewer=users["reviewer"],
        scores={c.pk: (4, "") for c in criteria},
        overall_comment="地域の力を生かした提案です。",
        submit=True,
    )
    return sheet


def test_a_submitted_score_sheet_and_its_scores_are_read_only(scoring, admin_client):
    scores = list(Score.objects.filter(sheet=scoring).values_list("pk", "value"))
    assert_frozen(admin_client, scoring, "overall_comment", "書き換えた講評")
    body = admin_client.get(change_url(scoring)).content.decode()
    assert "scores-0-value" not in body  # the scores are shown, not offered as inputs
    assert list(Score.objects.filter(sheet=scoring).values_list("pk", "value")) == scores


def test_no_score_is_added_changed_or_deleted_on_a_submitted_sheet(scoring, users):
    model_admin = admin.site._registry[ScoreSheet]
    request = RequestFactory().get("/")
    request.user = users["admin"]
    for inline in model_admin.get_inline_instances(request, scoring):
        if inline.model is Score:
            assert not inline.has_add_permission(request, scoring)
            assert not inline.has_change_permission(request, scoring)
            assert not inline.has_delete_permission(request, scoring)
            break
    else:
        pytest.fail("the score sheet has no inline for its scores")


def test_the_list_action_does_not_delete_a_submitted_sheet(scoring, admin_client):
    admin_client.post(
        reverse("admin:review_scoresheet_changelist"),
        {"action": "delete_selected", "_selected_action": [scoring.pk], "post": "yes"},
    )
    assert ScoreSheet.objects.filter(pk=scoring.pk).exists()
    assert Score.objects.filter(sheet=scoring).exists()


def test_a_draft_sheet_stays_editable_in_the_admin(scoring, users, admin_client):
    draft = ScoreSheet.objects.create(
        round=scoring.round, proposal=scoring.proposal, reviewer=users["city_staff"]
    )
    assert_editable(admin_client, draft, "overall_comment", "下書きの講評")


@pytest.fixture
def published(scoring, users):
    entry = ReviewEntry.objects.get(round=scoring.round)
    review_services.entry_decide(
        entry=entry, decision="adopt", reason="実現性が高い", user=users["city_staff"]
    )
    return review_services.round_publish(round=scoring.round, user=users["city_staff"])


def test_a_published_round_its_decisions_and_reasons_are_read_only(published, admin_client):
    assert_frozen(admin_client, published, "title", "書き換えた審査回")
    body = admin_client.get(change_url(published)).content.decode()
    assert "entries-0-decision" not in body and "entries-0-reason" not in body
    assert "実現性が高い" in body
    entry = ReviewEntry.objects.get(round=published)
    assert (entry.decision, entry.reason) == ("adopt", "実現性が高い")


def test_decisions_are_never_written_in_the_admin_only_by_the_review_pages(scoring, admin_client):
    review_round = scoring.round
    page = admin_client.get(change_url(review_round))
    fields = form_fields(page)
    assert "title" in fields  # an unpublished round is still set up here
    assert "entries-0-decision" not in fields and "entries-0-reason" not in fields


# --- Evaluations, the agreement, the direction, reports ----------------------------------------


@pytest.fixture
def reporting(adopted, users):
    return run_to_reporting(make_project(adopted, users), users)


def test_a_submitted_evaluation_and_its_scores_are_read_only(reporting, users, admin_client):
    evaluate_all(reporting, users)
    evaluation = Evaluation.objects.get(project=reporting, kind="self_partner")
    projects_services.evaluation_publish(evaluation=evaluation, user=users["city_staff"])
    scores = list(evaluation.rule_scores.values_list("pk", "score", "comment"))
    assert_frozen(admin_client, evaluation, "overall_comment", "書き換えた総評")
    assert "rule_scores-0-score" not in admin_client.get(change_url(evaluation)).content.decode()
    assert list(evaluation.rule_scores.values_list("pk", "score", "comment")) == scores


def test_a_confirmed_agreement_version_is_read_only(reporting, admin_client):
    agreement = reporting.current_agreement()
    assert agreement.is_confirmed
    assert_frozen(admin_client, agreement, "shared_goal", "書き換えた目標")
    assert (
        "indicators-0-target_value" not in admin_client.get(change_url(agreement)).content.decode()
    )


def test_a_draft_agreement_stays_editable_in_the_admin(adopted, users, admin_client):
    project = make_project(adopted, users)
    complete_agreement(project)
    assert_editable(admin_client, project.current_agreement(), "shared_goal", "直した目標")
    confirm_both(project, users)
    assert_frozen(admin_client, project.current_agreement(), "shared_goal", "書き換えた目標")


def test_a_finished_projects_published_direction_and_submitted_report_are_read_only(
    reporting, users, admin_client
):
    project = finish(reporting, users, CollaborationProject.Status.EVALUATED)
    assert_frozen(admin_client, Direction.objects.get(project=project), "reason", "書き換え")
    assert_frozen(admin_client, Report.objects.get(project=project), "narrative", "書き換え")


# --- The database guards what the admin no longer offers ------------------------------------


def test_a_confirmation_needs_both_who_and_when(reporting, users):
    agreement = reporting.current_agreement()
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.filter(pk=agreement.pk).update(partner_confirmed_by=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.filter(pk=agreement.pk).update(department_confirmed_at=None)


def test_a_published_round_has_its_publication_time_and_only_it_does(scoring, published):
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewRound.objects.filter(pk=published.pk).update(published_at=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewRound.objects.filter(pk=published.pk).update(status="scoring")
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewRound.objects.filter(pk=ReviewRoundFactory().pk).update(published_at=timezone.now())
