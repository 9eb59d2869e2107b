"""A finished project (評価済み or 終了) is a closed record: its agreement and its published
direction no longer change, through the services or the pages."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from proposals.projects import services
from proposals.projects.models import Agreement, CollaborationProject, Direction, Evaluation
from tests.factories import agreement_values
from tests.projects.test_projects import (
    evaluate_all,
    file_final_report,
    make_project,
    run_to_reporting,
)

pytestmark = pytest.mark.django_db

FROZEN_AGREEMENT = "評価を終えた事業の協定書は変更できません。"
FROZEN_DIRECTION = "評価を終えた事業の、公開済みの今後の方向性は変更できません。"


def finish(project, users, status, *, publish_direction=True):
    """Run a project (reporting, with an unconfirmed second version) to `status`."""
    file_final_report(project, users)
    evaluate_all(project, users)
    services.direction_decide(
        project=project, user=users["city_staff"], choice="continue", reason="成果が出ている"
    )
    for evaluation in Evaluation.objects.filter(project=project):
        services.evaluation_publish(evaluation=evaluation, user=users["city_staff"])
    if publish_direction:
        services.direction_publish(project=project, user=users["city_staff"])
    staff = users["city_staff"]
    services.project_transition(project=project, action="complete_evaluation", actor=staff)
    if status == CollaborationProject.Status.CLOSED:
        services.project_transition(project=project, action="close", actor=staff)
    project.refresh_from_db()
    assert project.status == status
    return project


@pytest.fixture
def reporting(adopted, users):
    """A project reporting, with a confirmed first version and a second one still a draft."""
    project = run_to_reporting(make_project(adopted, users), users)
    services.agreement_new_version(project=project, user=users["member"], reason="会場の変更")
    return project


@pytest.fixture(params=[CollaborationProject.Status.EVALUATED, CollaborationProject.Status.CLOSED])
def finished(request, reporting, users):
    return finish(reporting, users, request.param)


# --- The services refuse ------------------------------------------------------------------


@pytest.mark.parametrize(
    "status", [CollaborationProject.Status.EVALUATED, CollaborationProject.Status.CLOSED]
)
def test_no_new_agreement_version_once_finished(adopted, users, status):
    project = finish(run_to_reporting(make_project(adopted, users), users), users, status)
    assert project.current_agreement().is_confirmed  # nothing else stands in the way
    for person in ("member", "city_staff"):
        with pytest.raises(ValidationError, match=FROZEN_AGREEMENT):
            services.agreement_new_version(
                project=project, user=users[person], reason="年度の途中での変更"
            )
    assert project.agreements.count() == 1


def test_the_draft_version_is_neither_saved_nor_confirmed_once_finished(finished, users):
    draft = finished.current_agreement()
    assert draft.version == 2 and not draft.is_locked
    with pytest.raises(ValidationError, match=FROZEN_AGREEMENT):
        services.agreement_save(
            agreement=draft,
            user=users["member"],
            values=agreement_values(draft),
            lock_version=draft.lock_version,
        )
    for person in ("member", "city_staff"):
        with pytest.raises(ValidationError, match=FROZEN_AGREEMENT):
            services.agreement_confirm(agreement=draft, user=users[person])
    draft.refresh_from_db()
    assert draft.partner_confirmed_at is None and draft.department_confirmed_at is None


def test_a_published_direction_is_not_changed_once_finished(finished, users):
    with pytest.raises(ValidationError, match=FROZEN_DIRECTION):
        services.direction_decide(
            project=finished, user=users["city_staff"], choice="end", reason="役目を終えた"
        )
    direction = Direction.objects.get(project=finished)
    assert (direction.choice, direction.reason) == ("continue", "成果が出ている")
    assert direction.published_at is not None


def test_an_unpublished_direction_may_still_be_settled_and_published(reporting, users):
    project = finish(
        reporting, users, CollaborationProject.Status.EVALUATED, publish_direction=False
    )
    services.direction_decide(
        project=project, user=users["city_staff"], choice="expand", reason="対象を広げる"
    )
    services.direction_publish(project=project, user=users["city_staff"])
    assert Direction.objects.get(project=project).choice == "expand"
    with pytest.raises(ValidationError, match=FROZEN_DIRECTION):
        services.direction_decide(
            project=project, user=users["city_staff"], choice="end", reason="やはり終了"
        )


def test_while_reporting_the_agreement_and_a_published_direction_still_change(reporting, users):
    services.direction_decide(
        project=reporting, user=users["city_staff"], choice="continue", reason="順調"
    )
    services.direction_publish(project=reporting, user=users["city_staff"])
    services.direction_decide(
        project=reporting, user=users["city_staff"], choice="revise", reason="見直す"
    )
    assert Direction.objects.get(project=reporting).choice == "revise"
    services.agreement_confirm(agreement=reporting.current_agreement(), user=users["member"])
    assert reporting.current_agreement().partner_confirmed_at is not None


# --- The pages offer nothing to change ------------------------------------------------------


@pytest.mark.parametrize("person", ["member", "city_staff"])
def test_the_agreement_page_offers_no_form_or_button_once_finished(finished, as_persona, person):
    response = as_persona(person).get(reverse("projects:agreement_edit", args=[finished.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert FROZEN_AGREEMENT in body
    assert 'name="shared_goal"' not in body
    assert reverse("projects:agreement_confirm", args=[finished.pk]) not in body
    assert reverse("projects:agreement_new_version", args=[finished.pk]) not in body
    assert "会場の変更" in body  # the draft's reason is still there to read


def test_posts_to_the_agreement_change_nothing_once_finished(finished, users, as_persona):
    draft = finished.current_agreement()
    client = as_persona("member")
    saved = client.post(
        reverse("projects:agreement_edit", args=[finished.pk]), {"shared_goal": "書き換え"}
    )
    assert saved.status_code == 409 and FROZEN_AGREEMENT in saved.content.decode()
    confirmed = client.post(reverse("projects:agreement_confirm", args=[finished.pk]), follow=True)
    assert FROZEN_AGREEMENT in confirmed.content.decode()
    revised = client.post(
        reverse("projects:agreement_new_version", args=[finished.pk]),
        {"reason": "年度の途中での変更"},
        follow=True,
    )
    assert FROZEN_AGREEMENT in revised.content.decode()
    draft.refresh_from_db()
    assert draft.shared_goal != "書き換え" and not draft.is_locked
    assert Agreement.objects.filter(project=finished).count() == 2


def test_the_project_page_offers_no_direction_or_agreement_editing_once_finished(
    finished, as_persona
):
    body = as_persona("city_staff").get(finished.get_absolute_url()).content.decode()
    assert reverse("projects:direction_edit", args=[finished.pk]) not in body
    assert "協定書の作成・確認" not in body
    assert "協定書（案）を開く" not in body
    assert "協定書を見る" in body


def test_the_direction_page_offers_no_form_and_refuses_a_post_once_finished(finished, as_persona):
    url = reverse("projects:direction_edit", args=[finished.pk])
    page = as_persona("city_staff").get(url).content.decode()
    assert FROZEN_DIRECTION in page and 'name="reason"' not in page
    refused = as_persona("city_staff").post(url, {"choice": "end", "reason": "役目を終えた"})
    assert FROZEN_DIRECTION in refused.content.decode()
    assert Direction.objects.get(project=finished).choice == "continue"
