"""Ids typed into a query string or a form: anything but a plain number is treated as absent.

Finding (1,351 probes): HTTP 500 on `agreement.pdf?version=²` and `/proposals/new/?call=abc`.
"""

import pytest
from django.urls import reverse

from kunitachi_kyodo.params import id_param
from tests.projects.test_projects import complete_agreement, confirm_both, make_project

pytestmark = pytest.mark.django_db

NOT_IDS = ["abc", "²", "١٢", "-1", "0", "1.5", " 1", "99999999999999999999", "%00", ""]


@pytest.mark.parametrize("value", NOT_IDS)
def test_only_a_plain_positive_number_within_range_is_an_id(value):
    assert id_param(value) is None


def test_a_plain_number_is_an_id():
    assert id_param("42") == 42
    assert id_param(str(2**31 - 1)) == 2**31 - 1


@pytest.mark.parametrize("value", NOT_IDS)
def test_a_new_proposal_with_a_strange_call_is_an_empty_form(as_persona, value):
    response = as_persona("citizen").get(reverse("proposals:proposal_create"), {"call": value})
    assert response.status_code == 200


@pytest.mark.parametrize("value", NOT_IDS)
def test_the_staff_round_list_with_a_strange_call_is_the_plain_list(as_persona, value):
    response = as_persona("city_staff").get(reverse("review:staff_round_list"), {"call": value})
    assert response.status_code == 200


@pytest.mark.parametrize("value", NOT_IDS)
def test_the_agreement_pdf_of_a_strange_version_is_the_confirmed_one(
    as_persona, adopted, users, value
):
    project = make_project(adopted, users)
    complete_agreement(project)
    confirm_both(project, users)
    url = reverse("projects:agreement_pdf", args=[project.pk])
    response = as_persona("anonymous").get(url, {"version": value})
    assert response.status_code == 200


# Finding of the hostile-input walk (tests/test_hostile_input.py): a 100,000-character keyword
# or login address reached a LIKE on SQLite ("pattern too complex", HTTP 500).
HUGE = "あ" * 100_000


@pytest.mark.parametrize(
    "url_name, persona",
    [
        ("organizations:directory", "anonymous"),
        ("proposals:proposal_list", "anonymous"),
        ("proposals:work_queue", "city_staff"),
        ("projects:project_list", "anonymous"),
    ],
)
def test_a_huge_keyword_is_refused_not_an_error(as_persona, url_name, persona):
    response = as_persona(persona).get(reverse(url_name), {"q": HUGE})
    assert response.status_code == 200


def test_a_huge_login_address_is_a_message(as_persona):
    response = as_persona("anonymous").post(
        reverse("organizations:login"), {"username": HUGE, "password": "x"}
    )
    assert response.status_code == 200
    assert "254" in response.content.decode()  # the field's limit, said next to it


@pytest.mark.django_db
def test_a_chosen_id_too_big_for_the_database_is_an_invalid_choice():
    """SQLite raises OverflowError past 64 bits; every model choice field says it is invalid."""
    from django import forms

    from organizations.models import ActivityField

    class Choose(forms.Form):
        one = forms.ModelChoiceField(queryset=ActivityField.objects.all())
        many = forms.ModelMultipleChoiceField(queryset=ActivityField.objects.all())

    huge = "99999999999999999999999999"
    form = Choose({"one": huge, "many": [huge, "1"]})
    assert not form.is_valid()
    assert set(form.errors) == {"one", "many"}
