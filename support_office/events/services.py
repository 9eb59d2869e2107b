"""Actions on events: save and move them; register, cancel, wait and be promoted; attendance.

Every change to who holds a seat happens with the event's row locked
(`select_for_update`, as pretix locks its quotas), inside one transaction that counts the
seats and writes the registration: two people registering for the last seat at the same
moment are served one after the other, and the second goes to the waiting list.
"""

import datetime
from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kunitachi_kyodo.concurrency import lock_for_edit
from kunitachi_kyodo.notifications.mail import send_templated_mail
from kunitachi_kyodo.notifications.services import notify
from kunitachi_kyodo.uploads import store_upload
from kunitachi_kyodo.values import save_values
from organizations.models import User
from organizations.permissions import require

from .models import MAX_PARTY, Event, EventMaterial, Registration
from .workflow import EVENT_WORKFLOW

# How long a person promoted from the waiting list has to confirm (and never past the start).
OFFER_HOURS = 48
GUEST_SALT = "support_office.events.guest-registration"
EMAIL_TEMPLATE = "support_office/events/email/notice"

R = Registration.Status


# --- The event itself --------------------------------------------------------------------


@dataclass(frozen=True)
class EventValues:
    """What the office writes about an event; its status moves only by the workflow."""

    title: str
    kind: str
    description: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    capacity: int
    registration_deadline: datetime.datetime
    audience: str
    contact: str
    place: str = ""
    address: str = ""
    online_url: str = ""
    fee: str = ""


def event_save(
    *, user: User, values: EventValues, event: Event | None = None, lock_version: int | None = None
) -> Event:
    """Create an event, or edit `event` (refused if someone saved it since `lock_version`)."""
    require(user, "events.manage_events")
    with transaction.atomic():
        if event is None:
            event = Event(created_by=user)
        else:
            event = lock_for_edit(event, lock_version=lock_version)
        save_values(event, values)
        if event.pk and event.status == Event.Status.PUBLISHED:
            # A larger capacity frees seats: the waiting list moves up at once.
            _promote(event, timezone.now())
    return event


def event_transition(*, event: Event, action: str, user: User, comment: str = "") -> Event:
    """Publish, close or cancel an event (cancelling tells everyone registered)."""
    return EVENT_WORKFLOW.perform(
        event, action=action, actor=user, comment=comment, on_change=_apply_move
    )


def _apply_move(event: Event, change, transition, context) -> None:
    updates = {"status": transition.target, "updated_at": context.now}
    if transition.action == "publish":
        updates["published_at"] = context.now
    Event.objects.filter(pk=event.pk).update(**updates)
    event.refresh_from_db()
    if transition.action == "cancel":
        for registration in event.registrations.active().select_related("user"):
            _tell(
                registration,
                _("「%(title)s」は中止になりました。理由：%(reason)s")
                % {"title": event.title, "reason": context.comment},
            )


# --- Registration ------------------------------------------------------------------------


def _locked(event: Event) -> Event:
    """The event's row, locked until the transaction ends: the seats are counted under it."""
    return Event.objects.select_for_update().get(pk=event.pk)


def _refuse_registration(event: Event, now) -> None:
    if event.status != Event.Status.PUBLISHED:
        raise ValidationError(_("このイベントは申込を受け付けていません。"), code="not_open")
    if now >= event.starts_at:
        raise ValidationError(
            _("このイベントはすでに始まっているか終わっているため、申し込めません。"),
            code="past",
        )
    if now >= event.registration_deadline:
        raise ValidationError(
            _("申込締切（%(deadline)s）を過ぎたため、申し込めません。")
            % {"deadline": _moment(event.registration_deadline)},
            code="deadline",
        )


def registration_create(
    *,
    event: Event,
    user: User | None = None,
    guest_name: str = "",
    guest_email: str = "",
    party_size: int = 1,
    now: datetime.datetime | None = None,
) -> Registration:
    """Register a party: confirmed while the whole party fits, else on the waiting list.

    A signed-in person registers as themselves; a guest gives a name and an e-mail address.
    """
    now = now or timezone.now()
    actor = user if user is not None else _anonymous()
    require(actor, "events.register", event)
    guest_name, guest_email = guest_name.strip(), guest_email.strip().lower()
    if user is None:
        problems = {}
        if not guest_name:
            problems["guest_name"] = _("お名前を入力してください。")
        try:
            validate_email(guest_email)
        except ValidationError:
            problems["guest_email"] = _(
                "メールアドレスの形が正しくありません（例：hanako@example.jp）。"
            )
        if problems:
            raise ValidationError(problems)
    if not 1 <= party_size <= MAX_PARTY:
        raise ValidationError(
            {"party_size": _("人数は1人から%(max)s人までにしてください。") % {"max": MAX_PARTY}}
        )
    with transaction.atomic():
        event = _locked(event)
        _refuse_registration(event, now)
        mine = event.registrations.active()
        if user is not None and mine.filter(user=user).exists():
            raise ValidationError(_("このイベントにはすでに申し込んでいます。"), code="twice")
        if user is None and mine.filter(user__isnull=True, guest_email=guest_email).exists():
            raise ValidationError(
                {"guest_email": _("このメールアドレスで、すでに申し込まれています。")}
            )
        free = event.capacity - event.seats_taken()
        registration = Registration.objects.create(
            event=event,
            user=user,
            guest_name="" if user else guest_name,
            guest_email="" if user else guest_email,
            party_size=party_size,
            status=R.CONFIRMED if party_size <= free else R.WAITING,
            created_at=now,
        )
        if registration.status == R.CONFIRMED:
            message = _("「%(title)s」への参加申込を受け付けました（%(n)s名、参加確定）。") % {
                "title": event.title,
                "n": party_size,
            }
        else:
            message = _(
                "「%(title)s」は定員に達しているため、キャンセル待ち（%(position)s番目）で"
                "受け付けました。席が空くとお知らせします。"
            ) % {"title": event.title, "position": waiting_position(registration)}
        _tell(registration, message)
    return registration


def waiting_position(registration: Registration) -> int:
    """Where a waiting party stands in the queue (1 = next)."""
    return (
        registration.event.registrations.waiting()
        .filter(created_at__lte=registration.created_at)
        .exclude(created_at=registration.created_at, pk__gt=registration.pk)
        .count()
    )


def registration_cancel(*, registration: Registration, user: User | None, token: str = "") -> None:
    """Cancel a registration or leave the waiting list; a freed seat is offered to the next.

    The person themselves (signed in, or a guest through the link in their e-mail), or the office.
    """
    _require_own(registration, user, token)
    with transaction.atomic():
        event = _locked(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in Registration.ACTIVE:
            raise ValidationError(_("この申込はすでに取り消されています。"), code="inactive")
        if event.status != Event.Status.PUBLISHED or timezone.now() >= event.starts_at:
            raise ValidationError(
                _("開始後または終了後のイベントの申込は取り消せません。"), code="past"
            )
        held_seat = registration.status in Registration.SEAT_HOLDING
        registration.status = R.CANCELLED
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
        _tell(
            registration,
            _("「%(title)s」の申込を取り消しました。") % {"title": event.title}
            if held_seat
            else _("「%(title)s」のキャンセル待ちを取り消しました。") % {"title": event.title},
        )
        if held_seat:
            _promote(event, timezone.now())


def offer_accept(*, registration: Registration, user: User | None, token: str = "") -> None:
    """The promoted party confirms its seat before the offer's deadline."""
    _require_own(registration, user, token)
    with transaction.atomic():
        event = _locked(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        now = timezone.now()
        if registration.status == R.CONFIRMED:
            return  # a second click
        if registration.status != R.OFFERED:
            raise ValidationError(_("確認を待っている繰り上げはありません。"), code="no_offer")
        if now >= registration.offer_expires_at or now >= event.starts_at:
            raise ValidationError(
                _("繰り上げの確認期限を過ぎたため、席は次の方に回りました。"), code="expired"
            )
        registration.status = R.CONFIRMED
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
        _tell(
            registration,
            _("「%(title)s」への参加が確定しました（%(n)s名）。")
            % {"title": event.title, "n": registration.party_size},
        )


def _promote(event: Event, now) -> list[Registration]:
    """Offer freed seats to the waiting list, in order; the event's row must be locked.

    A party is offered a seat only when the whole party fits; a party that does not fit
    keeps its place at the head of the list, and a smaller party behind it that fits is
    offered the seats meanwhile (the seats are not left empty).
    """
    if event.status != Event.Status.PUBLISHED or now >= event.starts_at:
        return []
    free = event.capacity - event.seats_taken()
    deadline = min(now + datetime.timedelta(hours=OFFER_HOURS), event.starts_at)
    promoted = []
    for registration in event.registrations.waiting().select_related("user"):
        if free <= 0:
            break
        if registration.party_size > free:
            continue
        registration.status = R.OFFERED
        registration.offer_expires_at = deadline
        registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
        free -= registration.party_size
        promoted.append(registration)
        _tell(
            registration,
            _(
                "「%(title)s」に空きが出ました。%(deadline)sまでに参加を確定してください。"
                "期限を過ぎると、次の方に繰り上がります。"
            )
            % {"title": event.title, "deadline": _moment(deadline)},
        )
    return promoted


def offers_expire(*, now: datetime.datetime | None = None) -> int:
    """Offers not confirmed in time lapse, and their seats go to the next (a periodic command)."""
    now = now or timezone.now()
    lapsed = 0
    event_ids = (
        Registration.objects.filter(status=R.OFFERED, offer_expires_at__lte=now)
        .values_list("event_id", flat=True)
        .distinct()
    )
    for event_id in list(event_ids):
        with transaction.atomic():
            event = Event.objects.select_for_update().get(pk=event_id)
            expired = list(
                event.registrations.filter(status=R.OFFERED, offer_expires_at__lte=now)
                .select_for_update(of=("self",))  # the user is an outer join (guests)
                .select_related("user")
            )
            for registration in expired:
                registration.status = R.EXPIRED
                registration.save(update_fields=["status", "updated_at"])
                _tell(
                    registration,
                    _("「%(title)s」の繰り上げの確認期限が過ぎたため、席は次の方に回りました。")
                    % {"title": event.title},
                )
            lapsed += len(expired)
            _promote(event, now)
    return lapsed


def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Remind confirmed participants the day before their event, once (a periodic command)."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    due = (
        Registration.objects.filter(
            status=R.CONFIRMED,
            reminded_at__isnull=True,
            event__status=Event.Status.PUBLISHED,
            event__starts_at__date=tomorrow,
        )
        .select_related("event", "user")
        .order_by("pk")
    )
    sent = 0
    for registration in due:
        with transaction.atomic():
            if not Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True).update(
                reminded_at=now
            ):
                continue  # another run reminded them meanwhile
            _tell(
                registration,
                _("明日は「%(title)s」の開催日です（%(start)s）。お気をつけてお越しください。")
                % {
                    "title": registration.event.title,
                    "start": _moment(registration.event.starts_at),
                },
            )
            sent += 1
    return sent


# --- The office's side: attendance, materials ----------------------------------------


def attendance_record(*, event: Event, user: User, attended: dict[int, bool]) -> int:
    """Record who came (出席) among the confirmed registrations of an event that has started."""
    require(user, "events.manage_events")
    if timezone.now() < event.starts_at:
        raise ValidationError(_("出席は、イベントの開始後に記録できます。"), code="too_early")
    with transaction.atomic():
        rows = event.registrations.filter(status=R.CONFIRMED, pk__in=attended).select_for_update()
        changed = 0
        for registration in rows:
            registration.attended = attended[registration.pk]
            registration.save(update_fields=["attended", "updated_at"])
            changed += 1
    return changed


def material_add(*, event: Event, user: User, title: str, is_public: bool, upload) -> EventMaterial:
    """Add a file to an event (配布資料); its size and type are checked before it is stored."""
    require(user, "events.manage_events")
    if not title.strip():
        raise ValidationError({"title": _("資料名を入力してください。")})
    with transaction.atomic():
        return store_upload(
            EventMaterial(event=event, title=title.strip(), is_public=is_public), upload, user=user
        )


# --- Guests' signed links, and telling people --------------------------------------------


def guest_token(registration: Registration) -> str:
    """The signed key in a guest's e-mail that lets them cancel or confirm without an account."""
    return signing.dumps({"r": registration.pk, "e": registration.guest_email}, salt=GUEST_SALT)


def registration_from_token(token: str) -> Registration:
    """The guest registration a signed link names; a forged or altered link is refused."""
    try:
        data = signing.loads(token, salt=GUEST_SALT)
        registration = Registration.objects.select_related("event").get(
            pk=data["r"], user__isnull=True, guest_email=data["e"]
        )
    except (signing.BadSignature, Registration.DoesNotExist, KeyError, TypeError) as exc:
        raise PermissionDenied(_("このリンクは正しくないか、使えなくなっています。")) from exc
    return registration


def _require_own(registration: Registration, user: User | None, token: str) -> None:
    if token:
        if registration_from_token(token).pk != registration.pk:
            raise PermissionDenied(_("このリンクは正しくないか、使えなくなっています。"))
        return
    if user is None or not user.is_authenticated:
        raise PermissionDenied(_("ログインしてください。"))
    if registration.user_id != user.pk and not user.has_perm("events.manage_events"):
        raise PermissionDenied(_("ご自身の申込だけを取り消せます。"))


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def _moment(value: datetime.datetime) -> str:
    return date_format(timezone.localtime(value), "Y年n月j日 H:i")


def _tell(registration: Registration, message: str) -> None:
    """A notice on マイページ and an e-mail (a guest's by e-mail, with their own links)."""
    event = registration.event
    url = reverse("support_office:events:detail", args=[event.pk])
    context = {
        "event": event,
        "registration": registration,
        "show_online_url": registration.status == R.CONFIRMED,
    }
    if registration.user_id:
        notify(
            [registration.user],
            message=message,
            url=url,
            email_template=EMAIL_TEMPLATE,
            context=context,
        )
        return
    token = guest_token(registration)
    context |= {
        "cancel_url": reverse("support_office:events:guest_cancel", args=[token]),
        "accept_url": reverse("support_office:events:guest_accept", args=[token])
        if registration.status == R.OFFERED
        else "",
    }
    email = registration.guest_email
    transaction.on_commit(
        lambda: send_templated_mail(
            EMAIL_TEMPLATE, {**context, "message": message, "url": url}, to=[email]
        )
    )
