"""The consultation log: the office's only; never on a public page; statistics from the
publishable part; the private part exported by the office's lead only."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kunitachi_kyodo.fiscal import fiscal_year
from support_office.consultations import metrics, services
from support_office.consultations.models import Consultation, FollowUp
from support_office.consultations.workflow import CONSULTATION_WORKFLOW, TRANSITIONS
from tests.conftest import PERSONAS, client_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OFFICE = {"support_office", "admin"}
SECRET = "秘密の相談内容ZQX"  # a marker no public page may ever show
PRIVATE_TEXTS = (
    f"相談者{SECRET}",
    "090-0000-0000",
    f"助成金の相談{SECRET}",
    f"について。{SECRET}",
    f"再確認{SECRET}",
)


def log(users, organization=None, **changes) -> Consultation:
    values = {
        "category": "funding",
        "channel": "phone",
        "asker_kind": "npo" if organization else "individual",
        "asker_name": f"相談者{SECRET}",
        "organization": organization,
        "contact": f"090-0000-0000 {SECRET}",
        "summary": f"助成金の相談{SECRET}",
        "narrative": f"申請書の書き方について。{SECRET}",
        **changes,
    }
    return Consultation.objects.create(handled_by=users["support_office"], **values)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_office_opens_the_log(persona, users, organization):
    consultation = log(users, organization)  # about the member's own organization
    client = client_for(users[persona])
    for url in (reverse("support_office:consultations:list"), consultation.get_absolute_url()):
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 302
        elif persona in OFFICE:
            assert response.status_code == 200
            assert SECRET in response.content.decode()
        else:
            assert response.status_code == 403, (persona, url)
            assert SECRET not in response.content.decode()


def test_an_organization_member_opening_the_log_is_refused_with_a_reason(users, organization):
    consultation = log(users, organization)
    response = client_for(users["member"]).get(consultation.get_absolute_url())
    assert response.status_code == 403
    assert "支援室スタッフだけが行えます。" in response.content.decode()


def test_the_service_refuses_a_member_too(users):
    with pytest.raises(PermissionDenied):
        services.consultation_save(
            user=users["member"],
            values=services.ConsultationValues(
                consulted_on=fiscal_year_start(),
                category="funding",
                channel="phone",
                asker_kind="individual",
                asker_name="誰か",
                summary="件名",
                narrative="内容",
            ),
        )


def fiscal_year_start():
    import datetime

    return datetime.date(fiscal_year(), 4, 1)


def public_urls(users, organization):
    from kunitachi_kyodo.opendata.registry import datasets

    urls = [
        reverse("home"),
        reverse("record"),
        reverse("support_office:home"),
        reverse("support_office:news:list"),
        reverse("support_office:news:feed"),
        reverse("support_office:reports:statistics"),
        reverse("support_office:reports:annual_report", args=[fiscal_year()]),
        reverse("feeds:all"),
        reverse("feeds:calendar"),
        reverse("organizations:detail", args=[organization.pk]),
        reverse("search:search") + "?q=" + SECRET,
        reverse("search:search") + "?q=助成金の相談",
        reverse("mypage"),
    ]
    for dataset in datasets():
        urls.append(reverse("opendata:csv", args=[dataset.slug]))
        urls.append(reverse("opendata:json", args=[dataset.slug]))
    return urls


@pytest.mark.parametrize("persona", PERSONAS)
def test_consultations_never_appear_in_public_pages_feeds_search_or_open_data(
    persona, users, organization
):
    consultation = log(users, organization)
    services.follow_up_add(
        consultation=consultation,
        user=users["support_office"],
        done_on=consultation.consulted_on,
        note=f"電話で再確認{SECRET}",
    )
    client = client_for(users[persona])
    for url in public_urls(users, organization):
        response = client.get(url)
        if response.status_code == 302:
            continue  # マイページ for a visitor: the login page
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8-sig")
        # The search page repeats its query: it is the record's text that must not show.
        for private in PRIVATE_TEXTS:
            assert private not in text, (persona, url, private)


def test_the_statistics_read_only_the_publishable_part(users, organization):
    log(users, organization, category="funding")
    log(users, None, category="funding", channel="email")
    log(users, None, category="people", channel="counter")
    with CaptureQueriesContext(connection) as queries:
        rows = metrics.by_category()
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    for private in ("narrative", "asker_name", "contact", "summary", "organization_id"):
        assert private not in sql
    assert len(queries.captured_queries) == 1
    (row,) = rows
    assert row.key == fiscal_year()
    categories = [value for value, _label in Consultation._meta.get_field("category").choices]
    counted = dict(zip(categories, row.values, strict=True))
    assert counted["funding"] == 2 and counted["people"] == 1 and sum(row.values) == 3
    (channels,) = metrics.by_channel()
    assert sum(channels.values) == 3
    (months,) = metrics.by_month()
    assert sum(months.values) == 3


def test_a_consultation_in_march_counts_in_the_fiscal_year_that_began_the_april_before(users):
    import datetime

    log(users, None, consulted_on=datetime.date(2025, 3, 31))
    log(users, None, consulted_on=datetime.date(2025, 4, 1))
    years = {row.key: sum(row.values) for row in metrics.by_category()}
    assert years == {2024: 1, 2025: 1}
    march = {row.key: row.values for row in metrics.by_month()}
    assert march[2024][-1] == 1  # March is the fiscal year's last month
    assert march[2025][0] == 1  # April its first


def test_only_the_lead_exports_the_private_part(users, organization):
    log(users, organization)
    url = reverse("support_office:consultations:export")
    assert client_for(users["support_office"]).get(url).status_code == 403
    lead = UserFactory(email="lead@example.jp", support_lead=True)
    response = client_for(lead).get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "id"
    assert SECRET in rows[1][9]


def test_the_list_offers_the_export_to_the_lead_only(users):
    lead = UserFactory(email="lead@example.jp", support_lead=True)
    url = reverse("support_office:consultations:list")
    export = reverse("support_office:consultations:export")
    assert export in client_for(lead).get(url).content.decode()
    assert export not in client_for(users["support_office"]).get(url).content.decode()


def test_a_lead_must_be_office_staff(db):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(email="not-office@example.jp", is_support_lead=True)


def test_the_office_logs_a_consultation_and_bad_input_is_said_next_to_the_field(
    users, organization
):
    client = client_for(users["support_office"])
    url = reverse("support_office:consultations:create")
    data = {
        "consulted_on": "2026-05-12",
        "category": "founding",
        "channel": "counter",
        "asker_kind": "individual",  # a person, yet an organization chosen: refused
        "asker_name": "国立 花子",
        "organization": organization.pk,
        "contact": "",
        "summary": "NPO法人を作りたい",
        "narrative": "設立の手続きについて説明した。",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "個人・グループの相談に登録団体は選べません" in body
    assert "設立の手続きについて説明した。" in body  # the input is kept
    assert not Consultation.objects.exists()
    response = client.post(url, {**data, "summary": ""})
    assert "このフィールドは必須です。" in response.content.decode()
    response = client.post(url, {**data, "organization": ""})
    consultation = Consultation.objects.get()
    assert response.status_code == 302
    assert consultation.handled_by == users["support_office"]
    assert consultation.status == Consultation.Status.OPEN


def test_a_follow_up_moves_an_open_consultation_and_the_audit_is_never_public(users):
    consultation = log(users)
    client = client_for(users["support_office"])
    url = reverse("support_office:consultations:follow_up_add", args=[consultation.pk])
    response = client.post(url, {"done_on": "2026-06-01", "note": ""})
    assert response.status_code == 400
    assert "このフィールドは必須です。" in response.content.decode()
    assert not FollowUp.objects.exists()
    client.post(url, {"done_on": "2026-06-01", "note": "助成金の締切を連絡した。"})
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.FOLLOWING_UP
    client.post(reverse("support_office:consultations:act", args=[consultation.pk, "close"]))
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.CLOSED
    assert consultation.status_changes.count() == 2
    assert not consultation.status_changes.public().exists()


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: f"{t.source}-{t.action}")
@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
def test_every_move_is_the_offices_only(transition, persona, users):
    consultation = log(users, status=transition.source)
    actor = users[persona]
    if persona in OFFICE:
        CONSULTATION_WORKFLOW.perform(consultation, action=transition.action, actor=actor)
        consultation.refresh_from_db()
        assert consultation.status == transition.target
    else:
        with pytest.raises(PermissionDenied):
            CONSULTATION_WORKFLOW.perform(consultation, action=transition.action, actor=actor)
        consultation.refresh_from_db()
        assert consultation.status == transition.source
        assert not consultation.status_changes.exists()


def test_the_list_costs_the_same_for_many_rows(users, django_assert_max_num_queries):
    from tests.conftest import HEADER_TASK_QUERIES

    for n in range(40):
        log(users, summary=f"相談{n}")
    client = client_for(users["support_office"])
    with django_assert_max_num_queries(8 + HEADER_TASK_QUERIES):
        assert client.get(reverse("support_office:consultations:list")).status_code == 200


def test_no_registry_publishes_the_log():
    from kunitachi_kyodo.search.registry import sources_of

    assert sources_of(Consultation) == []


def test_the_proposals_the_office_supported_count_where_its_staff_took_part(users, organization):
    from proposals.proposals.models import ConsultationMessage
    from tests.factories import ProposalFactory

    office, member = users["support_office"], users["member"]

    def proposal(office_took_part: bool, **traits):
        made = ProposalFactory(proposer=member, organization=organization, **traits)
        ConsultationMessage.objects.create(proposal=made, author=member, body="相談です")
        if office_took_part:
            ConsultationMessage.objects.create(proposal=made, author=office, body="お答えします")
        return made

    proposal(True, submitted=True)
    proposal(True, adopted=True)
    proposal(False, submitted=True)  # talked with the department only
    proposal(True)  # a draft: not counted
    rows = metrics.proposals_supported_per_fiscal_year()
    assert [(row.key, row.values) for row in rows] == [(fiscal_year(), (2, 1))]
