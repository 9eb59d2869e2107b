"""Years and dates a person types are kept within the portal's calendar (2000–2100).

Findings (1,351 probes): HTTP 500 on a project with fiscal year 0 or 32767 and on a call or
review session dated 0001-01-01; one bad fiscal year made the public project list render
7,983 year options (396 KiB).
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from proposals.calls.models import Call, CallBriefing
from proposals.guideline.models import ProjectForm
from proposals.projects.models import CollaborationProject
from proposals.review.models import ReviewSession
from tests.calls.test_calls import call_data
from tests.conftest import client_for
from tests.factories import CallFactory, ReviewRoundFactory
from tests.review.test_review_views import setup  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = "2000年から2100年までの"


def project_data(users, organization, **changes):
    return {
        "title": "公民館の多世代交流サロン",
        "summary": "市の既存事業を、団体と協働で運営します。",
        "origin": "existing",
        "partners": [organization.pk],
        "department": users["city_staff"].department_id,
        "form": ProjectForm.objects.get(code="co-hosting").pk,
        "first_fiscal_year": "2026",
        "last_fiscal_year": "2027",
        "city_share": "0",
        "partner_share": "0",
        **changes,
    }


@pytest.mark.parametrize("year", ["0", "1999", "2101", "32767"])
def test_a_fiscal_year_out_of_range_is_refused_next_to_the_field(
    as_persona, users, organization, year
):
    data = project_data(users, organization, first_fiscal_year=year, last_fiscal_year=year)
    response = as_persona("city_staff").post(reverse("projects:project_create"), data)
    assert response.status_code == 200
    assert OUT_OF_RANGE in response.content.decode()
    assert not CollaborationProject.objects.exists()


@pytest.mark.parametrize("when", ["0001-01-01T00:00", "9999-12-31T23:59"])
def test_a_call_dated_out_of_range_is_refused(as_persona, users, when):
    data = call_data(users["city_staff"].department, opens_at=when)
    response = as_persona("city_staff").post(reverse("calls:call_create"), data)
    assert response.status_code == 200
    assert OUT_OF_RANGE in response.content.decode()
    assert not Call.objects.exists()


def test_a_session_dated_out_of_range_is_refused(setup):  # noqa: F811
    url = reverse("review:session_create", args=[setup.round.pk])
    data = {"starts_at": "0001-01-01T00:00", "ends_at": "0001-01-01T02:00", "place": "会議室"}
    before = ReviewSession.objects.count()
    response = client_for(setup.staff).post(url, data)
    assert response.status_code == 400
    assert OUT_OF_RANGE in response.content.decode()
    assert ReviewSession.objects.count() == before


# The database holds the same bounds (a row written around the forms, by a script or the
# shell, is refused too): 2000-01-01 00:00 to 2100-12-31 23:59 in Japan time.
TOKYO = ZoneInfo("Asia/Tokyo")
BEFORE = datetime.datetime(1999, 12, 31, 23, 59, tzinfo=TOKYO)
FIRST = datetime.datetime(2000, 1, 1, tzinfo=TOKYO)
AFTER = datetime.datetime(2101, 1, 1, tzinfo=TOKYO)


@pytest.mark.parametrize(
    "opens_at, closes_at",
    [(BEFORE, FIRST), (FIRST - datetime.timedelta(days=400), BEFORE), (FIRST, AFTER)],
)
def test_the_database_refuses_a_call_dated_out_of_range(opens_at, closes_at):
    with pytest.raises(IntegrityError), transaction.atomic():
        CallFactory(opens_at=opens_at, closes_at=closes_at)


def test_the_database_takes_a_call_on_the_first_and_last_days():
    CallFactory(opens_at=FIRST, closes_at=AFTER - datetime.timedelta(minutes=1))


@pytest.mark.parametrize("starts_at", [BEFORE, AFTER])
def test_the_database_refuses_a_session_or_briefing_dated_out_of_range(starts_at):
    call = CallFactory()
    ends_at = starts_at + datetime.timedelta(hours=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        CallBriefing.objects.create(call=call, starts_at=starts_at, ends_at=ends_at, place="会議室")
    review_round = ReviewRoundFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewSession.objects.create(
            round=review_round, starts_at=starts_at, ends_at=ends_at, place="会議室"
        )
