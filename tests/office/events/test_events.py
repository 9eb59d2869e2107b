"""Events: registration and its refusals, the waiting list and its promotion, guests' links,
staff training's privacy, attendance, materials, calendars, open data and metrics."""

import csv
import datetime
import io

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kunitachi_kyodo.metrics import metric
from support_office.events import services
from support_office.events.models import Event, Registration
from support_office.events.workflow import EVENT_WORKFLOW
from tests.conftest import CONFIRMED, PERSONAS, client_for
from tests.factories import UserFactory

from .helpers import make_event

pytestmark = pytest.mark.django_db

R = Registration.Status


@pytest.fixture
def office(users):
    return users["support_office"]


@pytest.fixture
def event(office):
    return make_event(created_by=office, capacity=3)


def register(event, user=None, size=1, **guest):
    return services.registration_create(event=event, user=user, party_size=size, **guest)


def body(response) -> str:
    return response.content.decode()


# --- Registering and its refusals ---------------------------------------------------------


def test_a_signed_in_person_registers_and_is_confirmed_by_mail(as_persona, event, users):
    with_callbacks = as_persona("citizen")
    response = with_callbacks.post(
        reverse("support_office:events:register", args=[event.pk]), {"party_size": 2}
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.user, registration.party_size, registration.status) == (
        users["citizen"],
        2,
        R.CONFIRMED,
    )
    page = with_callbacks.get(event.get_absolute_url())
    assert "参加が確定しています（2名）" in body(page)


def test_registering_for_a_full_event_goes_to_the_waiting_list_and_says_so(as_persona, event):
    register(event, size=3, guest_name="先客 一家", guest_email="family@example.jp")
    client = as_persona("citizen")
    response = client.post(
        reverse("support_office:events:register", args=[event.pk]), {"party_size": 1}, follow=True
    )
    assert "キャンセル待ち（1番目）で受け付けました" in body(response)
    assert "参加はまだ確定していません" in body(response)
    assert Registration.objects.get(user__isnull=False).status == R.WAITING


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"days": -1}, "すでに始まっているか終わっているため"),
        (
            {"registration_deadline": timezone.now() - datetime.timedelta(hours=1)},
            "申込締切（",
        ),
        ({"status": Event.Status.CLOSED}, "申込を受け付けていません"),
    ],
    ids=["past", "after-deadline", "closed"],
)
def test_registering_for_a_past_or_closed_event_or_after_the_deadline_is_refused(
    as_persona, office, change, message
):
    fields = {"days": 7, **change}
    if "registration_deadline" in change or fields["days"] < 0:
        starts = timezone.now() + datetime.timedelta(days=fields.pop("days"))
        fields = {
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=2),
            "registration_deadline": change.get(
                "registration_deadline", starts - datetime.timedelta(days=1)
            ),
            **{k: v for k, v in fields.items() if k != "registration_deadline"},
        }
    event = make_event(created_by=office, **fields)
    response = as_persona("citizen").post(
        reverse("support_office:events:register", args=[event.pk]), {"party_size": 1}
    )
    assert response.status_code == 400
    assert message in body(response)
    assert not Registration.objects.exists()


def test_registering_twice_is_refused_with_a_message(as_persona, event):
    client = as_persona("citizen")
    url = reverse("support_office:events:register", args=[event.pk])
    client.post(url, {"party_size": 1})
    response = client.post(url, {"party_size": 1})
    assert response.status_code == 400
    assert "このイベントにはすでに申し込んでいます。" in body(response)
    assert Registration.objects.count() == 1


def test_a_guest_with_an_invalid_email_is_told_next_to_the_field_and_keeps_the_input(event):
    response = client_for(None).post(
        reverse("support_office:events:register", args=[event.pk]),
        {"guest_name": "国立 花子", "guest_email": "hanako-at-example", "party_size": 2},
    )
    page = body(response)
    assert response.status_code == 400
    assert "メールアドレスの形が正しくありません" in page
    assert 'id="error_1_id_guest_email"' in page  # said next to the field
    assert 'value="国立 花子"' in page and 'value="hanako-at-example"' in page
    assert not Registration.objects.exists()


def test_a_guest_registers_by_email_and_cancels_through_the_signed_link(
    event, django_capture_on_commit_callbacks
):
    anonymous = client_for(None)
    with django_capture_on_commit_callbacks(execute=True):
        anonymous.post(
            reverse("support_office:events:register", args=[event.pk]),
            {"guest_name": "国立 花子", "guest_email": "Hanako@Example.jp", "party_size": 1},
        )
    registration = Registration.objects.get()
    assert registration.guest_email == "hanako@example.jp"
    [message] = mail.outbox
    assert message.to == ["hanako@example.jp"]
    link = next(line for line in message.body.splitlines() if "/guest/" in line)
    path = link.split("127.0.0.1:8000", 1)[-1] if "://" in link else link
    assert "/cancel/" in path
    assert anonymous.get(path).status_code == 200
    anonymous.post(path)
    registration.refresh_from_db()
    assert registration.status == R.CANCELLED


def test_a_forged_guest_link_is_refused(event):
    registration = register(event, guest_name="国立 花子", guest_email="hanako@example.jp")
    token = services.guest_token(registration)
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client_for(None).post(reverse("support_office:events:guest_cancel", args=[forged]))
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == R.CONFIRMED


# --- The waiting list ----------------------------------------------------------------------


def test_a_cancellation_offers_the_seat_to_the_next_who_confirms_within_48_hours(users, event):
    first = register(event, users["citizen"], size=3)
    waiting = register(event, users["member"], size=1)
    assert waiting.status == R.WAITING
    services.registration_cancel(registration=first, user=users["citizen"])
    waiting.refresh_from_db()
    assert waiting.status == R.OFFERED
    expected = timezone.now() + datetime.timedelta(hours=services.OFFER_HOURS)
    assert abs((waiting.offer_expires_at - expected).total_seconds()) < 60
    services.offer_accept(registration=waiting, user=users["member"])
    waiting.refresh_from_db()
    assert waiting.status == R.CONFIRMED


def test_an_offer_never_runs_past_the_events_start(users, office):
    event = make_event(
        created_by=office,
        capacity=1,
        starts_at=timezone.now() + datetime.timedelta(hours=20),
        ends_at=timezone.now() + datetime.timedelta(hours=22),
        registration_deadline=timezone.now() + datetime.timedelta(hours=10),
    )
    first = register(event, users["citizen"])
    second = register(event, users["member"])
    services.registration_cancel(registration=first, user=users["citizen"])
    second.refresh_from_db()
    assert second.offer_expires_at == event.starts_at


def test_a_party_is_promoted_only_when_the_whole_party_fits(users, event):
    one = register(event, users["citizen"], size=1)
    register(event, users["member"], size=2)
    family = register(event, guest_name="谷保 一家", guest_email="yaho@example.jp", size=3)
    single = register(event, users["other_member"], size=1)
    assert (family.status, single.status) == (R.WAITING, R.WAITING)
    services.registration_cancel(registration=one, user=users["citizen"])
    family.refresh_from_db()
    single.refresh_from_db()
    # One seat is free: the family of three keeps its place; the single person behind fits.
    assert family.status == R.WAITING
    assert single.status == R.OFFERED
    assert Event.objects.get(pk=event.pk).seats_taken() == 3


def test_an_unconfirmed_offer_expires_and_the_seat_passes_to_the_next(users, event):
    first = register(event, users["citizen"], size=3)
    offered = register(event, users["member"], size=1)
    next_in_line = register(event, users["other_member"], size=1)
    services.registration_cancel(registration=first, user=users["citizen"])
    offered.refresh_from_db()
    assert offered.status == R.OFFERED
    next_in_line.refresh_from_db()
    assert next_in_line.status == R.OFFERED  # three seats came free: both fit
    later = timezone.now() + datetime.timedelta(hours=services.OFFER_HOURS, minutes=1)
    assert services.offers_expire(now=later) == 2
    offered.refresh_from_db()
    assert offered.status == R.EXPIRED
    with pytest.raises(ValidationError):
        services.offer_accept(registration=offered, user=users["member"])


def test_an_expired_offer_goes_to_the_next_waiting_party(users, office):
    event = make_event(created_by=office, capacity=1)
    first = register(event, users["citizen"])
    offered = register(event, users["member"])
    third = register(event, users["other_member"])
    services.registration_cancel(registration=first, user=users["citizen"])
    services.offers_expire(now=timezone.now() + datetime.timedelta(hours=49))
    offered.refresh_from_db()
    third.refresh_from_db()
    assert (offered.status, third.status) == (R.EXPIRED, R.OFFERED)


def test_leaving_the_waiting_list_frees_nobody_and_says_so(as_persona, users, event):
    register(event, users["citizen"], size=3)
    waiting = register(event, users["member"])
    response = as_persona("member").post(
        reverse("support_office:events:cancel", args=[event.pk]), follow=True
    )
    assert "キャンセル待ちを取り消しました。" in body(response)
    waiting.refresh_from_db()
    assert waiting.status == R.CANCELLED


def test_a_person_cannot_cancel_someone_elses_registration(users, event):
    registration = register(event, users["citizen"])
    with pytest.raises(PermissionDenied):
        services.registration_cancel(registration=registration, user=users["member"])


# --- Staff training -----------------------------------------------------------------------


@pytest.fixture
def training(office):
    return make_event(created_by=office, kind=Event.Kind.STAFF_TRAINING, title="協働研修")


@pytest.mark.parametrize("persona_name", PERSONAS)
def test_staff_training_is_seen_and_open_only_to_city_staff_and_the_office(
    persona_name, users, training
):
    client = client_for(users[persona_name])
    listed = "協働研修" in body(client.get(reverse("support_office:events:list")))
    detail = client.get(training.get_absolute_url())
    register_page = client.get(reverse("support_office:events:register", args=[training.pk]))
    staff = persona_name in {
        "city_staff",
        "other_department_staff",
        "coordinator",
        "support_office",
        "admin",
    }
    assert listed is staff
    assert detail.status_code == (200 if staff else 403)
    assert register_page.status_code == (200 if staff else 403)
    if not staff:
        assert "市職員だけが見られます" in body(detail)


def test_staff_training_is_in_no_public_calendar_open_data_or_search(training, event):
    everything = client_for(None).get(reverse("support_office:events:calendar"))
    assert "協働研修" not in everything.content.decode()
    assert "NPO入門講座" in everything.content.decode()
    kind = client_for(None).get(
        reverse("support_office:events:calendar_kind", args=["staff_training"])
    )
    assert kind.status_code == 404
    data = b"".join(
        client_for(None).get(reverse("opendata:csv", args=["events"])).streaming_content
    )
    assert "協働研修" not in data.decode("utf-8-sig")


def test_a_guest_cannot_register_for_staff_training(training):
    with pytest.raises(PermissionDenied):
        register(training, guest_name="市民", guest_email="c@example.jp")


# --- Calendars ------------------------------------------------------------------------------


def test_an_events_ical_is_in_japan_time_with_its_vtimezone(event):
    response = client_for(None).get(reverse("support_office:events:ical", args=[event.pk]))
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n" in text
    local = timezone.localtime(event.starts_at).strftime("%Y%m%dT%H%M%S")
    assert f"DTSTART;TZID=Asia/Tokyo:{local}\r\n" in text
    [vevent] = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert vevent.decoded("DTSTART") == event.starts_at.replace(microsecond=0)


def test_the_portals_calendar_holds_the_public_events(event):
    response = client_for(None).get(reverse("feeds:calendar"))
    assert f"office-event-{event.pk}@" in response.content.decode()


def test_the_calendar_of_one_kind_has_only_that_kind(office, event):
    make_event(created_by=office, kind=Event.Kind.EXCHANGE, title="団体交流会")
    text = (
        client_for(None)
        .get(reverse("support_office:events:calendar_kind", args=["exchange"]))
        .content.decode()
    )
    assert "団体交流会" in text and "NPO入門講座" not in text


# --- Open data ------------------------------------------------------------------------------

STANDARD_COLUMNS = [
    "都道府県コード又は市区町村コード",
    "NO",
    "都道府県名",
    "市区町村名",
    "イベント名",
    "イベント名_カナ",
    "イベント名_英語",
    "開始日",
    "終了日",
    "開始時間",
    "終了時間",
    "開始日時特記事項",
    "説明",
    "料金(基本)",
    "料金(詳細)",
    "連絡先名称",
    "連絡先電話番号",
    "連絡先内線番号",
    "主催者",
    "場所名称",
    "住所",
    "方書",
    "緯度",
    "経度",
    "アクセス方法",
    "駐車場情報",
    "定員",
    "参加申込終了日",
    "参加申込終了時間",
    "参加申込方法",
    "URL",
    "備考",
]


def test_the_open_data_follows_the_national_event_list_format(event, office):
    make_event(created_by=office, status=Event.Status.DRAFT, title="下書きの講座")
    response = client_for(None).get(reverse("opendata:csv", args=["events"]))
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == STANDARD_COLUMNS
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    starts = timezone.localtime(event.starts_at)
    assert row["都道府県コード又は市区町村コード"] == "132152"
    assert (row["都道府県名"], row["市区町村名"]) == ("東京都", "国立市")
    assert row["開始日"] == starts.date().isoformat()
    assert row["開始時間"] == starts.strftime("%H:%M")
    assert row["定員"] == "3"


# --- Attendance, metrics, reminders ------------------------------------------------------------


def test_the_office_records_attendance_after_the_start_and_it_counts_in_the_metrics(
    users, office, as_persona
):
    event = make_event(created_by=office, capacity=10)
    came = register(event, users["citizen"], size=2)
    stayed_home = register(event, users["member"], size=1)
    started = timezone.now() - datetime.timedelta(hours=1)
    Event.objects.filter(pk=event.pk).update(
        starts_at=started, registration_deadline=started - datetime.timedelta(days=1)
    )
    response = as_persona("support_office").post(
        reverse("support_office:events:roll", args=[event.pk]),
        {f"attended-{came.pk}": "yes", f"attended-{stayed_home.pk}": "no"},
    )
    assert response.status_code == 302
    came.refresh_from_db()
    stayed_home.refresh_from_db()
    assert (came.attended, stayed_home.attended) == (True, False)
    kinds = list(Event.Kind)
    [row] = metric("events-participants").rows()
    assert row.values[kinds.index(Event.Kind.LECTURE)] == 2
    [held] = metric("events-held").rows()
    assert held.values[kinds.index(Event.Kind.LECTURE)] == 1


def test_attendance_before_the_start_is_refused(event, office):
    with pytest.raises(ValidationError, match="開始後"):
        services.attendance_record(event=event, user=office, attended={})


def test_the_reminder_goes_the_day_before_once(users, office, django_capture_on_commit_callbacks):
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    starts = tomorrow.replace(hour=14, minute=0, second=0, microsecond=0)
    event = make_event(
        created_by=office,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        registration_deadline=timezone.now() + datetime.timedelta(hours=1),
    )
    register(event, users["citizen"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send() == 1
        assert services.reminders_send() == 0
    [message] = mail.outbox
    assert "明日は「NPO入門講座」の開催日です" in message.body


def test_cancelling_the_event_tells_everyone_registered(users, event, office):
    register(event, users["citizen"])
    register(event, guest_name="国立 花子", guest_email="hanako@example.jp")
    services.event_transition(event=event, action="cancel", user=office, comment="台風のため")
    assert users["citizen"].notifications.filter(message__contains="台風のため").exists()
    page = client_for(None).get(event.get_absolute_url())
    assert "中止になりました" in body(page) and "台風のため" in body(page)


# --- Materials ----------------------------------------------------------------------------------


def test_a_material_is_for_confirmed_participants_and_the_office(users, event, office):
    registration = register(event, users["citizen"])
    material = services.material_add(
        event=event,
        user=office,
        title="当日のスライド",
        is_public=False,
        upload=SimpleUploadedFile("slides.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    url = reverse("support_office:events:material_download", args=[event.pk, material.pk])
    assert client_for(users["citizen"]).get(url).status_code == 200
    assert client_for(office).get(url).status_code == 200
    assert client_for(users["member"]).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 403
    services.registration_cancel(registration=registration, user=users["citizen"])
    assert client_for(users["citizen"]).get(url).status_code == 403


# --- The workflow, every move × persona ---------------------------------------------------------


@pytest.mark.parametrize(
    "transition", EVENT_WORKFLOW.transitions, ids=lambda t: f"{t.source}-{t.action}"
)
@pytest.mark.parametrize("persona_name", [p for p in PERSONAS if p != "anonymous"])
def test_only_the_office_moves_an_event(transition, persona_name, users, office):
    event = make_event(created_by=office, status=transition.source)
    actor = users[persona_name]
    allowed = persona_name in {"support_office", "admin"}
    if allowed:
        services.event_transition(event=event, action=transition.action, user=actor, comment="理由")
        event.refresh_from_db()
        assert event.status == transition.target
        assert event.status_changes.get().actor == actor
    else:
        with pytest.raises(PermissionDenied):
            services.event_transition(
                event=event, action=transition.action, user=actor, comment="理由"
            )
        assert not event.status_changes.exists()


def test_publishing_through_the_page_asks_first_then_publishes(as_persona, office):
    event = make_event(created_by=office, status=Event.Status.DRAFT)
    client = as_persona("support_office")
    url = reverse("support_office:events:act", args=[event.pk, "publish"])
    asked = client.post(url)
    assert "下書きには戻せません" in body(asked)
    client.post(url, CONFIRMED)
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED


def test_a_draft_is_hidden_from_all_but_the_office(users, office):
    event = make_event(created_by=office, status=Event.Status.DRAFT)
    assert client_for(users["citizen"]).get(event.get_absolute_url()).status_code == 404
    assert client_for(users["city_staff"]).get(event.get_absolute_url()).status_code == 404
    assert client_for(office).get(event.get_absolute_url()).status_code == 200


def test_the_office_creates_an_event_and_a_bad_date_is_said_next_to_the_field(as_persona):
    client = as_persona("support_office")
    data = {
        "title": "協働フォーラム",
        "kind": "exchange",
        "description": "団体と市の交流会です。",
        "starts_at": "2027-02-10T14:00",
        "ends_at": "2027-02-10T13:00",
        "place": "市役所",
        "capacity": 40,
        "registration_deadline": "2027-02-09T17:00",
        "audience": "どなたでも",
        "contact": "支援室",
        "lock_version": "",
    }
    refused = client.post(reverse("support_office:events:create"), data)
    assert refused.status_code == 400
    assert "終了日時は開始日時より後にしてください。" in body(refused)
    assert 'id="error_1_id_ends_at"' in body(refused)  # said next to the field
    assert 'value="協働フォーラム"' in body(refused)
    data["ends_at"] = "2027-02-10T16:00"
    assert client.post(reverse("support_office:events:create"), data).status_code == 302
    assert Event.objects.get().status == Event.Status.DRAFT


# --- Query counts ------------------------------------------------------------------------------


def test_the_list_costs_the_same_for_many_events(office, django_assert_max_num_queries):
    for number in range(15):
        event = make_event(created_by=office, title=f"講座{number}")
        register(event, UserFactory())
    with django_assert_max_num_queries(6):
        response = client_for(None).get(reverse("support_office:events:list"))
    assert response.status_code == 200


# --- Feeds and the office's worklist ------------------------------------------------------------


def test_a_published_public_event_is_in_the_feed_and_staff_training_is_not(event, training):
    text = client_for(None).get(reverse("feeds:kind", args=["events"])).content.decode()
    assert "NPO入門講座" in text and "協働研修" not in text


def test_a_held_event_without_attendance_waits_on_the_offices_mypage(users, office):
    event = make_event(created_by=office)
    register(event, users["citizen"])
    started = timezone.now() - datetime.timedelta(hours=1)
    Event.objects.filter(pk=event.pk).update(
        starts_at=started, registration_deadline=started - datetime.timedelta(days=1)
    )
    page = client_for(office).get(reverse("mypage"))
    assert "出席の記録を待つイベント" in body(page)
    assert "出席の記録を待つイベント" not in body(
        client_for(users["citizen"]).get(reverse("mypage"))
    )


def test_the_service_refuses_a_deadline_after_the_start_on_its_field(office):
    starts = timezone.now() + datetime.timedelta(days=3)
    values = services.EventValues(
        title="講座",
        kind="lecture",
        description="内容",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        capacity=10,
        registration_deadline=starts + datetime.timedelta(hours=1),
        audience="どなたでも",
        contact="支援室",
        place="市役所",
    )
    with pytest.raises(ValidationError) as refused:
        services.event_save(user=office, values=values)
    assert "registration_deadline" in refused.value.message_dict
    assert not Event.objects.exists()
