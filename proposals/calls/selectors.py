"""Page-level reads of calls (事業の提示)."""

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.utils import timezone

from organizations.models import User
from proposals.calls.models import (
    Call,
    CallAttachment,
    CallBriefing,
    CallQuestion,
    CallQuestionStatusChange,
)
from proposals.guideline.models import ProjectForm


def visible_calls(user: User) -> QuerySet[Call]:
    """Public calls for everyone, drafts too for city staff, with their department."""
    calls = (
        Call.objects.all() if user.has_perm("proposals.view_call_draft") else Call.objects.public()
    )
    return calls.select_related("department")


def public_calls_by_phase(now=None) -> QuerySet[Call]:
    """Public calls for the list: open first (nearest deadline first), then upcoming, then ended."""
    now = now or timezone.now()
    return (
        Call.objects.public()
        .for_listing()
        .prefetch_related("forms__parent")
        .annotate(
            phase_order=Case(
                When(status=Call.Status.PUBLISHED, opens_at__lte=now, closes_at__gt=now, then=0),
                When(status=Call.Status.PUBLISHED, opens_at__gt=now, then=1),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("phase_order", "closes_at", "pk")
    )


def forms_of(call: Call) -> QuerySet[ProjectForm]:
    """The forms of collaboration a call names, with their parent form (the call's page)."""
    return call.forms.select_related("parent")


def attachments_of(call_pk: int) -> QuerySet[CallAttachment]:
    """A call's attachments with the call, whose visibility decides who may download them."""
    return CallAttachment.objects.select_related("call").filter(call_id=call_pk)


def latest_published_calls(*, department_id: int | None, limit: int) -> QuerySet[Call]:
    """The most recently published public calls, newest first (the Atom feeds)."""
    calls = Call.objects.public().filter(published_at__isnull=False)
    if department_id is not None:
        calls = calls.filter(department_id=department_id)
    return calls.select_related("department").order_by("-published_at", "-pk")[:limit]


def public_dates_of_calls(since) -> tuple[QuerySet[Call], QuerySet[CallBriefing]]:
    """Public calls closing since `since`, and their briefings since then (the public calendar)."""
    calls = Call.objects.public()
    return (
        calls.filter(closes_at__gte=since).select_related("department").order_by("closes_at"),
        CallBriefing.objects.filter(call__in=calls, starts_at__gte=since).select_related("call"),
    )


def open_calls_closing_first(limit: int = 3) -> QuerySet[Call]:
    """Calls open now, nearest deadline first, with their department (the front page)."""
    return Call.objects.open_now().select_related("department").order_by("closes_at")[:limit]


def open_call(pk) -> Call | None:
    """The call with this pk if it is open now, else None (a new proposal answering it)."""
    return Call.objects.open_now().filter(pk=pk).first()


def every_call() -> QuerySet[Call]:
    """Every call, drafts included, newest first, with its department (city staff's list)."""
    return Call.objects.select_related("department").order_by("-created_at", "-pk")


def briefings_of(call: Call) -> QuerySet[CallBriefing]:
    """A call's briefing sessions (説明会), earliest first."""
    return CallBriefing.objects.filter(call=call).order_by("starts_at", "pk")


def public_questions_of(call: Call) -> QuerySet[CallQuestion]:
    """The answered questions of a call, as the public reads them: never who asked."""
    return (
        CallQuestion.objects.public()
        .filter(call=call)
        .only("pk", "call_id", "text", "public_text", "answer", "answered_at", "status")
        .order_by("answered_at", "pk")
    )


def questions_asked_by(call: Call, user: User) -> QuerySet[CallQuestion]:
    """What `user` asked about `call`, in every state (only the asker sees the waiting ones)."""
    if not user.is_authenticated:
        return CallQuestion.objects.none()
    return CallQuestion.objects.filter(call=call, asked_by=user).order_by("-asked_at", "-pk")


def questions_to_answer(user: User) -> QuerySet[CallQuestion]:
    """The questions `user` answers (the staff's list), oldest waiting first, with the hide reason."""
    hidden = CallQuestionStatusChange.objects.filter(action="hide").order_by("-created_at")
    return (
        CallQuestion.objects.answerable_by(user)
        .select_related("call__department")
        .prefetch_related(Prefetch("status_changes", queryset=hidden, to_attr="hidings"))
        .order_by("asked_at", "pk")
    )
