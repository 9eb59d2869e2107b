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

from tests.proposals.form_steps import fill, post_step
from tests.proposals.test_proposals import form_data

pytestmark = pytest.mark.django_db


def summary(body: str) -> str:
    match = re.search(r'<div[^>]*id="form-error-summary".*?</div>', body, re.S)
    assert match, "no error summary at the top"
    return match.group(0)


def test_an_error_in_a_budget_row_is_listed_at_the_top_with_a_link_to_the_row(as_persona):
    client = as_persona("citizen")
    proposal = fill(client, form_data(), before="budget")
    body = post_step(
        client, proposal, "budget", form_data(**{"budget-0-amount": "abc"})
    ).content.decode()
    top = summary(body)
    assert 'href="#id_budget-0-amount"' in top
    assert "収支予算 1行目" in top and "金額は半角数字（円）で入力してください。" in top
    assert "autofocus" in top  # the person is taken to the list
    assert not proposal.budget_lines.exists()


def test_an_error_in_a_role_row_is_listed_at_the_top(as_persona):
    client = as_persona("citizen")
    proposal = fill(client, form_data(), before="roles")
    data = form_data(**{"roles-0-task": "", "roles-0-city_role": ""})
    top = summary(post_step(client, proposal, "roles", data).content.decode())
    assert 'href="#id_roles-0-task"' in top and "役割分担 1行目" in top


def test_text_over_the_limit_is_said_in_characters_and_kept(as_persona):
    client = as_persona("citizen")
    proposal = fill(client, form_data(), before="content")
    page = client.get(reverse("proposals:proposal_step", args=[proposal.pk, "content"]))
    goal = re.search(r'<textarea[^>]*name="goal"[^>]*>', page.content.decode()).group(0)
    assert "maxlength" not in goal  # never cut silently
    assert "4,000字まで" in page.content.decode()
    long_goal = "目" * 4001
    body = post_step(client, proposal, "content", form_data(goal=long_goal)).content.decode()
    assert "4,000字以内で入力してください（いま4,001字）。" in summary(body)
    assert long_goal in body


def test_files_already_uploaded_are_kept_when_a_later_file_is_refused(as_persona):
    client = as_persona("citizen")
    kept = SimpleUploadedFile("計画書.pdf", b"%PDF-1.4\n%\n", content_type="application/pdf")
    proposal = fill(client, form_data(files=[kept]))
    body = post_step(
        client, proposal, "files", {"files": [SimpleUploadedFile("空.pdf", b"")]}
    ).content.decode()
    assert "「空.pdf」" in summary(body)
    assert "計画書.pdf" in body  # listed as already registered
    assert [a.original_name for a in proposal.attachments.all()] == ["計画書.pdf"]


def test_a_line_break_counts_as_one_character_as_the_page_counts_it(as_persona):
    """A browser sends each line break as CRLF; the person and the page's counter see one."""
    client = as_persona("citizen")
    proposal = fill(client, form_data(), before="content")
    goal = "目\r\n" * 1333 + "目"  # 4,000 characters as seen, 5,333 as sent
    response = post_step(client, proposal, "content", form_data(goal=goal))
    assert response.status_code == 302
    page = client.get(reverse("proposals:proposal_step", args=[proposal.pk, "content"]))
    field = re.search(r'<textarea[^>]*name="goal"[^>]*>', page.content.decode()).group(0)
    assert 'data-char-limit="4000"' in field and "いま%(count)s字" in field


def test_in_english_the_steps_and_the_row_errors_are_english(as_persona):
    client = as_persona("citizen")
    proposal = fill(client, form_data(), before="budget")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    body = post_step(
        client, proposal, "budget", form_data(**{"budget-0-amount": "abc"})
    ).content.decode()
    assert "Budget, row 1" in summary(body) and "収支予算" not in summary(body)
    assert ">Check<" in body  # the last step, not "Verified"
