"""Actions on proposals (事業提案). Each is atomic.

`proposal_transition` is the only writer of a proposal's status.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kunitachi_kyodo.concurrency import lock_for_edit
from kunitachi_kyodo.fiscal import fiscal_year
from kunitachi_kyodo.notifications.services import notify
from kunitachi_kyodo.uploads import UploadNotStored, files_kept_only_if_saved, store_upload
from kunitachi_kyodo.values import save_rows, save_values
from kunitachi_kyodo.wareki import wareki_date
from organizations.models import Membership, Organization, User
from organizations.permissions import is_org_editor, require
from proposals.calls.models import Call
from proposals.guideline.models import ProjectForm
from proposals.proposals import workflow
from proposals.proposals.models import (
    ConsultationMessage,
    Notice,
    NoticeKind,
    NoticeSequence,
    NoticeTemplate,
    Proposal,
    ProposalAttachment,
    ProposalVersion,
    ReceiptSequence,
    StatusChange,
)
from proposals.proposals.selectors import snapshot_of
from proposals.proposals.validators import fill_placeholders

# --- People to tell ------------------------------------------------------------


def proposer_side(proposal: Proposal) -> list[User]:
    people = [proposal.proposer]
    if proposal.organization_id:
        people += [
            m.user
            for m in Membership.objects.filter(
                organization_id=proposal.organization_id,
                role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR],
            ).select_related("user")
        ]
    return people


def city_side(proposal: Proposal) -> list[User]:
    """The assigned department's staff, and the support office (it coordinates every proposal)."""
    staff = User.objects.filter(is_active=True, is_support_staff=True)
    if proposal.department_id:
        staff = staff | User.objects.filter(
            is_active=True, is_city_staff=True, department_id=proposal.department_id
        )
    elif proposal.call_id:
        staff = staff | User.objects.filter(
            is_active=True, is_city_staff=True, department_id=proposal.call.department_id
        )
    return list(staff.distinct())


# --- Proposals -------------------------------------------------------------------


@dataclass(frozen=True)
class RoleRow:
    """One row of the role-sharing table (役割分担)."""

    task: str
    proposer_role: str
    city_role: str
    id: int | None = None


@dataclass(frozen=True)
class BudgetRow:
    """One line of the budget (収支予算書), in yen."""

    kind: str
    item: str
    amount: int
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class ProposalValues:
    """What a proposer writes; the status moves only by the workflow."""

    title: str
    # Blank until the step that asks for them: a draft is saved step by step.
    local_issue: str = ""
    goal: str = ""
    indicators: str = ""
    content: str = ""
    expected_effect: str = ""
    why_collaboration: str = ""
    public_summary: str = ""
    origin: str = Proposal.Origin.FREE
    call: Call | None = None
    organization: Organization | None = None
    desired_form: ProjectForm | None = None
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    requested_amount: int | None = None
    budget_difference_note: str = ""
    publish_consent: bool = False
    # None leaves the stored rows as they are (a step that does not show the table).
    role_shares: tuple[RoleRow, ...] | None = ()
    budget_lines: tuple[BudgetRow, ...] | None = ()


ROWS = ("role_shares", "budget_lines")
MAX_ATTACHMENTS = 20


def _save_attachment(*, proposal: Proposal, upload, user: User) -> ProposalAttachment:
    return store_upload(ProposalAttachment(proposal=proposal), upload, user=user)


def _save(proposal: Proposal, values: ProposalValues, *, user: User, **fixed) -> Proposal:
    """Write the values and rows, then refuse the whole save if the budget does not fit the call."""
    organization = values.organization
    if organization is not None and (
        organization.status != Organization.Status.VERIFIED or not is_org_editor(user, organization)
    ):
        raise ValidationError(
            {"organization": _("代表者・編集者として登録された、確認済みの団体を選んでください。")}
        )
    save_values(proposal, values, skip=ROWS, **fixed)
    for rows in ROWS:
        if getattr(values, rows) is not None:
            save_rows(getattr(proposal, rows), getattr(values, rows), order_field="order")
    problems = proposal.budget_problems()
    if problems:
        raise ValidationError(problems)
    return proposal


def proposal_create(*, user: User, values: ProposalValues) -> Proposal:
    """Save a new draft proposal (its first step, or the whole of it) with its rows."""
    if not user.has_perm("proposals.create_proposal"):
        raise PermissionDenied
    department = values.call.department if values.call is not None else None
    with transaction.atomic():
        return _save(
            Proposal(),
            values,
            user=user,
            proposer=user,
            status=Proposal.Status.DRAFT,
            department=department,
        )


def proposal_update(
    *,
    proposal: Proposal,
    user: User,
    values: ProposalValues,
    lock_version: int | None,
) -> Proposal:
    """Save a draft or returned proposal; refuse if someone saved it since `lock_version`."""
    with transaction.atomic():
        current = lock_for_edit(proposal, lock_version=lock_version)
        if not user.has_perm("proposals.edit_proposal", current):
            raise PermissionDenied
        return _save(current, values, user=user)


def attachments_change(
    *, proposal: Proposal, user: User, add=(), remove=()
) -> list[ProposalAttachment]:
    """Add the uploads and delete the attachments named, all or nothing.

    Files of submitted versions stay on record: only an editable proposal's files change.
    """
    with files_kept_only_if_saved(), transaction.atomic():
        current = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if not user.has_perm("proposals.edit_proposal", current):
            raise PermissionDenied
        if len(remove) and any(a.proposal_id != current.pk for a in remove):
            raise ValidationError(_("このファイルは、この提案のものではありません。"))
        kept = current.attachments.count() - len(remove)
        if kept + len(add) > MAX_ATTACHMENTS:
            raise ValidationError(
                {
                    "files": _("添付ファイルは1件の提案に%(max)s件までです（いま%(count)s件）。")
                    % {"max": MAX_ATTACHMENTS, "count": kept + len(add)}
                }
            )
        for attachment in remove:
            stored = attachment.file
            attachment.delete()
            # The file goes only once the row is surely gone (a rollback keeps both).
            transaction.on_commit(lambda stored=stored: stored.storage.delete(stored.name))
        try:
            return [_save_attachment(proposal=current, upload=upload, user=user) for upload in add]
        except UploadNotStored as error:
            raise ValidationError({"files": error.error_list}) from error


def proposal_transition(
    *, proposal: Proposal, action: str, actor: User, comment: str = "", review_round=None
) -> Proposal:
    """Move a proposal along the workflow table: lock, check, change, log, notify.

    Decisions pass `review_round`: only the publication of that round may make them.
    """
    return workflow.PROPOSAL_WORKFLOW.perform(
        proposal,
        action=action,
        actor=actor,
        comment=comment,
        on_change=_apply_move,
        review_round=review_round,
    )


RECEIPT_MARK = "協"  # 協働事業提案: the letter a city's ledger files these under


NOTICE_MARK = "協通"  # the notices (通知) of those proposals, numbered apart from the receipts


def _next_number(sequence_model, year: int, mark: str) -> str:
    sequence, _created = sequence_model.objects.select_for_update().get_or_create(fiscal_year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"{year}-{mark}-{sequence.last_number:04d}"


def next_receipt_number(year: int) -> str:
    """The next 受付番号 of a fiscal year (2026-協-0014); call inside the submitting transaction."""
    return _next_number(ReceiptSequence, year, RECEIPT_MARK)


def next_notice_number(year: int) -> str:
    """The next notice number of a fiscal year (2026-協通-0003); call inside the move's transaction."""
    return _next_number(NoticeSequence, year, NOTICE_MARK)


# What happens next after a move: said in its e-mail, and in its notice as {次の手順}.
NEXT_STEPS = {
    Proposal.Status.SUBMITTED: gettext_lazy(
        "担当課が内容を確かめ（一次審査）、結果をお知らせします。問い合わせの際は受付番号をお伝えください。"
    ),
    Proposal.Status.SCREENING: gettext_lazy(
        "一次審査の結果、公開審査に進むか、修正をお願いするかをお知らせします。"
    ),
    Proposal.Status.OPEN_REVIEW: gettext_lazy(
        "公開審査会の日程は、提案のページと「公開審査」のページでお知らせします。"
    ),
    Proposal.Status.RETURNED: gettext_lazy(
        "理由を読んで提案を直し、提案のページから再提出してください。"
        "わからないことは、担当課または支援室に相談できます。"
    ),
    Proposal.Status.ADOPTED: gettext_lazy(
        "担当課から、協働事業の進め方と協定書（案）についてご連絡します。"
    ),
    Proposal.Status.NOT_ADOPTED: gettext_lazy(
        "審査の結果と理由は、提案のページで見られます。"
        "支援室では、次の提案に向けた相談も受け付けています。"
    ),
}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _issue_notice(proposal: Proposal, change: StatusChange, context) -> Notice | None:
    """Fill the active template of the decision's kind and keep the text as it was issued.

    None when the move is not a decision told by notice, or the city has no template in use.
    """
    if change.to_status not in NoticeKind.values:
        return None
    template = NoticeTemplate.objects.filter(kind=change.to_status, is_active=True).first()
    if template is None:
        return None
    day = timezone.localdate(context.now)
    department = (
        proposal.department
        or (proposal.call.department if proposal.call_id else None)
        or context.actor.department
    )
    values = {
        "宛名": proposal.proposer_name,
        "事業名": _one_line(proposal.title),
        "受付番号": proposal.receipt_number or "",
        "提出日": wareki_date(timezone.localdate(proposal.submitted_at))
        if proposal.submitted_at
        else "",
        "理由": change.comment,
        "次の手順": str(NEXT_STEPS[change.to_status]),
        "日付": wareki_date(day),
        "担当課": department.name if department else "",
        "URL": settings.SITE_URL.rstrip("/") + proposal.get_absolute_url(),
    }
    return Notice.objects.create(
        proposal=proposal,
        status_change=change,
        template=template,
        kind=change.to_status,
        number=next_notice_number(fiscal_year(context.now)),
        notice_date=day,
        addressee=values["宛名"],
        sender=template.sender,
        # A subject is one line, whatever the title holds (e-mail headers, the printed 件名).
        subject=_one_line(fill_placeholders(template.subject, values)),
        body=fill_placeholders(template.body, values),
    )


def _apply_move(proposal: Proposal, change: StatusChange, transition, context) -> None:
    updates = {"status": transition.target, "updated_at": context.now}
    if transition.target == Proposal.Status.SUBMITTED and proposal.submitted_at is None:
        updates["submitted_at"] = context.now
        updates["receipt_number"] = next_receipt_number(fiscal_year(context.now))
    Proposal.objects.filter(pk=proposal.pk).update(**updates)
    proposal.refresh_from_db()
    if transition.target == Proposal.Status.SUBMITTED:
        # Every submission is kept as it was, so a resubmission can be compared with it.
        ProposalVersion.objects.create(
            proposal=proposal,
            number=proposal.versions.count() + 1,
            submitted_at=context.now,
            snapshot=snapshot_of(proposal),
        )
    notice = _issue_notice(proposal, change, context)
    _notify_transition(proposal, change, transition, notice)


def _notify_transition(
    proposal: Proposal,
    change: StatusChange,
    transition: workflow.Transition,
    notice: Notice | None = None,
) -> None:
    url = reverse("proposals:proposal_detail", args=[proposal.pk])
    status = proposal.get_status_display()
    message = _("「%(title)s」が「%(status)s」になりました。") % {
        "title": proposal.title,
        "status": status,
    }
    next_steps = str(NEXT_STEPS.get(proposal.status, ""))
    context = {"proposal": proposal, "change": change, "status": status, "next_steps": next_steps}
    if notice is not None:
        # The notice is the mail: its frozen text, then what happens next (unless the city's
        # wording already says it) and the links to the page and to the printable notice.
        notify(
            proposer_side(proposal),
            message=message,
            url=url,
            email_template="proposals/email/notice",
            context={
                **context,
                "notice": notice,
                "notice_date": wareki_date(notice.notice_date),
                "next_steps_in_body": bool(next_steps) and next_steps in notice.body,
                "pdf_url": notice.get_absolute_url(),
            },
        )
        return
    if workflow.PROPOSER in transition.actors:
        # The proposer moved it: the city side hears of it.
        notify(
            city_side(proposal),
            message=message,
            url=url,
            email_template="proposals/email/status_changed",
            context=context,
        )
        notify(
            [change.actor],
            message=message,
            url=url,
            email_template="proposals/email/status_changed",
            context=context,
        )
    else:
        notify(
            proposer_side(proposal),
            message=message,
            url=url,
            email_template="proposals/email/status_changed",
            context=context,
        )


def proposal_assign_department(*, proposal: Proposal, actor: User, department) -> Proposal:
    """Assign the department that screens and consults on a proposal (the office or a coordinator)."""
    require(actor, "proposals.assign_department", proposal)
    with transaction.atomic():
        Proposal.objects.filter(pk=proposal.pk).update(
            department=department, updated_at=timezone.now()
        )
        proposal.refresh_from_db()
        notify(
            list(User.objects.filter(is_active=True, is_city_staff=True, department=department)),
            message=_("「%(title)s」の担当課になりました。") % {"title": proposal.title},
            url=reverse("proposals:proposal_detail", args=[proposal.pk]),
            email_template="proposals/email/assigned",
            context={"proposal": proposal, "department": department},
        )
    return proposal


def consultation_post(*, proposal: Proposal, author: User, body: str) -> ConsultationMessage:
    """Add a message to the private consultation thread and tell the other participants."""
    require(author, "proposals.post_consultation", proposal)
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("メッセージを入力してください。")})
    with transaction.atomic():
        message = ConsultationMessage.objects.create(proposal=proposal, author=author, body=body)
        participants = set(proposer_side(proposal)) | set(city_side(proposal))
        notify(
            [p for p in participants if p.pk != author.pk],
            message=_("「%(title)s」の事前相談に新しいメッセージがあります。")
            % {"title": proposal.title},
            url=reverse("proposals:proposal_detail", args=[proposal.pk]) + "#consultation",
            email_template="proposals/email/consultation_message",
            context={"proposal": proposal, "consultation": message},
        )
    return message
