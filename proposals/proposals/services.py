"""Actions on proposals (事業提案). Each is atomic.

`proposal_transition` is the only writer of a proposal's status.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kunitachi_kyodo.concurrency import lock_for_edit
from kunitachi_kyodo.fiscal import fiscal_year
from kunitachi_kyodo.notifications.services import notify
from kunitachi_kyodo.uploads import store_upload
from kunitachi_kyodo.values import save_rows, save_values
from organizations.models import Membership, Organization, User
from organizations.permissions import is_org_editor, require
from proposals.calls.models import Call
from proposals.guideline.models import ProjectForm
from proposals.proposals import workflow
from proposals.proposals.models import (
    ConsultationMessage,
    Proposal,
    ProposalAttachment,
    ProposalVersion,
    ReceiptSequence,
    StatusChange,
)
from proposals.proposals.selectors import snapshot_of

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
    with transaction.atomic():
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
        return [_save_attachment(proposal=current, upload=upload, user=user) for upload in add]


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


def next_receipt_number(year: int) -> str:
    """The next 受付番号 of a fiscal year (2026-協-0014); call inside the submitting transaction."""
    sequence, _created = ReceiptSequence.objects.select_for_update().get_or_create(fiscal_year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"{year}-{RECEIPT_MARK}-{sequence.last_number:04d}"


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
    _notify_transition(proposal, change, transition)


def _notify_transition(
    proposal: Proposal, change: StatusChange, transition: workflow.Transition
) -> None:
    url = reverse("proposals:proposal_detail", args=[proposal.pk])
    status = proposal.get_status_display()
    message = _("「%(title)s」が「%(status)s」になりました。") % {
        "title": proposal.title,
        "status": status,
    }
    context = {"proposal": proposal, "change": change, "status": status}
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
