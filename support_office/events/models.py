"""Events (講座・交流会・相談会・職員研修) the support office runs, and who registers for them.

An event has a capacity in people; a registration holds a party of one or more people
(a family, an organization). Seats are held by confirmed registrations and by offers made
from the waiting list (繰り上げ) until they are confirmed or expire. The services count and
change the seats only with the event's row locked, so two people registering at the same
moment can never both take the last seat.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.concurrency import Versioned
from kunitachi_kyodo.fiscal import validate_date
from kunitachi_kyodo.uploads import StoredFile
from kunitachi_kyodo.workflow import AuditEntry

# A party larger than this is a group booking: the office arranges it by consultation.
MAX_PARTY = 10


class EventQuerySet(models.QuerySet):
    def announced(self):
        """Published, closed, or cancelled after publication (the page says it was cancelled)."""
        return self.filter(
            Q(status__in=[Event.Status.PUBLISHED, Event.Status.CLOSED])
            | Q(status=Event.Status.CANCELLED, published_at__isnull=False)
        )

    def public(self):
        """Announced events open to everyone: drafts and the city staff's own training
        (職員研修, NPO体験研修) never appear to the public."""
        return self.announced().exclude(kind__in=Event.STAFF_KINDS)

    def taking_place(self):
        """Public events not cancelled: what the calendars and the open data list."""
        return self.public().exclude(status=Event.Status.CANCELLED)

    def visible_to(self, user):
        """What `user` may see: the public ones; city staff also their training; the office all."""
        if user.is_authenticated and (user.is_support_staff or user.is_superuser):
            return self.all()
        if user.is_authenticated and user.is_city_staff:
            return self.announced()
        return self.public()

    def with_seats_taken(self):
        """Each event with `taken`: the people holding a seat, in the same query."""
        return self.annotate(
            taken=Coalesce(
                Sum(
                    "registrations__party_size",
                    filter=Q(registrations__status__in=Registration.SEAT_HOLDING),
                ),
                0,
            )
        )

    def held(self, now=None):
        """Events that took place: published or closed, and started before `now`."""
        return self.filter(
            status__in=[Event.Status.PUBLISHED, Event.Status.CLOSED],
            starts_at__lt=now or timezone.now(),
        )

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())


class Event(Versioned):
    """講座・交流会・相談会・職員研修: when, where, for whom, how many."""

    class Kind(models.TextChoices):
        LECTURE = "lecture", _("講座")
        EXCHANGE = "exchange", _("交流会")
        CONSULTATION = "consultation", _("相談会")
        STAFF_TRAINING = "staff_training", _("職員研修")
        NPO_PLACEMENT = "npo_placement", _("NPO体験研修")

    class Status(models.TextChoices):
        DRAFT = "draft", _("下書き")
        PUBLISHED = "published", _("公開中")
        CLOSED = "closed", _("終了")
        CANCELLED = "cancelled", _("中止")

    # Kinds for city staff only: visible to and open to them (and the office that runs them).
    STAFF_KINDS = (Kind.STAFF_TRAINING, Kind.NPO_PLACEMENT)

    title = models.CharField(_("イベント名"), max_length=200)
    kind = models.CharField(_("種類"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("内容"), max_length=8000, help_text=_("Markdownで書けます。"))
    starts_at = models.DateTimeField(_("開始日時"), validators=[validate_date])
    ends_at = models.DateTimeField(_("終了日時"), validators=[validate_date])
    place = models.CharField(
        _("会場"), max_length=200, blank=True, help_text=_("オンラインのみのときは空欄")
    )
    address = models.CharField(_("会場の住所"), max_length=200, blank=True)
    online_url = models.URLField(
        _("オンライン参加のURL"),
        max_length=500,
        blank=True,
        help_text=_("参加が確定した方にだけお知らせします。"),
    )
    capacity = models.PositiveIntegerField(_("定員（人）"))
    registration_deadline = models.DateTimeField(_("申込締切"), validators=[validate_date])
    audience = models.CharField(
        _("対象"), max_length=200, help_text=_("例：市内で活動する団体の方、どなたでも")
    )
    fee = models.CharField(_("参加費"), max_length=100, blank=True, help_text=_("例：無料"))
    contact = models.CharField(_("問い合わせ先"), max_length=300)
    status = models.CharField(
        _("状態"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("作成者"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("作成日時"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)
    published_at = models.DateTimeField(_("公開日時"), null=True, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("イベント")
        verbose_name_plural = _("イベント")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_it_starts",
                violation_error_message=_("終了日時は開始日時より後にしてください。"),
            ),
            models.CheckConstraint(
                condition=Q(registration_deadline__lte=models.F("starts_at")),
                name="event_deadline_not_after_start",
                violation_error_message=_("申込締切は開始日時までにしてください。"),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="event_capacity_positive",
                violation_error_message=_("定員は1人以上にしてください。"),
            ),
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(online_url=""),
                name="event_has_place_or_online",
                violation_error_message=_(
                    "会場かオンライン参加のURLのどちらかを入力してください。"
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        # One place for the rules across fields: the form says them next to the field, and the
        # service (save_values calls clean) refuses them from any caller.
        problems = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            problems["ends_at"] = _("終了日時は開始日時より後にしてください。")
        if (
            self.starts_at
            and self.registration_deadline
            and self.registration_deadline > self.starts_at
        ):
            problems["registration_deadline"] = _("申込締切は開始日時までにしてください。")
        if not self.place and not self.online_url:
            problems["place"] = _("会場かオンライン参加のURLのどちらかを入力してください。")
        if problems:
            raise ValidationError(problems)

    def get_absolute_url(self) -> str:
        return reverse("support_office:events:detail", args=[self.pk])

    @property
    def is_staff_only(self) -> bool:
        return self.kind in self.STAFF_KINDS

    @property
    def is_announced(self) -> bool:
        return self.status in (self.Status.PUBLISHED, self.Status.CLOSED) or (
            self.status == self.Status.CANCELLED and self.published_at is not None
        )

    @property
    def is_public(self) -> bool:
        return self.is_announced and not self.is_staff_only

    @property
    def location(self) -> str:
        """Where, in one line: the place and its address, or online."""
        where = " ".join(part for part in (self.place, self.address) if part)
        if self.online_url:
            online = str(_("オンライン"))
            return f"{where}／{online}" if where else online
        return where

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    def seats_taken(self) -> int:
        """People holding a seat: confirmed parties and parties offered a seat (繰り上げ)."""
        return self.registrations.holding_seats().aggregate(n=Sum("party_size"))["n"] or 0

    def accepts_registrations(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status == self.Status.PUBLISHED and now < self.registration_deadline


class RegistrationQuerySet(models.QuerySet):
    def holding_seats(self):
        return self.filter(status__in=Registration.SEAT_HOLDING)

    def active(self):
        return self.filter(status__in=Registration.ACTIVE)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")


class Registration(models.Model):
    """One party's registration: a signed-in person's, or a guest's with a name and e-mail."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("参加確定")
        WAITING = "waiting", _("キャンセル待ち")
        OFFERED = "offered", _("繰り上げの確認待ち")
        CANCELLED = "cancelled", _("取消")
        EXPIRED = "expired", _("繰り上げの期限切れ")

    SEAT_HOLDING = (Status.CONFIRMED, Status.OFFERED)
    ACTIVE = (Status.CONFIRMED, Status.OFFERED, Status.WAITING)

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申込者"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_registrations",
    )
    guest_name = models.CharField(_("お名前"), max_length=100, blank=True)
    guest_email = models.EmailField(_("メールアドレス"), blank=True)
    party_size = models.PositiveSmallIntegerField(_("人数"), default=1)
    status = models.CharField(_("状態"), max_length=20, choices=Status.choices)
    offer_expires_at = models.DateTimeField(_("繰り上げの確認期限"), null=True, blank=True)
    attended = models.BooleanField(_("出席"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("前日のお知らせ"), null=True, blank=True)
    created_at = models.DateTimeField(_("申込日時"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("参加申込")
        verbose_name_plural = _("参加申込")
        constraints = [
            models.CheckConstraint(
                condition=Q(party_size__gte=1, party_size__lte=MAX_PARTY),
                name="registration_party_size_in_range",
                violation_error_message=_("人数は1人から10人までにしてください。"),
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | (~Q(guest_name="") & ~Q(guest_email="")),
                name="registration_names_a_person",
                violation_error_message=_("お名前とメールアドレスを入力してください。"),
            ),
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(status__in=["confirmed", "offered", "waiting"]),
                name="registration_once_per_user",
                violation_error_message=_("このイベントにはすでに申し込んでいます。"),
            ),
            models.UniqueConstraint(
                fields=["event", "guest_email"],
                condition=Q(status__in=["confirmed", "offered", "waiting"], user__isnull=True),
                name="registration_once_per_guest_email",
                violation_error_message=_("このメールアドレスですでに申し込まれています。"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event}: {self.name}"

    @property
    def name(self) -> str:
        return self.user.full_name if self.user_id else self.guest_name

    @property
    def email(self) -> str:
        return self.user.email if self.user_id else self.guest_email

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE


class EventMaterial(StoredFile):
    """A file of an event (配布資料, スライド): for its participants and the office, or public."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("資料名"), max_length=200)
    is_public = models.BooleanField(
        _("誰でも見られる"),
        default=False,
        help_text=_("外すと、参加が確定した方と支援室だけが見られます。"),
    )

    class Meta(StoredFile.Meta):
        verbose_name = _("イベントの資料")
        verbose_name_plural = _("イベントの資料")

    @property
    def folder(self) -> str:
        return f"events/{self.event_id}"


class EventStatusChange(AuditEntry):
    """The audit row of one move of an event: publication, closing, cancellation."""

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="status_changes")

    class Meta(AuditEntry.Meta):
        verbose_name = _("イベントの状態の変更記録")
        verbose_name_plural = _("イベントの状態の変更記録")

    @property
    def subject(self):
        return self.event
