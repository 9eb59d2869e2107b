"""Collaboration projects (協働事業): the agreement, its role sharing and goals, and reports.

A project comes from an adopted proposal or is created by staff for an existing
city program that becomes collaborative (既存事業の協働化). The agreement (協定書)
is separate from the contract or grant that pays for the work: the portal keeps
only that document's reference and amount.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kunitachi_kyodo.concurrency import Versioned
from kunitachi_kyodo.fiscal import FIRST_YEAR, LAST_YEAR, validate_year
from kunitachi_kyodo.uploads import StoredFile
from kunitachi_kyodo.workflow import AuditEntry
from proposals.guideline.models import ProjectForm
from proposals.proposals.models import Proposal


class ProjectStatus(models.TextChoices):
    AGREEMENT = "agreement", _("協定の準備中")
    ACTIVE = "active", _("実施中")
    REPORTING = "reporting", _("報告中")
    EVALUATED = "evaluated", _("評価済み")
    CLOSED = "closed", pgettext_lazy("status of a project", "終了")


class ProjectQuerySet(models.QuerySet):
    def public(self):
        """Every project is public (公開の原則); private parts are filtered per field, not per row."""
        return self.all()

    def for_listing(self):
        return self.select_related("department", "form").prefetch_related("partners")

    def of_partner(self, user):
        from organizations.models import Membership

        # A subquery, not a join through the memberships: each project once, so counts hold.
        edits_for = Membership.objects.filter(
            user=user, role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR]
        ).values("organization")
        return self.filter(
            pk__in=self.model.partners.through.objects.filter(organization__in=edits_for).values(
                "collaborationproject"
            )
        )


class CollaborationProject(Versioned):
    Status = ProjectStatus

    class Origin(models.TextChoices):
        PROPOSAL = "proposal", _("事業提案の採択")
        EXISTING = "existing", _("既存事業の協働化")
        CITY = "city", _("行政による新たな協働事業")

    class Funding(models.TextChoices):
        NONE = "", _("なし")
        COMMISSION = "commission", _("委託契約")
        SUBSIDY = "subsidy", _("補助金交付")

    title = models.CharField(_("事業名"), max_length=200)
    summary = models.TextField(_("事業の概要"), max_length=4000)
    origin = models.CharField(
        _("事業の由来"), max_length=20, choices=Origin.choices, default=Origin.PROPOSAL
    )
    proposal = models.OneToOneField(
        Proposal,
        verbose_name=_("もとになった提案"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="project",
    )
    partners = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("協働の相手方（団体）"),
        related_name="projects",
    )
    department = models.ForeignKey(
        "organizations.Department",
        verbose_name=_("担当課"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    form = models.ForeignKey(
        ProjectForm, verbose_name=_("協働の形態"), on_delete=models.PROTECT, related_name="projects"
    )
    cooperation_kinds = models.ManyToManyField(
        ProjectForm,
        verbose_name=_("事業協力の内容"),
        blank=True,
        related_name="+",
        help_text=_("事業協力のとき：経費負担、人的支援、備品貸与、助言"),
    )
    first_fiscal_year = models.PositiveSmallIntegerField(
        _("開始年度（西暦）"), validators=[validate_year]
    )
    last_fiscal_year = models.PositiveSmallIntegerField(
        _("終了年度（西暦）"), validators=[validate_year]
    )
    city_share = models.PositiveBigIntegerField(_("市の負担額（円）"), default=0)
    partner_share = models.PositiveBigIntegerField(_("相手方の負担額（円）"), default=0)
    funding = models.CharField(
        _("経費の支出の方法"), max_length=20, choices=Funding.choices, blank=True
    )
    funding_reference = models.CharField(
        _("契約・交付決定の番号"),
        max_length=100,
        blank=True,
        help_text=_("例：委託第2026-15号"),
    )
    funding_amount = models.PositiveBigIntegerField(
        _("契約額・交付額（円）"), null=True, blank=True
    )
    status = models.CharField(
        _("状態"),
        max_length=20,
        choices=ProjectStatus.choices,
        default=ProjectStatus.AGREEMENT,
        editable=False,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("作成日時"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-first_fiscal_year", "-created_at", "-pk"]
        verbose_name = _("協働事業")
        verbose_name_plural = _("協働事業")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_fiscal_year__gte=models.F("first_fiscal_year")),
                name="project_years_in_order",
                violation_error_message=_("終了年度は開始年度以降にしてください。"),
            ),
            models.CheckConstraint(
                condition=Q(first_fiscal_year__gte=FIRST_YEAR, last_fiscal_year__lte=LAST_YEAR),
                name="project_years_in_range",
                violation_error_message=_("2000年から2100年までの年度を入力してください。"),
            ),
            models.CheckConstraint(
                condition=~Q(origin="proposal") | Q(proposal__isnull=False),
                name="project_from_proposal_names_it",
            ),
        ]

    def clean(self):
        # One place for the rule: the form shows it next to the field, the service refuses it.
        first, last = self.first_fiscal_year, self.last_fiscal_year
        if first and last and last < first:
            raise ValidationError({"last_fiscal_year": _("終了年度は開始年度以降にしてください。")})

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:project_detail", args=[self.pk])

    @property
    def budget_total(self) -> int:
        return self.city_share + self.partner_share

    @property
    def is_finished(self) -> bool:
        """Evaluated or closed: the record of what was agreed and decided no longer changes."""
        return self.status in (ProjectStatus.EVALUATED, ProjectStatus.CLOSED)

    def current_agreement(self):
        """The newest agreement version (confirmed or not)."""
        return self.agreements.order_by("-version").first()


class Agreement(Versioned):
    """One version of the agreement (協定書). Confirmed by both sides, it changes only by a new version."""

    project = models.ForeignKey(
        CollaborationProject, on_delete=models.PROTECT, related_name="agreements"
    )
    version = models.PositiveSmallIntegerField(_("版"), default=1)
    shared_goal = models.TextField(_("共通の目標"), max_length=4000)
    cost_sharing = models.TextField(_("経費の負担"), max_length=4000, blank=True)
    information_sharing = models.TextField(
        _("情報の共有と公開"),
        max_length=4000,
        default=_(
            "甲乙は、事業に関する情報を相互に共有する。事業の内容は、双方が合意したものを除き、すべて公開する。"
        ),
    )
    risk_and_liability = models.TextField(_("事故・損害の責任"), max_length=4000, blank=True)
    other_terms = models.TextField(
        _("その他（変更・中止、個人情報、成果物の帰属、協議）"), max_length=8000, blank=True
    )
    period_start = models.DateField(_("協定期間（開始）"))
    period_end = models.DateField(_("協定期間（終了）"))
    partner_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    partner_confirmed_at = models.DateTimeField(_("相手方の確認日時"), null=True, blank=True)
    department_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    department_confirmed_at = models.DateTimeField(_("担当課の確認日時"), null=True, blank=True)
    change_reason = models.CharField(_("改定の理由"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "-version"]
        verbose_name = _("協定書")
        verbose_name_plural = _("協定書")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "version"], name="one_agreement_per_version"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="agreement_period_in_order",
                violation_error_message=_("協定期間の終了は開始より後にしてください。"),
            ),
            # A confirmation is a fact with a person and a time; never one without the other.
            *(
                models.CheckConstraint(
                    condition=Q(
                        **{
                            f"{side}_confirmed_at__isnull": True,
                            f"{side}_confirmed_by__isnull": True,
                        }
                    )
                    | Q(
                        **{
                            f"{side}_confirmed_at__isnull": False,
                            f"{side}_confirmed_by__isnull": False,
                        }
                    ),
                    name=f"{side}_confirmation_has_who_and_when",
                    violation_error_message=_("確認には、確認した人と日時の両方が必要です。"),
                )
                for side in ("partner", "department")
            ),
        ]

    def clean(self):
        # One place for the rule: the form shows it next to the field, the service refuses it.
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("協定期間の終了は開始より後にしてください。")})

    def __str__(self) -> str:
        return f"{self.project} 協定書 第{self.version}版"

    @property
    def is_confirmed(self) -> bool:
        return self.partner_confirmed_at is not None and self.department_confirmed_at is not None

    @property
    def is_locked(self) -> bool:
        """Once either side has confirmed, the text is what they confirmed: it no longer changes."""
        return self.partner_confirmed_at is not None or self.department_confirmed_at is not None


class Indicator(models.Model):
    """A goal or activity indicator (成果目標・活動指標) with its target value."""

    class Kind(models.TextChoices):
        OUTCOME = "outcome", _("成果目標")
        ACTIVITY = "activity", _("活動指標")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="indicators")
    kind = models.CharField(_("種類"), max_length=20, choices=Kind.choices, default=Kind.OUTCOME)
    name = models.CharField(_("指標"), max_length=200)
    unit = models.CharField(_("単位"), max_length=30)
    target_value = models.DecimalField(_("目標値"), max_digits=14, decimal_places=2)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["agreement", "order", "pk"]
        verbose_name = _("指標")
        verbose_name_plural = _("指標")

    def __str__(self) -> str:
        return f"{self.name}（{self.target_value}{self.unit}）"


class RoleShare(models.Model):
    """A row of the role-sharing table (役割分担表): one task, the partner's and the city's role."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="role_shares")
    task = models.CharField(_("作業・段階"), max_length=100)
    partner_role = models.TextField(_("相手方の役割"), max_length=2000)
    city_role = models.TextField(_("市の役割"), max_length=2000)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["agreement", "order", "pk"]
        verbose_name = _("役割分担表の行")
        verbose_name_plural = _("役割分担表の行")

    def __str__(self) -> str:
        return self.task


class Report(models.Model):
    """An interim or final report (事業報告): actual values against the agreement's indicators."""

    class Kind(models.TextChoices):
        INTERIM = "interim", _("中間報告")
        FINAL = "final", _("完了報告")

    project = models.ForeignKey(
        CollaborationProject, on_delete=models.PROTECT, related_name="reports"
    )
    kind = models.CharField(_("種類"), max_length=20, choices=Kind.choices)
    due_on = models.DateField(_("提出期限"))
    narrative = models.TextField(_("実施した内容"), max_length=12000, blank=True)
    public_summary = models.TextField(_("公開用の概要"), max_length=4000, blank=True)
    expenditure = models.PositiveBigIntegerField(_("支出額（円）"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("提出日時"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reminded_at = models.DateTimeField(_("督促の送信日時"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["project", "due_on", "pk"]
        verbose_name = _("事業報告")
        verbose_name_plural = _("事業報告")
        constraints = [
            models.UniqueConstraint(
                fields=["project"], condition=Q(kind="final"), name="one_final_report_per_project"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project}：{self.get_kind_display()}"


class ReportValue(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="actuals")
    actual_value = models.DecimalField(_("実績値"), max_digits=14, decimal_places=2)
    note = models.CharField(_("補足"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("指標の実績")
        verbose_name_plural = _("指標の実績")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "indicator"], name="one_value_per_indicator_and_report"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.name}: {self.actual_value}"


class ReportAttachment(StoredFile):
    """A file attached to a report. Private: served only through a view that checks the right."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")

    class Meta(StoredFile.Meta):
        verbose_name = _("報告の添付ファイル")
        verbose_name_plural = _("報告の添付ファイル")

    @property
    def folder(self) -> str:
        return f"reports/{self.report_id}"


class ProjectStatusChange(AuditEntry):
    """The audit row of one move of a project, or of a publication on it (see kunitachi_kyodo.workflow)."""

    project = models.ForeignKey(
        CollaborationProject, on_delete=models.PROTECT, related_name="status_changes"
    )

    class Meta(AuditEntry.Meta):
        verbose_name = _("協働事業の状態の変更記録")
        verbose_name_plural = _("協働事業の状態の変更記録")

    @property
    def subject(self):
        return self.project
