"""Calls (事業の提示): the public list, page and feed, and the department's editing."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kunitachi_kyodo import feeds
from proposals.calls import services as call_services
from proposals.calls.models import Call, CallAttachment
from proposals.guideline.models import CriterionSet, ProjectForm
from tests.conftest import (
    CONFIRMED,
    HEADER_TASK_QUERIES,
    assert_refused_as_stale,
    client_for,
    lock_version_on,
)
from tests.factories import CallFactory, DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = reverse("calls:call_list")
FEED = reverse("calls:call_feed")
CREATE = reverse("calls:call_create")
TOKYO = ZoneInfo("Asia/Tokyo")
PDF_BYTES = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }


def titles(response) -> list[str]:
    return [row["call"].title for row in response.context["rows"]]


def call_data(department, **overrides) -> dict:
    data = {
        "title": "高齢者の見守りネットワークづくり",
        "department": department.pk,
        "background": "一人暮らしの高齢の方が増えています。",
        "expected_outcome": "見守りの担い手が増えること。",
        "forms": [ProjectForm.objects.get(code="commission").pk],
        "budget_cap": "800000",
        "eligibility": "市内で活動する団体",
        "exclusions": "",
        "opens_at": "2026-08-01T09:00",
        "closes_at": "2026-09-30T17:00",
        "requires_consultation": "on",
        "criterion_set": CriterionSet.objects.default().pk,
        "review_criteria": "書類審査と公開プレゼンテーションにより審査します。",
        "contact": "高齢者支援課 042-576-2104",
    }
    data.update(overrides)
    return data


# --- The public list ----------------------------------------------------------------


def test_list_shows_open_upcoming_and_ended_calls_and_never_drafts(client):
    CallFactory(title="募集中の事業")
    CallFactory(title="募集予定の事業", upcoming=True)
    CallFactory(title="終了した事業", ended=True)
    CallFactory(
        title="締切を過ぎた事業",
        opens_at=timezone.now() - datetime.timedelta(days=30),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    CallFactory(title="下書きの事業", draft=True)

    response = client.get(LIST)
    assert response.status_code == 200
    # Open calls first, then upcoming, then ended.
    assert titles(response)[:2] == ["募集中の事業", "募集予定の事業"]
    assert set(titles(response)[2:]) == {"終了した事業", "締切を過ぎた事業"}
    assert "下書きの事業" not in response.content.decode()
    phases = {row["call"].title: row["phase"] for row in response.context["rows"]}
    assert phases == {
        "募集中の事業": "open",
        "募集予定の事業": "upcoming",
        "終了した事業": "ended",
        "締切を過ぎた事業": "ended",
    }

    assert titles(client.get(LIST, {"period": "open"})) == ["募集中の事業"]
    assert titles(client.get(LIST, {"period": "upcoming"})) == ["募集予定の事業"]
    assert set(titles(client.get(LIST, {"period": "ended"}))) == {
        "終了した事業",
        "締切を過ぎた事業",
    }


def test_list_filters_by_department_and_form(client):
    welfare = DepartmentFactory(name="健康福祉部 高齢者支援課")
    children = DepartmentFactory(name="子ども家庭部 児童青少年課")
    CallFactory(title="見守り", department=welfare)
    CallFactory(
        title="居場所",
        department=children,
        forms=ProjectForm.objects.filter(code="cooperation-staff"),
    )

    assert titles(client.get(LIST, {"department": welfare.pk})) == ["見守り"]
    commission = ProjectForm.objects.get(code="commission")
    cooperation = ProjectForm.objects.get(code="cooperation")
    assert titles(client.get(LIST, {"form": commission.pk})) == ["見守り"]
    # A kind of 事業協力 is found under 事業協力 itself.
    assert titles(client.get(LIST, {"form": cooperation.pk})) == ["居場所"]


def test_list_offers_the_feed_and_paginates(client):
    CallFactory.create_batch(23)
    first = client.get(LIST)
    body = first.content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in body
    assert FEED in body
    assert len(first.context["rows"]) == 20
    assert len(client.get(LIST, {"page": 2}).context["rows"]) == 3


def test_list_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    CallFactory.create_batch(2)
    CallFactory(forms=ProjectForm.objects.filter(code__in=["cooperation-staff", "subsidy"]))
    with django_assert_max_num_queries(10) as few:
        client.get(LIST)
    CallFactory.create_batch(12)
    CallFactory.create_batch(
        3, ended=True, forms=ProjectForm.objects.filter(code__in=["cooperation-cost", "co-hosting"])
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(LIST)


def test_staff_list_query_count_does_not_grow_with_rows(as_persona, django_assert_max_num_queries):
    client = as_persona("city_staff")
    CallFactory.create_batch(2, draft=True)
    url = reverse("calls:staff_call_list")
    with django_assert_max_num_queries(15 + HEADER_TASK_QUERIES) as few:
        assert client.get(url).status_code == 200
    CallFactory.create_batch(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


# --- The call's page ---------------------------------------------------------------


def test_detail_shows_every_field_with_the_period_in_tokyo_time(client):
    call = CallFactory(
        title="子どもの居場所づくり",
        opens_at=datetime.datetime(2026, 1, 5, 9, 0, tzinfo=TOKYO),
        closes_at=datetime.datetime(2026, 9, 30, 17, 0, tzinfo=TOKYO),
        budget_cap=1_500_000,
        exclusions="政治活動・宗教活動",
        requires_consultation=True,
        forms=ProjectForm.objects.filter(code__in=["commission", "cooperation-staff"]),
    )
    body = client.get(call.get_absolute_url()).content.decode()
    for text in [
        call.title,
        call.department.name,
        call.background,
        call.expected_outcome,
        call.eligibility,
        "政治活動・宗教活動",
        call.review_criteria,
        call.contact,
        "1,500,000円",
        "委託",
        "事業協力（人的支援）",
        "2026年1月5日 09:00",
        "2026年9月30日 17:00",
        "事前相談",
    ]:
        assert text in body, text


def test_detail_of_an_open_call_links_to_proposing(client):
    call = CallFactory()
    body = client.get(call.get_absolute_url()).content.decode()
    assert "この募集に提案する" in body
    assert f"{reverse('proposals:proposal_create')}?call={call.pk}" in body
    assert "募集中" in body


@pytest.mark.parametrize("trait", ["upcoming", "ended"])
def test_detail_of_a_call_not_open_has_no_proposing_link(client, trait):
    call = CallFactory(**{trait: True})
    response = client.get(call.get_absolute_url())
    assert response.status_code == 200
    assert "この募集に提案する" not in response.content.decode()


@pytest.mark.parametrize(
    ("persona_name", "status"),
    [
        ("anonymous", 404),
        ("citizen", 404),
        ("member", 404),
        ("other_member", 404),
        ("reviewer", 404),
        ("support_office", 404),
        ("city_staff", 200),
        ("admin", 200),
    ],
)
def test_a_draft_is_seen_only_by_city_staff(as_persona, persona_name, status):
    call = CallFactory(draft=True, title="公開前の事業")
    response = as_persona(persona_name).get(call.get_absolute_url())
    assert response.status_code == status
    if status == 200:
        assert "下書き" in response.content.decode()


def test_staff_of_the_department_see_edit_publish_buttons(as_persona, users):
    call = CallFactory(draft=True, department=users["city_staff"].department)
    body = as_persona("city_staff").get(call.get_absolute_url()).content.decode()
    assert reverse("calls:call_edit", args=[call.pk]) in body
    assert reverse("calls:call_publish", args=[call.pk]) in body
    assert reverse("calls:call_close", args=[call.pk]) not in body


def test_staff_of_another_department_see_no_buttons(as_persona):
    call = CallFactory(draft=True)
    body = as_persona("city_staff").get(call.get_absolute_url()).content.decode()
    assert reverse("calls:call_edit", args=[call.pk]) not in body
    assert reverse("calls:call_publish", args=[call.pk]) not in body


# --- The feed --------------------------------------------------------------------------


def test_feed_has_published_calls_and_never_drafts(client):
    CallFactory(title="公開中の募集", background="背景" * 300)
    CallFactory(title="終了した募集", ended=True)
    CallFactory(title="下書きの募集", draft=True)
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "公開中の募集" in body
    assert "終了した募集" in body
    assert "下書きの募集" not in body
    assert "背景" * 300 not in body  # the description is truncated


def test_feed_lists_the_latest(client, monkeypatch):
    monkeypatch.setattr(feeds, "LATEST", 20)  # 50 in use (kunitachi_kyodo/feeds.py)
    now = timezone.now()
    for day in range(22):
        CallFactory(title=f"募集{day:02d}", published_at=now - datetime.timedelta(days=day))
    body = client.get(FEED).content.decode()
    assert body.count("<entry>") == 20
    assert "募集00" in body and "募集19" in body and "募集20" not in body


# --- Creating and editing ---------------------------------------------------------------


def test_city_staff_create_a_draft_in_their_department(as_persona, users):
    department = users["city_staff"].department
    response = as_persona("city_staff").post(CREATE, call_data(department))
    call = Call.objects.get()
    assert response.status_code == 302
    assert response["Location"] == call.get_absolute_url()
    assert call.status == Call.Status.DRAFT
    assert call.created_by == users["city_staff"]
    assert call.requires_consultation
    assert list(call.forms.values_list("code", flat=True)) == ["commission"]
    # The datetime-local value is Tokyo time.
    assert call.closes_at == datetime.datetime(2026, 9, 30, 17, 0, tzinfo=TOKYO)


def test_create_form_offers_only_the_staff_members_department(as_persona, users):
    DepartmentFactory(name="別の課")
    form = as_persona("city_staff").get(CREATE).context["form"]
    assert list(form.fields["department"].queryset) == [users["city_staff"].department]
    assert form["department"].value() == users["city_staff"].department.pk


def test_staff_cannot_create_a_call_for_another_department(as_persona):
    other = DepartmentFactory(name="別の課")
    response = as_persona("city_staff").post(CREATE, call_data(other))
    assert response.status_code == 200
    assert response.context["form"].errors["department"]
    assert not Call.objects.exists()


def test_closes_before_opens_is_refused_next_to_closes_at(as_persona, users):
    data = call_data(
        users["city_staff"].department, opens_at="2026-09-30T17:00", closes_at="2026-09-01T17:00"
    )
    response = as_persona("city_staff").post(CREATE, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["closes_at"] == ["募集締切は募集開始より後の日時にしてください。"]
    assert not form.non_field_errors()
    body = response.content.decode()
    assert "募集締切は募集開始より後の日時にしてください。" in body
    assert "高齢者の見守りネットワークづくり" in body  # the input is kept
    assert not Call.objects.exists()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_an_executable_named_pdf_is_refused_next_to_the_field(as_persona, users):
    data = call_data(
        users["city_staff"].department,
        attachment=upload("募集要項.pdf", b"MZ\x90\x00" + b"\0" * 500),
    )
    response = as_persona("city_staff").post(CREATE, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["attachment"]
    assert "このファイルの種類は登録できません" in errors["attachment"][0]
    assert "高齢者の見守りネットワークづくり" in response.content.decode()
    assert not Call.objects.exists()
    assert not CallAttachment.objects.exists()


def test_a_file_over_10_mb_is_refused(as_persona, users):
    big = upload("大きな要項.pdf", b"%PDF-1.4\n" + b"0" * (11 * 1024 * 1024))
    response = as_persona("city_staff").post(
        CREATE, call_data(users["city_staff"].department, attachment=big)
    )
    assert response.status_code == 200
    assert "10 MB以下" in response.context["form"].errors["attachment"][0]
    assert not Call.objects.exists()


def test_a_pdf_is_saved_and_downloadable_once_the_call_is_public(as_persona, users, client):
    staff = as_persona("city_staff")
    data = call_data(
        users["city_staff"].department, attachment=upload("../募集要項.PDF", PDF_BYTES)
    )
    staff.post(CREATE, data)
    call = Call.objects.get()
    attachment = call.attachments.get()
    assert attachment.original_name == "募集要項.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.size == len(PDF_BYTES)
    assert attachment.uploaded_by == users["city_staff"]
    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", attachment.stored_name)
    assert attachment.stored_name in attachment.file.name
    url = reverse("calls:call_attachment_download", args=[call.pk, attachment.pk])

    # A draft's files are as private as the draft.
    assert client.get(url).status_code == 404
    assert as_persona("citizen").get(url).status_code == 404
    response = staff.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES

    staff.post(reverse("calls:call_publish", args=[call.pk]), CONFIRMED)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "%E5%8B%9F%E9%9B%86%E8%A6%81%E9%A0%85.pdf" in response["Content-Disposition"]
    assert url in client.get(call.get_absolute_url()).content.decode()


def test_an_attachment_is_reached_only_through_its_own_call(client, users):
    first, second = CallFactory(), CallFactory()
    attachment = CallAttachment.objects.create(
        call=first,
        file=SimpleUploadedFile("a.pdf", PDF_BYTES),
        stored_name="a.pdf",
        original_name="a.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
        uploaded_by=users["city_staff"],
    )
    url = reverse("calls:call_attachment_download", args=[second.pk, attachment.pk])
    assert client.get(url).status_code == 404


def test_edit_keeps_the_call_and_adds_an_attachment(as_persona, users):
    call = CallFactory(department=users["city_staff"].department, title="古い題名")
    url = reverse("calls:call_edit", args=[call.pk])
    staff = as_persona("city_staff")
    page = staff.get(url)
    # The datetime-local input shows Tokyo time.
    assert timezone.localtime(call.closes_at).strftime('value="%Y-%m-%dT%H:%M"') in (
        page.content.decode()
    )
    data = call_data(
        call.department,
        title="新しい題名",
        attachment=upload("様式.pdf", PDF_BYTES),
        lock_version=lock_version_on(page),
    )
    response = staff.post(url, data)
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.title == "新しい題名"
    assert call.status == Call.Status.PUBLISHED
    assert call.attachments.get().original_name == "様式.pdf"


def test_two_staff_saving_the_same_call_do_not_overwrite_each_other(users):
    call = CallFactory(department=users["city_staff"].department, title="古い題名")
    colleague = UserFactory(city_staff=True, department=call.department)
    url = reverse("calls:call_edit", args=[call.pk])
    data = call_data(call.department, lock_version=lock_version_on(client_for(colleague).get(url)))

    first = client_for(users["city_staff"]).post(url, {**data, "title": "一人目の題名"})
    second = client_for(colleague).post(
        url, {**data, "title": "二人目の題名", "attachment": upload("様式.pdf", PDF_BYTES)}
    )

    assert first.status_code == 302
    assert_refused_as_stale(second, kept='value="二人目の題名"')
    call.refresh_from_db()
    assert call.title == "一人目の題名"
    assert not call.attachments.exists()  # nothing of the refused save is kept


def test_staff_of_another_department_cannot_edit(as_persona):
    call = CallFactory()
    url = reverse("calls:call_edit", args=[call.pk])
    assert as_persona("city_staff").get(url).status_code == 403
    response = as_persona("city_staff").post(url, call_data(call.department, title="乗っ取り"))
    assert response.status_code == 403
    call.refresh_from_db()
    assert call.title != "乗っ取り"


def test_citizens_cannot_create_and_anonymous_are_sent_to_log_in(as_persona, client):
    assert as_persona("citizen").get(CREATE).status_code == 403
    assert as_persona("member").post(CREATE, {}).status_code == 403
    response = client.get(CREATE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("organizations:login"))


# --- Publishing and closing ---------------------------------------------------------------


def test_department_staff_publish_then_close(as_persona, users):
    call = CallFactory(draft=True, department=users["city_staff"].department)
    staff = as_persona("city_staff")

    response = staff.post(reverse("calls:call_publish", args=[call.pk]), CONFIRMED, follow=True)
    call.refresh_from_db()
    assert call.status == Call.Status.PUBLISHED
    assert call.published_at is not None
    assert "を公開しました" in response.content.decode()

    response = staff.post(reverse("calls:call_close", args=[call.pk]), CONFIRMED, follow=True)
    call.refresh_from_db()
    assert call.status == Call.Status.CLOSED
    assert "募集を終了しました" in response.content.decode()


def test_publishing_twice_says_why_and_changes_nothing(as_persona, users):
    call = CallFactory(department=users["city_staff"].department)
    published_at = call.published_at
    response = as_persona("city_staff").post(
        reverse("calls:call_publish", args=[call.pk]), follow=True
    )
    assert "この操作はできません" in response.content.decode()
    call.refresh_from_db()
    assert call.published_at == published_at
    assert not call.status_changes.exists()


def test_publishing_and_closing_are_audited_and_public(users):
    call = CallFactory(department=users["city_staff"].department, status=Call.Status.DRAFT)
    call_services.call_publish(call=call, user=users["city_staff"])
    call_services.call_close(call=call, user=users["city_staff"])
    rows = list(call.status_changes.order_by("pk"))
    assert [(r.action, r.from_status, r.to_status, r.is_public) for r in rows] == [
        ("publish", "draft", "published", True),
        ("close", "published", "closed", True),
    ]
    assert all(r.actor == users["city_staff"] for r in rows)


@pytest.mark.parametrize(("action", "trait"), [("call_publish", "draft"), ("call_close", None)])
def test_staff_of_another_department_cannot_publish_or_close(as_persona, action, trait):
    call = CallFactory(**({trait: True} if trait else {}))
    status = call.status
    response = as_persona("city_staff").post(reverse(f"calls:{action}", args=[call.pk]))
    assert response.status_code == 403
    call.refresh_from_db()
    assert call.status == status


@pytest.mark.parametrize("action", ["call_publish", "call_close"])
def test_publish_and_close_are_post_only(as_persona, users, action):
    call = CallFactory(department=users["city_staff"].department)
    assert (
        as_persona("city_staff").get(reverse(f"calls:{action}", args=[call.pk])).status_code == 405
    )


def test_publish_of_a_draft_is_404_for_those_who_cannot_see_it(as_persona):
    call = CallFactory(draft=True)
    response = as_persona("member").post(reverse("calls:call_publish", args=[call.pk]))
    assert response.status_code == 404


# --- Staff list ----------------------------------------------------------------------------


def test_staff_list_shows_drafts_with_status_and_a_link_to_create(as_persona):
    CallFactory(title="下書きの募集", draft=True)
    CallFactory(title="公開中の募集")
    body = as_persona("city_staff").get(reverse("calls:staff_call_list")).content.decode()
    assert "下書きの募集" in body and "公開中の募集" in body
    assert "下書き" in body and "公開中" in body
    assert CREATE in body
