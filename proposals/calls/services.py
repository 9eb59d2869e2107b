"""Actions on calls (事業の提示): save, publish, close; briefings; questions and answers."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from kunitachi_kyodo.concurrency import lock_for_edit
from kunitachi_kyodo.notifications.services import notify
from kunitachi_kyodo.uploads import store_upload
from kunitachi_kyodo.values import save_values
from organizations.models import Department, User
from organizations.permissions import require
from proposals.calls.models import Call, CallAttachment, CallBriefing, CallQuestion
from proposals.calls.workflow import CALL_WORKFLOW, QUESTION_WORKFLOW
from proposals.guideline.models import CriterionSet, ProjectForm


@dataclass(frozen=True)
class CallValues:
    """What the department writes in a call (事業の提示); the status moves only by the workflow."""

    title: str
    department: Department
    background: str
    expected_outcome: str
    eligibility: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    contact: str
    criterion_set: CriterionSet
    forms: tuple[ProjectForm, ...] = ()
    budget_cap: int | None = None
    exclusions: str = ""
    requires_consultation: bool = False
    review_criteria: str = ""


def call_save(
    *,
    user: User,
    values: CallValues,
    call: Call | None = None,
    lock_version: int | None = None,
    upload=None,
) -> Call:
    """Create a call, or edit `call`, with a file to publish alongside it (募集要項, 様式).

    An edit is refused if someone saved the call since `lock_version` was read.
    """
    with transaction.atomic():
        if call is None:
            require(user, "proposals.create_call")
            call = Call(created_by=user)
        else:
            # The stored call, not the caller's copy (a bound form has already changed that).
            call = lock_for_edit(call, lock_version=lock_version)
            require(user, "proposals.edit_call", call)
        # And the department the call will belong to: staff present calls for their own only.
        require(user, "proposals.edit_call", Call(department=values.department))
        save_values(call, values)
        if upload is not None:
            store_upload(CallAttachment(call=call), upload, user=user)
    return call


def call_publish(*, call: Call, user: User) -> Call:
    """Publish a draft call (the move is on the public timeline of its proposals)."""
    return CALL_WORKFLOW.perform(call, action="publish", actor=user, on_change=_apply_move)


def call_close(*, call: Call, user: User) -> Call:
    return CALL_WORKFLOW.perform(call, action="close", actor=user, on_change=_apply_move)


def _apply_move(call: Call, change, transition, context) -> None:
    updates = {"status": transition.target, "updated_at": context.now}
    if transition.action == "publish":
        updates["published_at"] = context.now
    Call.objects.filter(pk=call.pk).update(**updates)
    call.refresh_from_db()


# --- Briefings (説明会) ------------------------------------------------------------------


@dataclass(frozen=True)
class BriefingValues:
    """A briefing session on a call: when, where, how to join online, how many may come."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str
    online_url: str = ""
    capacity: str = ""
    note: str = ""


def briefing_save(
    *, call: Call, values: BriefingValues, user: User, briefing: CallBriefing | None = None
) -> CallBriefing:
    """Add a briefing session to `call`, or edit `briefing` (whoever may edit the call)."""
    with transaction.atomic():
        require(user, "proposals.edit_call", call)
        if briefing is not None and briefing.call_id != call.pk:
            raise PermissionDenied
        return save_values(briefing or CallBriefing(), values, call=call)


def briefing_delete(*, briefing: CallBriefing, user: User) -> None:
    """Take a briefing session off its call (one added by mistake, or not held after all)."""
    with transaction.atomic():
        require(user, "proposals.edit_call", briefing.call)
        briefing.delete()


# --- Questions and answers (質問と回答) ---------------------------------------------------


@dataclass(frozen=True)
class QuestionValues:
    """What someone asks about a call (kept as asked; private until answered)."""

    text: str


@dataclass(frozen=True)
class AnswerValues:
    """The city side's answer, and the question's wording for publication ("" = as asked)."""

    answer: str
    public_text: str = ""


def question_ask(*, call: Call, user: User, values: QuestionValues) -> CallQuestion:
    """Ask about an open call; the call's department hears of it."""
    require(user, "proposals.ask_question")
    with transaction.atomic():
        if not call.is_open():
            raise ValidationError(
                {
                    "text": _(
                        "この募集は、いま質問を受け付けていません（質問は募集期間中に受け付けます）。"
                    )
                }
            )
        question = save_values(
            CallQuestion(call=call, asked_by=user), QuestionValues(text=values.text.strip())
        )
        notify(
            User.objects.filter(
                is_active=True, is_city_staff=True, department_id=call.department_id
            ),
            message=_("「%(title)s」に質問が届きました。") % {"title": call.title},
            url=reverse("calls:question_answer", args=[question.pk]),
            email_template="calls/email/question_asked",
            context={"call": call, "question": question},
        )
    return question


def question_answer(*, question: CallQuestion, user: User, values: AnswerValues) -> CallQuestion:
    """Answer a waiting question: it is published on the call's page, and the asker is told."""
    require(user, "proposals.answer_question", question)
    values = AnswerValues(answer=values.answer.strip(), public_text=values.public_text.strip())
    if not values.answer:
        raise ValidationError({"answer": _("回答を入力してください。")})

    def apply(locked: CallQuestion, change, transition, context) -> None:
        save_values(locked, values, answered_at=context.now, answered_by=user)
        _tell_asker(
            locked,
            _("「%(title)s」へのご質問に回答しました。") % {"title": locked.call.title},
            "calls/email/question_answered",
        )

    return QUESTION_WORKFLOW.perform(question, action="answer", actor=user, on_change=apply)


def question_hide(*, question: CallQuestion, user: User, reason: str) -> CallQuestion:
    """Keep a question off the public page, with the reason (the asker is told it)."""

    def apply(locked: CallQuestion, change, transition, context) -> None:
        CallQuestion.objects.filter(pk=locked.pk).update(status=transition.target)
        _tell_asker(
            locked,
            _("「%(title)s」へのご質問は、公開しないことになりました。")
            % {"title": locked.call.title},
            "calls/email/question_hidden",
            reason=change.comment,
        )

    return QUESTION_WORKFLOW.perform(
        question, action="hide", actor=user, comment=reason, on_change=apply
    )


def _tell_asker(question: CallQuestion, message: str, template: str, **context) -> None:
    notify(
        [question.asked_by],
        message=message,
        url=f"{question.call.get_absolute_url()}#questions",
        email_template=template,
        context={"call": question.call, "question": question, **context},
    )
