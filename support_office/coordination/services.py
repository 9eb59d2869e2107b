"""Writes of the coordination board: post, edit, move, respond, and the daily staleness run."""

import dataclasses
import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kunitachi_kyodo.notifications.services import notify
from kunitachi_kyodo.values import save_values
from organizations.models import Membership
from organizations.permissions import require
from support_office.talent.services import system_actor

from .models import WARNING_DAYS, CoordinationRequest, Response
from .workflow import OUTCOMES, REQUEST_WORKFLOW


@dataclasses.dataclass(frozen=True)
class RequestValues:
    title: str
    kind: str
    poster_kind: str
    description: str
    contact: str
    open_until: datetime.date
    organization: object = None
    fields: tuple = ()
    skills: tuple = ()
    districts: tuple = ()
    availability: tuple = ()


def _check_organization(user, values: RequestValues) -> None:
    organization = values.organization
    if (
        organization is not None
        and not Membership.objects.filter(user=user, organization=organization).exists()
    ):
        raise ValidationError({"organization": _("メンバーである団体だけを選べます。")})


def request_save(
    *, user, values: RequestValues, request: CoordinationRequest | None = None
) -> CoordinationRequest:
    """Create a draft, or change one (the poster while it is a draft; the office any time)."""
    if request is None:
        require(user, "coordination.post_request")
        request = CoordinationRequest(poster=user)
    else:
        require(user, "coordination.edit_request", request)
    _check_organization(request.poster, values)
    if (
        values.open_until < timezone.localdate()
        and request.status != CoordinationRequest.Status.CLOSED
    ):
        raise ValidationError({"open_until": _("募集期限は今日以降の日付にしてください。")})
    with transaction.atomic():
        return save_values(
            request, dataclasses.replace(values, availability=list(values.availability))
        )


def _on_change(obj, entry, transition, context) -> None:
    now = context.now
    changes = {"status": transition.target}
    if transition.action == "publish":
        changes["published_at"] = now
    elif transition.action == "match":
        changes["matched_at"] = now
        changes["matched_response"] = context.extra.get("response")
    if transition.action in OUTCOMES:
        changes.update(
            outcome=OUTCOMES[transition.action], outcome_reason=context.comment, closed_at=now
        )
    if "proposal" in context.extra:
        changes["proposal"] = context.extra["proposal"]
    if "project" in context.extra:
        changes["project"] = context.extra["project"]
    type(obj).objects.filter(pk=obj.pk).update(**changes)


def request_transition(
    *,
    request: CoordinationRequest,
    action: str,
    actor,
    comment: str = "",
    response: Response | None = None,
    proposal=None,
    project=None,
) -> CoordinationRequest:
    """Move a request along its table; a match may name the response, an outcome the
    proposal or project it led to."""
    if action == "expire":
        raise PermissionDenied(_("この操作はできません。"))
    if response is not None and response.request_id != request.pk:
        raise ValidationError({"response": _("この依頼への応答を選んでください。")})
    extra = {}
    if action == "match":
        extra["response"] = response
    if action in OUTCOMES:
        if proposal is not None:
            extra["proposal"] = proposal
        if project is not None:
            extra["project"] = project
    REQUEST_WORKFLOW.perform(
        request, action=action, actor=actor, comment=comment, on_change=_on_change, **extra
    )
    request.refresh_from_db()
    _tell_poster(request, action)
    return request


def _tell_poster(request: CoordinationRequest, action: str) -> None:
    messages = {
        "publish": _("コーディネート依頼が掲示板に公開されました。"),
        "return": _("コーディネート依頼が支援室から戻されました。理由を確かめてください。"),
        "match": _("コーディネート依頼の相手が見つかりました。支援室から連絡します。"),
    }
    if action in messages:
        notify(
            [request.poster],
            message=messages[action],
            url=request.get_absolute_url(),
            email_template="support_office/coordination/email/moved",
            context={"request": request},
        )


def request_respond(*, request: CoordinationRequest, user, message: str, contact: str) -> Response:
    """Answer a request through the portal; the poster and the office are told."""
    require(user, "coordination.respond", request)
    message, contact = (message or "").strip(), (contact or "").strip()
    errors = {}
    if not message:
        errors["message"] = _("メッセージを入力してください。")
    if not contact:
        errors["contact"] = _("連絡先を入力してください。")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            response = Response.objects.create(
                request=request, responder=user, message=message, contact=contact
            )
    except IntegrityError as error:
        raise ValidationError(_("この依頼にはすでに応答しています。")) from error
    notify(
        [request.poster],
        message=_("コーディネート依頼「%(title)s」に応答がありました。") % {"title": request.title},
        url=request.get_absolute_url() + "#responses",
        email_template="support_office/coordination/email/responded",
        context={"request": request},
    )
    return response


def close_stale_requests(*, today: datetime.date) -> tuple[int, int]:
    """The daily run: warn posters of requests about to go stale, close the stale ones.

    Returns (warned, closed). A request is warned once, WARNING_DAYS before its date.
    """
    warned = closed = 0
    published = CoordinationRequest.objects.filter(status=CoordinationRequest.Status.PUBLISHED)
    for request in published.filter(
        open_until__lte=today + datetime.timedelta(days=WARNING_DAYS),
        open_until__gte=today,
        stale_warned_at__isnull=True,
    ).select_related("poster"):
        CoordinationRequest.objects.filter(pk=request.pk).update(stale_warned_at=timezone.now())
        notify(
            [request.poster],
            message=_("コーディネート依頼「%(title)s」はまもなく募集期限です。")
            % {"title": request.title},
            url=request.get_absolute_url(),
            email_template="support_office/coordination/email/stale_warning",
            context={"request": request},
        )
        warned += 1
    actor = None
    for request in published.filter(open_until__lt=today).select_related("poster"):
        actor = actor or system_actor()
        REQUEST_WORKFLOW.perform(
            request,
            action="expire",
            actor=actor,
            comment=_("募集期限が過ぎました。"),
            on_change=_on_change,
            scheduled=True,
        )
        notify(
            [request.poster],
            message=_("コーディネート依頼「%(title)s」は募集期限が過ぎたため終了しました。")
            % {"title": request.title},
            url=request.get_absolute_url(),
            email_template="support_office/coordination/email/stale_closed",
            context={"request": request},
        )
        closed += 1
    return warned, closed
