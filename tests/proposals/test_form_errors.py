"""Errors a person can find and fix (issue: the people who do the work).

Findings: an error in a role-sharing or budget row was invisible (the page reloaded at the
top with no summary; the error sat 2,000 px lower); the chosen attachment was silently
dropped after any error; text over the limit was cut by `maxlength` with no counter and no
message.
"""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from proposals.proposals.models import Proposal
from tests.proposals.test_proposals import form_data

pytestmark = pytest.mark.django_db


def summary(body: str) -> str:
    match = re.search(r'<div[^>]*id="form-error-summary".*?</div>', body, re.S)
    assert match, "no error summary at the top"
    return match.group(0)


def test_an_error_in_a_budget_row_is_listed_at_the_top_with_a_link_to_the_row(as_persona):
    data = form_data(**{"budget-0-amount": "abc"})
    body = as_persona("citizen").post(reverse("proposals:proposal_create"), data).content.decode()
    top = summary(body)
    assert 'href="#id_budget-0-amount"' in top
    assert "収支予算 1行目" in top and "金額は半角数字（円）で入力してください。" in top
    assert "autofocus" in top  # the person is taken to the list
    assert not Proposal.objects.exists()


def test_an_error_in_a_role_row_is_listed_at_the_top(as_persona):
    data = form_data(**{"roles-0-task": "", "roles-0-city_role": ""})
    body = as_persona("citizen").post(reverse("proposals:proposal_create"), data).content.decode()
    top = summary(body)
    assert 'href="#id_roles-0-task"' in top and "役割分担 1行目" in top


def test_text_over_the_limit_is_said_in_characters_and_kept(as_persona):
    page = as_persona("citizen").get(reverse("proposals:proposal_create")).content.decode()
    goal = re.search(r'<textarea[^>]*name="goal"[^>]*>', page).group(0)
    assert "maxlength" not in goal  # never cut silently
    assert "4,000字まで" in page
    long_goal = "目" * 4001
    body = (
        as_persona("citizen")
        .post(reverse("proposals:proposal_create"), form_data(goal=long_goal))
        .content.decode()
    )
    assert "4,000字以内で入力してください（いま4,001字）。" in summary(body)
    assert long_goal in body


def test_a_chosen_file_is_not_dropped_silently_when_something_else_is_wrong(as_persona):
    upload = SimpleUploadedFile("計画書.pdf", b"%PDF-1.4\n%\n", content_type="application/pdf")
    data = form_data(title="", attachment=upload)
    body = as_persona("citizen").post(reverse("proposals:proposal_create"), data).content.decode()
    assert "計画書.pdf" in summary(body)
    assert "もう一度選んでください" in body
