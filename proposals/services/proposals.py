"""Actions on proposals (事業提案). Each is atomic.

`proposal_transition` is the only writer of a proposal's status.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from organizations.models import Membership, User
from organizations.notifications import notify

from .. import workflow
from ..models import (
    ConsultationMessage,
    Proposal,
    ProposalAttachment,
    StatusChange,
)
from ..uploads import store_upload

STALE_MESSAGE = _(
    "この提案は、あなたが編集を始めた後に別の方が保存しました。"
    "あなたの入力はこの画面に残っています。内容を確かめてから、もう一度保存してください。"
)


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


def _save_attachment(*, proposal: Proposal, upload, user: User) -> ProposalAttachment:
    return store_upload(ProposalAttachment(proposal=proposal), upload, user=user)


def _save_parts(*, proposal: Proposal, formsets, upload, user: User) -> None:
    for formset in formsets:
        formset.instance = proposal
        formset.save()
    if upload is not None:
        _save_attachment(proposal=proposal, upload=upload, user=user)


def proposal_create(*, user: User, form, formsets, upload=None) -> Proposal:
    """Save a new draft proposal with its role-sharing rows, budget lines and a first attachment."""
    if not user.has_perm("proposals.create_proposal"):
        raise PermissionDenied
    with transaction.atomic():
        proposal = form.save(commit=False)
        proposal.proposer = user
        proposal.status = Proposal.Status.DRAFT
        if proposal.call_id and not proposal.department_id:
            proposal.department_id = proposal.call.department_id
        proposal.save()
        _save_parts(proposal=proposal, formsets=formsets, upload=upload, user=user)
    return proposal


def proposal_update(*, user: User, form, formsets, version: int, upload=None) -> Proposal:
    """Save a draft or returned proposal; refuse if someone saved it since `version` was read."""
    proposal = form.instance
    with transaction.atomic():
        current = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if not user.has_perm("proposals.edit_proposal", current):
            raise PermissionDenied
        if current.version != version:
            raise ValidationError(STALE_MESSAGE, code="stale")
        proposal = form.save(commit=False)
        proposal.status = current.status
        proposal.submitted_at = current.submitted_at
        proposal.version = current.version + 1
        proposal.save()
        _save_parts(proposal=proposal, formsets=formsets, upload=upload, user=user)
    return proposal


def attachment_add(*, proposal: Proposal, user: User, upload) -> ProposalAttachment:
    if not user.has_perm("proposals.edit_proposal", proposal):
        raise PermissionDenied
    with transaction.atomic():
        return _save_attachment(proposal=proposal, upload=upload, user=user)


def _check_submission(proposal: Proposal, transition: workflow.Transition, now) -> None:
    problems = []
    if not proposal.publish_consent:
        problems.append(_("公開への同意にチェックを入れてください。"))
    if not proposal.role_shares.exists():
        problems.append(_("役割分担を1行以上書いてください。"))
    if proposal.call_id and transition.action == "submit":
        call = proposal.call
        if not call.is_open(now):
            problems.append(
                _("「%(call)s」の募集期間（%(closes)s 締切）の外のため、提出できません。")
                % {
                    "call": call.title,
                    "closes": timezone.localtime(call.closes_at).strftime("%Y年%m月%d日 %H:%M"),
                }
            )
        if (
            call.requires_consultation
            and not proposal.status_changes.filter(to_status=Proposal.Status.CONSULTATION).exists()
        ):
            problems.append(
                _(
                    "この募集では、提出の前に事前相談が必要です。「事前相談を始める」から相談してください。"
                )
            )
    problems += proposal.budget_problems(submitting=True).values()
    if problems:
        raise ValidationError(problems)


def proposal_transition(
    *, proposal: Proposal, action: str, actor: User, comment: str = ""
) -> Proposal:
    """Move a proposal along the workflow table: lock, check, change, log, notify."""
    now = timezone.now()
    with transaction.atomic():
        proposal = (
            Proposal.objects.select_for_update(of=("self",))
            .select_related("call")
            .get(pk=proposal.pk)
        )
        transition = workflow.transition_for(proposal.status, action)
        if transition is None or not (transition.actors & workflow.roles_of(actor, proposal)):
            raise PermissionDenied
        comment = comment.strip()
        if transition.comment_required and not comment:
            raise ValidationError({"comment": _("理由を入力してください。提案者に伝わります。")})
        if transition.target == Proposal.Status.SUBMITTED:
            _check_submission(proposal, transition, now)
        first_submission = (
            transition.target == Proposal.Status.SUBMITTED and proposal.submitted_at is None
        )
        is_public = (
            transition.is_public
            and (proposal.submitted_at is not None or first_submission)
            and not (action in workflow.PRIVATE_UNTIL_SUBMITTED and proposal.submitted_at is None)
        )
        source = proposal.status
        updates = {"status": transition.target, "updated_at": now}
        if first_submission:
            updates["submitted_at"] = now
        Proposal.objects.filter(pk=proposal.pk).update(**updates)
        proposal.refresh_from_db()
        change = StatusChange.objects.create(
            proposal=proposal,
            actor=actor,
            action=action,
            from_status=source,
            to_status=transition.target,
            comment=comment,
            is_public=is_public,
            comment_is_public=transition.comment_is_public,
        )
        _notify_transition(proposal, change, transition)
    return proposal


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
    """Assign the department that screens and consults on a proposal."""
    if not actor.has_perm("proposals.assign_department"):
        raise PermissionDenied
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
    if not author.has_perm("proposals.post_consultation", proposal):
        raise PermissionDenied
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
