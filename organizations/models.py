"""The actors of collaboration: people, organizations and the city's departments."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.concurrency import Versioned
from kunitachi_kyodo.workflow import AuditEntry

from .validators import furigana_validator, validate_phone


class ActivityField(models.Model):
    """One of the 20 fields of the NPO law (特定非営利活動促進法 別表)."""

    number = models.PositiveSmallIntegerField(_("号"), unique=True)
    name = models.CharField(_("名称"), max_length=100, unique=True)
    short_name = models.CharField(_("略称"), max_length=30)

    class Meta:
        ordering = ["number"]
        verbose_name = _("活動分野")
        verbose_name_plural = _("活動分野")

    def __str__(self) -> str:
        return self.short_name


class District(models.Model):
    """A district (町名) of the city; data, so another city can use its own."""

    name = models.CharField(_("名称"), max_length=50, unique=True)
    kana = models.CharField(_("ふりがな"), max_length=100, validators=[furigana_validator])
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    class Meta:
        ordering = ["order", "kana"]
        verbose_name = _("地域")
        verbose_name_plural = _("地域")

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    """A department (担当課) of the city."""

    name = models.CharField(_("名称"), max_length=100, unique=True)
    kana = models.CharField(
        _("ふりがな"), max_length=200, blank=True, validators=[furigana_validator]
    )
    email = models.EmailField(_("連絡先メールアドレス"), blank=True)
    phone = models.CharField(_("電話番号"), max_length=20, blank=True, validators=[validate_phone])
    order = models.PositiveSmallIntegerField(_("表示順"), default=0)
    is_active = models.BooleanField(_("有効"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("担当課")
        verbose_name_plural = _("担当課")

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, email):
        # Addresses are compared without case: Hanako@Example.jp signs in as hanako@example.jp.
        return self.get(email__iexact=email)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("is_active", True)
        extra.setdefault("email_confirmed_at", timezone.now())
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Signs in with an e-mail address.

    Every signed-in person is a citizen; membership of an organization makes
    them an organization member; the role flags below are given by an
    administrator. `is_staff` only opens the Django admin.
    """

    email = models.EmailField(
        _("メールアドレス"),
        unique=True,
        error_messages={"unique": _("このメールアドレスはすでに登録されています。")},
    )
    full_name = models.CharField(_("氏名"), max_length=100)
    full_name_kana = models.CharField(
        _("氏名（ふりがな）"), max_length=200, blank=True, validators=[furigana_validator]
    )
    is_active = models.BooleanField(
        _("有効"), default=True, help_text=_("メールアドレスの確認が済むまで無効です。")
    )
    is_staff = models.BooleanField(_("管理画面の利用"), default=False)
    is_city_staff = models.BooleanField(_("市職員"), default=False)
    department = models.ForeignKey(
        Department,
        verbose_name=_("所属課"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
    # The city-wide collaboration coordinator (協働推進担当): city staff who act on every
    # department's proposals, rounds, calls and projects, and assign proposals to departments.
    is_collaboration_coordinator = models.BooleanField(
        _("協働推進担当"),
        default=False,
        help_text=_("全庁の協働を推進する職員。どの担当課の提案・審査・事業も扱えます。"),
    )
    is_reviewer = models.BooleanField(_("審査委員"), default=False)
    is_support_staff = models.BooleanField(_("支援室スタッフ"), default=False)
    # The office's lead (支援室の責任者): the one who may take the consultations' private
    # narratives out of the portal (a CSV), which other office staff only read on the page.
    is_support_lead = models.BooleanField(
        _("支援室の責任者"),
        default=False,
        help_text=_("相談記録の非公開部分を書き出せます。支援室スタッフから選んでください。"),
    )
    date_joined = models.DateTimeField(_("登録日時"), default=timezone.now)
    # Empty until the owner of the inbox opens the confirmation link and sets a password; an
    # account left unconfirmed never blocks its address and is removed after a while.
    email_confirmed_at = models.DateTimeField(_("メールアドレスの確認日時"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("利用者")
        verbose_name_plural = _("利用者")
        constraints = [
            models.CheckConstraint(
                condition=Q(is_city_staff=False) | Q(department__isnull=False),
                name="city_staff_has_department",
                violation_error_message=_("市職員には所属課が必要です。"),
            ),
            models.CheckConstraint(
                condition=Q(is_collaboration_coordinator=False) | Q(is_city_staff=True),
                name="coordinator_is_city_staff",
                violation_error_message=_("協働推進担当は市職員から選んでください。"),
            ),
            models.CheckConstraint(
                condition=Q(is_support_lead=False) | Q(is_support_staff=True),
                name="support_lead_is_support_staff",
                violation_error_message=_("支援室の責任者は支援室スタッフから選んでください。"),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def is_awaiting_confirmation(self) -> bool:
        """Registered, but the owner of the address has not opened the link yet."""
        return not self.is_active and self.email_confirmed_at is None

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name

    @property
    def is_office_or_city_staff(self) -> bool:
        return self.is_support_staff or self.is_city_staff or self.is_superuser


class Kind(models.TextChoices):
    NPO_CORPORATION = "npo", _("NPO法人")
    VOLUNTARY_GROUP = "voluntary", _("任意団体")
    NEIGHBORHOOD_ASSOCIATION = "neighborhood", _("自治会")
    SHOPPING_ASSOCIATION = "shopping", _("商店会")
    SENIORS_CLUB = "seniors", _("老人クラブ")
    CIRCLE = "circle", _("サークル")
    COMPANY = "company", _("企業")
    EDUCATIONAL = "educational", _("教育機関")
    OTHER = "other", _("その他")


class OrganizationQuerySet(models.QuerySet):
    def public(self):
        """Verified organizations that chose to be listed: all a public page may show."""
        return self.filter(status=Organization.Status.VERIFIED, is_public=True)

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.public()
        if user.is_office_or_city_staff:
            return self.all()
        return self.filter(
            Q(status=Organization.Status.VERIFIED, is_public=True) | Q(memberships__user=user)
        ).distinct()

    def for_listing(self):
        return self.prefetch_related("fields", "districts").order_by("name_kana", "pk")


class Organization(Versioned):
    """An NPO, group, company or school that collaborates with the city."""

    Kind = Kind

    class Status(models.TextChoices):
        PENDING = "pending", _("確認待ち")
        VERIFIED = "verified", _("確認済み")
        REJECTED = "rejected", _("差し戻し")

    kind = models.CharField(_("団体の種類"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("団体名"), max_length=200)
    name_kana = models.CharField(
        _("団体名（ふりがな）"), max_length=400, validators=[furigana_validator]
    )
    representative_name = models.CharField(_("代表者名"), max_length=100)
    founded_on = models.DateField(_("設立年月日"), null=True, blank=True)
    member_count = models.PositiveIntegerField(_("会員数"), null=True, blank=True)
    purpose = models.TextField(_("活動目的"), max_length=4000)
    activities = models.TextField(_("主な活動内容・実績"), max_length=8000)
    fields = models.ManyToManyField(
        ActivityField, verbose_name=_("活動分野"), related_name="organizations"
    )
    districts = models.ManyToManyField(
        District, verbose_name=_("主な活動地域"), related_name="organizations", blank=True
    )
    address = models.CharField(_("所在地"), max_length=300, blank=True)
    email = models.EmailField(_("連絡先メールアドレス"), blank=True)
    phone = models.CharField(
        _("連絡先電話番号"), max_length=20, blank=True, validators=[validate_phone]
    )
    website = models.URLField(_("ウェブサイト"), blank=True)
    is_public = models.BooleanField(
        _("団体一覧に公開する"),
        default=True,
        help_text=_("支援室の確認後、団体一覧と団体ページに掲載します。"),
    )
    status = models.CharField(
        _("確認状況"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("登録者"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("登録日時"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name_kana"]
        verbose_name = _("団体")
        verbose_name_plural = _("団体")
        indexes = [
            models.Index(fields=["status", "is_public"]),
            # The directory (public, ORDER BY name_kana, id LIMIT 20) walks this index in
            # order instead of sorting every listed organization on each page.
            models.Index(
                "name_kana",
                "id",
                name="organization_directory_idx",
                condition=Q(status="verified", is_public=True),
            ),
            # The front page's newest organizations (public, ORDER BY created_at DESC LIMIT 6).
            models.Index(
                models.F("created_at").desc(),
                name="organization_public_new_idx",
                condition=Q(status="verified", is_public=True),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:detail", args=[self.pk])

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED


class OrganizationStatusChange(AuditEntry):
    """The audit row of one move of an organization: who verified or returned it, when, why."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="status_changes"
    )

    class Meta(AuditEntry.Meta):
        verbose_name = _("団体の確認記録")
        verbose_name_plural = _("団体の確認記録")

    @property
    def subject(self):
        return self.organization


class OrganizationChangeQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=OrganizationChange.Status.PENDING)


class OrganizationChange(models.Model):
    """A change to a verified organization's public identity, public once the office accepts it.

    The organization keeps showing its verified values until then; the record stays as the
    audit of who asked, who decided, when and why, and what the values were before.
    """

    # What the public knows the organization by: a change to these is checked first.
    IDENTITY_FIELDS = ("kind", "name", "name_kana", "representative_name", "website")

    class Status(models.TextChoices):
        PENDING = "pending", _("確認待ち")
        ACCEPTED = "accepted", _("反映済み")
        REJECTED = "rejected", _("差し戻し")
        WITHDRAWN = "withdrawn", _("取り下げ")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="changes")
    proposed = models.JSONField(_("変更後の値"))
    previous = models.JSONField(_("変更前の値"))
    status = models.CharField(
        _("状態"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申請者"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("申請日時"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("確認者"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("確認日時"), null=True, blank=True)
    reason = models.TextField(_("差し戻しの理由"), blank=True, max_length=2000)

    objects = OrganizationChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("団体の公開情報の変更")
        verbose_name_plural = _("団体の公開情報の変更")
        constraints = [
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(status="pending"),
                name="one_pending_change_per_organization",
                violation_error_message=_("この団体には、確認待ちの変更がすでにあります。"),
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(reason=""),
                name="rejected_change_has_reason",
                violation_error_message=_("差し戻しには理由が必要です。"),
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(decided_at__isnull=False),
                name="closed_change_has_time",
                violation_error_message=_("確認待ちでない変更には日時が必要です。"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.get_status_display()}"

    def rows(self) -> list[dict]:
        """Each changed field with its label and its value before and after, as people read them."""

        def shown(name: str, value: str) -> str:
            return str(Kind(value).label) if name == "kind" and value in Kind.values else value

        return [
            {
                "label": Organization._meta.get_field(name).verbose_name,
                "before": shown(name, self.previous.get(name, "")),
                "after": shown(name, value),
            }
            for name, value in self.proposed.items()
        ]


class MembershipRole(models.TextChoices):
    REPRESENTATIVE = "representative", _("代表者")
    EDITOR = "editor", _("編集者")
    MEMBER = "member", _("メンバー")


class Membership(models.Model):
    Role = MembershipRole

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("役割"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    created_at = models.DateTimeField(_("参加日時"), auto_now_add=True)

    class Meta:
        ordering = ["organization", "role", "pk"]
        verbose_name = _("団体メンバー")
        verbose_name_plural = _("団体メンバー")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"], name="one_membership_per_user_and_org"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.get_role_display()})"

    @property
    def can_edit(self) -> bool:
        return self.role in (MembershipRole.REPRESENTATIVE, MembershipRole.EDITOR)


class Invitation(models.Model):
    """An invitation by e-mail to join an organization; used once, valid for a while."""

    VALID_DAYS = 14

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("招待するメールアドレス"))
    role = models.CharField(
        _("役割"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("招待した人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("招待日時"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("承諾日時"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("招待")
        verbose_name_plural = _("招待")

    def __str__(self) -> str:
        return f"{self.email} → {self.organization}"

    @property
    def is_expired(self) -> bool:
        return timezone.now() > self.created_at + timedelta(days=self.VALID_DAYS)
