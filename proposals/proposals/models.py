"""Proposals (事業提案) and what hangs on them: role sharing, budget, files, the log."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.concurrency import Versioned
from kunitachi_kyodo.uploads import StoredFile
from kunitachi_kyodo.workflow import AuditEntry
from proposals.calls.models import Call
from proposals.guideline.models import ProjectForm

from . import validators

# No amount of a proposal's budget (one line, or the amount asked of the city) is above
# 1億円: a community project's sums are far smaller, and a typo of extra digits is refused.
MAX_AMOUNT = 100_000_000


def yen(amount: int) -> str:
    return f"{amount:,}"


def budget_problems(
    *,
    call: Call | None,
    requested_amount: int | None,
    totals: dict[str, int],
    difference_note: str,
    submitting: bool = False,
) -> dict[str, str]:
    """What is wrong with a budget against its call, as {field: message}; empty when nothing.

    The requested amount must be within the call's cap (and, when submitting to a capped call,
    be given); income and expenses must balance, or the difference be explained.
    """
    problems = {}
    cap = call.budget_cap if call is not None else None
    if cap is not None and requested_amount is None and submitting:
        problems["requested_amount"] = _(
            "「%(call)s」には上限（%(cap)s円）があります。補助・委託希望額を書いてください。"
        ) % {"call": call.title, "cap": yen(cap)}
    elif cap is not None and requested_amount is not None and requested_amount > cap:
        problems["requested_amount"] = _(
            "補助・委託希望額（%(amount)s円）が、「%(call)s」の上限（%(cap)s円）を超えています。"
        ) % {"amount": yen(requested_amount), "call": call.title, "cap": yen(cap)}
    income, expense = totals.get(BudgetLine.Kind.INCOME, 0), totals.get(BudgetLine.Kind.EXPENSE, 0)
    if income != expense and not difference_note.strip():
        problems["budget_difference_note"] = _(
            "収入の合計（%(income)s円）と支出の合計（%(expense)s円）が合っていません。"
            "差額（%(difference)s円）の理由を書いてください。"
        ) % {
            "income": yen(income),
            "expense": yen(expense),
            "difference": yen(abs(income - expense)),
        }
    return problems


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("下書き")
    CONSULTATION = "consultation", _("事前相談中")
    SUBMITTED = "submitted", _("提出済み")
    SCREENING = "screening", _("一次審査中")
    OPEN_REVIEW = "open_review", _("公開審査中")
    ADOPTED = "adopted", _("採択")
    NOT_ADOPTED = "not_adopted", _("不採択")
    RETURNED = "returned", _("差し戻し（修正中）")
    WITHDRAWN = "withdrawn", _("取り下げ")


class ProposalQuerySet(models.QuerySet):
    def public(self):
        """Proposals that have been submitted at least once: what the public may see."""
        return self.filter(submitted_at__isnull=False)

    def of_proposer(self, user):
        """Proposals the user made, or made by an organization the user edits for."""
        from organizations.models import Membership

        # A subquery, not a join through the memberships: each proposal once, so counts hold.
        edits_for = Membership.objects.filter(
            user=user, role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR]
        ).values("organization")
        return self.filter(Q(proposer=user) | Q(organization__in=edits_for))

    def in_department(self, department_id):
        """Proposals a department is responsible for: assigned to it, or else answering its call."""
        return self.filter(
            Q(department_id=department_id)
            | Q(department__isnull=True, call__department_id=department_id)
        )

    def visible_to(self, user):
        """Public proposals, one's own, and all but drafts for those who handle them.

        The support office, coordinators and administrators handle every proposal; city
        staff handle those of their department.
        """
        if not user.is_authenticated:
            return self.public()
        own = self.of_proposer(user).values("pk")
        if user.is_support_staff or user.is_superuser or user.is_collaboration_coordinator:
            return self.filter(~Q(status=ProposalStatus.DRAFT) | Q(pk__in=own))
        visible = Q(submitted_at__isnull=False) | Q(pk__in=own)
        if user.is_city_staff:
            department = self.in_department(user.department_id).values("pk")
            visible |= ~Q(status=ProposalStatus.DRAFT) & Q(pk__in=department)
        return self.filter(visible)

    def for_listing(self):
        return self.select_related("organization", "proposer", "call", "department", "desired_form")


class Proposal(Versioned):
    """A proposal for a collaboration project, by an organization or a citizen."""

    Status = ProposalStatus

    class Origin(models.TextChoices):
        FREE = "free", _("自由提案（提案型）")
        CALL = "call", _("事業の提示への応募（提示型）")
        JOINT = "joint", _("合同の事業立案")

    origin = models.CharField(
        _("提案の種類"), max_length=10, choices=Origin.choices, default=Origin.FREE
    )
    call = models.ForeignKey(
        Call,
        verbose_name=_("応募する事業の提示"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("提案する団体"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
        help_text=_("個人として提案する場合は空欄"),
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("提案者"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    title = models.CharField(_("事業名"), max_length=200)
    local_issue = models.TextField(
        _("地域課題（なぜ今この事業が必要か）"), max_length=8000, blank=True
    )
    goal = models.TextField(_("事業の目標"), max_length=4000, blank=True)
    indicators = models.TextField(
        _("成果の指標"),
        max_length=4000,
        blank=True,
        help_text=_("例：参加者数 年間300人、満足度 80%以上"),
    )
    content = models.TextField(_("事業の内容とスケジュール"), max_length=12000, blank=True)
    expected_effect = models.TextField(_("期待される効果"), max_length=4000, blank=True)
    why_collaboration = models.TextField(
        _("協働の必要性（なぜ市と一緒に行うのか）"), max_length=4000, blank=True
    )
    desired_form = models.ForeignKey(
        ProjectForm,
        verbose_name=_("希望する協働の形態"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    period_start = models.DateField(_("実施期間（開始）"), null=True, blank=True)
    period_end = models.DateField(_("実施期間（終了）"), null=True, blank=True)
    requested_amount = models.PositiveIntegerField(
        _("補助・委託希望額（円）"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AMOUNT)],
        help_text=_(
            "市に求める補助金・委託料・負担金の額。事業の提示に応募するときは、その上限以内にしてください。"
            "市の経費を求めないときは0。"
        ),
    )
    budget_difference_note = models.TextField(
        _("収入と支出の差額の説明"),
        max_length=1000,
        blank=True,
        help_text=_("収入の合計と支出の合計が合わないときは、その理由を書いてください。"),
    )
    public_summary = models.TextField(
        _("公開用の概要"),
        max_length=2000,
        blank=True,
        help_text=_("提出後、提案の公開ページに載ります。個人情報は書かないでください。"),
    )
    publish_consent = models.BooleanField(
        _("提出後に、事業名・提案者名・公開用の概要・経過が公開されることに同意します"),
        default=False,
    )
    department = models.ForeignKey(
        "organizations.Department",
        verbose_name=_("担当課"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    status = models.CharField(
        _("状態"),
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.DRAFT,
        editable=False,
    )
    submitted_at = models.DateTimeField(_("初回提出日時"), null=True, blank=True, editable=False)
    # Given at the first submission and kept through returns (2026-協-0014): the proposer's
    # receipt, and what the city's ledger and phone calls refer to.
    receipt_number = models.CharField(
        _("受付番号"), max_length=20, null=True, blank=True, unique=True, editable=False
    )
    created_at = models.DateTimeField(_("作成日時"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("事業提案")
        verbose_name_plural = _("事業提案")
        indexes = [
            models.Index(fields=["status", "submitted_at"]),
            # The public list (ORDER BY submitted_at DESC, id DESC LIMIT 20) and the front
            # page's latest five read this index in order and stop: without it PostgreSQL
            # sorted every submitted proposal (200,000 at national scale) for each request.
            # Partial: drafts never appear on a public page.
            models.Index(
                F("submitted_at").desc(),
                F("id").desc(),
                name="proposal_public_latest_idx",
                condition=Q(submitted_at__isnull=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(origin="call") | Q(call__isnull=False),
                name="call_proposal_names_its_call",
                violation_error_message=_("提示型の提案には、応募する事業の提示を選んでください。"),
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="proposal_period_ends_after_it_starts",
                violation_error_message=_("実施期間の終了は開始より後にしてください。"),
            ),
            models.CheckConstraint(
                condition=Q(requested_amount__isnull=True) | Q(requested_amount__lte=MAX_AMOUNT),
                name="requested_amount_within_bounds",
                violation_error_message=_("金額は1億円以下で入力してください。"),
            ),
        ]

    def clean(self):
        # One place for the rules: the form shows them next to the fields, the service refuses them.
        errors = {}
        if self.origin == self.Origin.CALL and self.call_id is None:
            errors["call"] = _("提示型の提案では、応募する事業の提示を選んでください。")
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("実施期間の終了は開始より後にしてください。")
        if errors:
            raise ValidationError(errors)

    # A draft is saved step by step, so these may be blank until the proposal is submitted;
    # the workflow's COMPLETE guard names each one still missing.
    REQUIRED_TO_SUBMIT = (
        "local_issue",
        "goal",
        "indicators",
        "content",
        "expected_effect",
        "why_collaboration",
        "public_summary",
    )

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("proposals:proposal_detail", args=[self.pk])

    def missing_to_submit(self) -> list[str]:
        """What is still to do before the proposal can be submitted, by field name."""
        missing = [name for name in self.REQUIRED_TO_SUBMIT if not getattr(self, name).strip()]
        if not self.publish_consent:
            missing.append("publish_consent")
        if not self.role_shares.exists():
            missing.append("role_shares")
        return missing

    @property
    def proposer_name(self) -> str:
        return self.organization.name if self.organization_id else self.proposer.full_name

    @property
    def responsible_department_id(self) -> int | None:
        """The department that screens and consults: the assigned one, or else the call's."""
        if self.department_id:
            return self.department_id
        return self.call.department_id if self.call_id else None

    @property
    def is_editable(self) -> bool:
        # A proposer improves the draft while consulting: that is what the consultation is for.
        return self.status in (
            ProposalStatus.DRAFT,
            ProposalStatus.CONSULTATION,
            ProposalStatus.RETURNED,
        )

    def budget_totals(self) -> dict[str, int]:
        totals = dict(self.budget_lines.values_list("kind").annotate(total=Sum("amount")))
        return {kind: totals.get(kind, 0) for kind in BudgetLine.Kind.values}

    def budget_problems(self, *, submitting: bool = False) -> dict[str, str]:
        """The saved budget against the call (see budget_problems)."""
        return budget_problems(
            call=self.call if self.call_id else None,
            requested_amount=self.requested_amount,
            totals=self.budget_totals(),
            difference_note=self.budget_difference_note,
            submitting=submitting,
        )


class ProposalRoleShare(models.Model):
    """One row of the first role-sharing table (役割分担): a task, the proposer's and the city's role."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="role_shares")
    task = models.CharField(_("作業・段階"), max_length=100)
    proposer_role = models.TextField(_("提案者の役割"), max_length=2000)
    city_role = models.TextField(_("市の役割"), max_length=2000)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("役割分担")
        verbose_name_plural = _("役割分担")

    def __str__(self) -> str:
        return self.task


class BudgetLine(models.Model):
    """One line of the budget (収支予算書): income or expense, in yen."""

    class Kind(models.TextChoices):
        INCOME = "income", _("収入")
        EXPENSE = "expense", _("支出")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="budget_lines")
    kind = models.CharField(_("収支"), max_length=10, choices=Kind.choices)
    item = models.CharField(_("費目"), max_length=100)
    amount = models.PositiveBigIntegerField(
        _("金額（円）"), validators=[MaxValueValidator(MAX_AMOUNT)]
    )
    note = models.CharField(_("内訳・説明"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-kind", "order", "pk"]  # income (収入) first, as budget forms list it
        verbose_name = _("収支予算の行")
        verbose_name_plural = _("収支予算の行")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_amount_not_negative"),
            models.CheckConstraint(
                condition=Q(amount__lte=MAX_AMOUNT),
                name="budget_amount_within_bounds",
                violation_error_message=_("金額は1億円以下で入力してください。"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.item} {self.amount}"


class YearlySequence(models.Model):
    """The last number given in a fiscal year (locked while the next one is taken)."""

    fiscal_year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    last_number = models.PositiveIntegerField(_("最後の番号"), default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.fiscal_year}: {self.last_number}"


class ReceiptSequence(YearlySequence):
    """受付番号 (2026-協-0014)."""

    class Meta:
        verbose_name = _("受付番号の連番")
        verbose_name_plural = _("受付番号の連番")


class ProposalAttachment(StoredFile):
    """A file attached to a proposal. Private: served only through a view that checks the right."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")

    class Meta(StoredFile.Meta):
        verbose_name = _("提案の添付ファイル")
        verbose_name_plural = _("提案の添付ファイル")

    @property
    def folder(self) -> str:
        return f"proposals/{self.proposal_id}"

    def get_absolute_url(self) -> str:
        return reverse("proposals:attachment_download", args=[self.proposal_id, self.pk])


class ProposalVersion(models.Model):
    """The proposal as it was submitted, each time (提出・再提出): kept, never changed.

    Staff and reviewers compare a resubmission with the version they reviewed; the snapshot
    holds every field as text, and the rows, so later edits of the proposal leave it as it was.
    """

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField(_("版"))
    submitted_at = models.DateTimeField(_("提出日時"))
    snapshot = models.JSONField(_("提出した内容"), editable=False)

    class Meta:
        ordering = ["proposal", "number"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "number"], name="one_number_per_version")
        ]
        verbose_name = _("提出した版")
        verbose_name_plural = _("提出した版")

    def __str__(self) -> str:
        return f"{self.proposal} 第{self.number}版"


class StatusChange(AuditEntry):
    """The audit row of one move of a proposal (see kunitachi_kyodo.workflow)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="status_changes")

    class Meta(AuditEntry.Meta):
        verbose_name = _("提案の状態の変更記録")
        verbose_name_plural = _("提案の状態の変更記録")

    @property
    def subject(self):
        return self.proposal


class ConsultationMessage(models.Model):
    """A message in a proposal's private pre-consultation thread (事前相談)."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="consultation_messages"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("内容"), max_length=8000)
    created_at = models.DateTimeField(_("日時"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("事前相談のメッセージ")
        verbose_name_plural = _("事前相談のメッセージ")

    def __str__(self) -> str:
        return f"{self.proposal}: {self.author}"


# --- Notices (採択通知・不採択通知・差し戻し通知) ------------------------------------------


class NoticeKind(models.TextChoices):
    """A notice for each decision the proposer is told of; the value is the status it tells."""

    ADOPTED = ProposalStatus.ADOPTED.value, _("採択通知")
    NOT_ADOPTED = ProposalStatus.NOT_ADOPTED.value, _("不採択通知")
    RETURNED = ProposalStatus.RETURNED.value, _("差し戻し通知")


class NoticeTemplate(models.Model):
    """The wording of a kind of notice, which the city edits; notices are filled from it."""

    Kind = NoticeKind

    kind = models.CharField(_("通知の種類"), max_length=20, choices=NoticeKind.choices)
    is_active = models.BooleanField(
        _("使用中"),
        default=True,
        help_text=_(
            "種類ごとに使用中は1つだけです。使用中のテンプレートがない種類は、通知書を作らず、"
            "状態が変わったことだけをメールでお知らせします。"
        ),
    )
    sender = models.CharField(
        _("差出人"),
        max_length=100,
        help_text=_("通知書の日付の下に書く発信者（例：○○市長 ○○ ○○）。"),
    )
    subject = models.CharField(
        _("件名"), max_length=200, validators=[validators.validate_placeholders]
    )
    body = models.TextField(
        _("本文"), max_length=8000, validators=[validators.validate_notice_body]
    )
    updated_at = models.DateTimeField(_("更新日時"), auto_now=True)

    class Meta:
        ordering = ["kind", "-is_active", "pk"]
        verbose_name = _("通知のテンプレート")
        verbose_name_plural = _("通知のテンプレート")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(is_active=True),
                name="one_active_notice_template_per_kind",
                violation_error_message=_(
                    "この種類には、使用中のテンプレートがすでにあります。"
                    "もう一方の「使用中」を外してから保存してください。"
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.subject}"


class NoticeSequence(YearlySequence):
    """通知番号 (2026-協通-0003)."""

    class Meta:
        verbose_name = _("通知番号の連番")
        verbose_name_plural = _("通知番号の連番")


class Notice(models.Model):
    """A notice as issued: its text filled and frozen, so a later edit of the template leaves it."""

    Kind = NoticeKind

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="notices")
    status_change = models.OneToOneField(
        StatusChange,
        verbose_name=_("通知した状態の変更"),
        on_delete=models.PROTECT,
        related_name="notice",
    )
    template = models.ForeignKey(
        NoticeTemplate,
        verbose_name=_("元のテンプレート"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("通知の種類"), max_length=20, choices=NoticeKind.choices)
    number = models.CharField(_("通知番号"), max_length=20, unique=True)
    notice_date = models.DateField(_("通知日"))
    addressee = models.CharField(_("宛名"), max_length=200)
    sender = models.CharField(_("差出人"), max_length=100)
    subject = models.TextField(_("件名"))
    body = models.TextField(_("本文"))
    created_at = models.DateTimeField(_("作成日時"), auto_now_add=True)

    class Meta:
        ordering = ["notice_date", "pk"]
        verbose_name = _("通知書")
        verbose_name_plural = _("通知書")

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("proposals:notice_pdf", args=[self.proposal_id, self.pk])
