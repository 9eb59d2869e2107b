"""Actions on surveys: the office writes and moves them; people answer once; the office
chooses what of the results is published."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kunitachi_kyodo.values import save_values
from organizations.models import Organization, User
from organizations.permissions import require

from .models import Answer, Choice, Question, Response, Survey
from .permissions import editable_verified_organizations
from .workflow import SURVEY_WORKFLOW

MAX_QUESTIONS = 40
MAX_CHOICES = 20


@dataclass(frozen=True)
class SurveyValues:
    title: str
    description: str
    audience: str
    closes_on: datetime.date | None = None


@dataclass(frozen=True)
class QuestionValues:
    kind: str
    text: str
    required: bool = True
    choices: tuple[str, ...] = ()  # the options of a single or multiple choice, in order


def survey_save(*, user: User, values: SurveyValues, survey: Survey | None = None) -> Survey:
    """Create a survey or edit one; who answers is fixed once answers are taken."""
    require(user, "surveys.manage_survey")
    with transaction.atomic():
        if survey is None:
            survey = Survey(created_by=user)
        else:
            survey = Survey.objects.select_for_update().get(pk=survey.pk)
            if survey.status == Survey.Status.PUBLISHED:
                raise ValidationError(_("結果を公開した調査は変えられません。"))
            if survey.status != Survey.Status.DRAFT and values.audience != survey.audience:
                raise ValidationError(
                    {"audience": _("回答の受付を始めた調査の回答者は変えられません。")}
                )
        save_values(survey, values)
    return survey


def _draft(survey: Survey) -> Survey:
    locked = Survey.objects.select_for_update().get(pk=survey.pk)
    if locked.status != Survey.Status.DRAFT:
        raise ValidationError(_("質問を変えられるのは、回答の受付を始める前だけです。"))
    return locked


def question_add(*, user: User, survey: Survey, values: QuestionValues) -> Question:
    require(user, "surveys.manage_survey")
    labels = [label.strip() for label in values.choices if label.strip()]
    kinds_with_choices = (Question.Kind.SINGLE, Question.Kind.MULTIPLE)
    if values.kind in kinds_with_choices and len(labels) < 2:
        raise ValidationError({"choices": _("選択肢を2つ以上、1行に1つずつ書いてください。")})
    if len(labels) > MAX_CHOICES:
        raise ValidationError({"choices": _("選択肢は%(max)d個までです。") % {"max": MAX_CHOICES}})
    if len(set(labels)) != len(labels):
        raise ValidationError({"choices": _("同じ選択肢が2回書かれています。")})
    with transaction.atomic():
        survey = _draft(survey)
        count = survey.questions.count()
        if count >= MAX_QUESTIONS:
            raise ValidationError(_("質問は%(max)d問までです。") % {"max": MAX_QUESTIONS})
        question = Question(
            survey=survey,
            order=count + 1,
            kind=values.kind,
            text=values.text,
            required=values.required,
        )
        question.full_clean()
        question.save()
        if values.kind in kinds_with_choices:
            Choice.objects.bulk_create(
                Choice(question=question, order=index, label=label)
                for index, label in enumerate(labels, start=1)
            )
    return question


def question_delete(*, user: User, question: Question) -> None:
    require(user, "surveys.manage_survey")
    with transaction.atomic():
        survey = _draft(question.survey)
        question.delete()
        # The numbers stay 1, 2, 3… (a question's number is how the page names it).
        for number, remaining in enumerate(survey.questions.order_by("order", "pk"), start=1):
            if remaining.order != number:
                Question.objects.filter(pk=remaining.pk).update(order=number)


def _on_move(survey: Survey, entry, transition, context) -> None:
    updates = {"status": transition.target}
    if transition.action == "open":
        updates["opened_at"] = context.now
    if transition.action == "publish":
        updates["published_at"] = context.now
    Survey.objects.filter(pk=survey.pk).update(**updates)


def survey_move(*, user: User, survey: Survey, action: str) -> Survey:
    """Open, close or publish (the workflow table says who and from where)."""
    return SURVEY_WORKFLOW.perform(survey, action=action, actor=user, on_change=_on_move)


# The value of one answer, as the answer form cleans it: a choice pk, a list of choice pks,
# a 1–5 number, or a text ("" / [] / None: not answered).
AnswerValue = int | list[int] | str | None


def response_submit(
    *,
    user: User,
    survey: Survey,
    answers: dict[int, AnswerValue],
    organization: Organization | None = None,
) -> Response:
    """Record one respondent's answers, all or nothing; a second answer is refused."""
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        require(user, "surveys.answer_survey", survey)
        if survey.audience == Survey.Audience.ORGANIZATIONS:
            if organization is None or organization not in editable_verified_organizations(user):
                raise PermissionDenied(
                    _(
                        "回答する団体を、あなたが代表者または編集者である確認済みの団体から選んでください。"
                    )
                )
        else:
            organization = None
        if already_answered(user, survey, organization):
            raise ValidationError(_("この調査には、すでに回答しています。回答は1回だけです。"))
        questions = list(survey.questions.prefetch_related("choices"))
        problems = _problems(questions, answers)
        if problems:
            raise ValidationError(problems)
        try:
            with transaction.atomic():
                response = Response.objects.create(
                    survey=survey, respondent=user, organization=organization
                )
        except IntegrityError as error:  # answered at the same moment in another tab
            raise ValidationError(
                _("この調査には、すでに回答しています。回答は1回だけです。")
            ) from error
        for question in questions:
            _save_answer(response, question, answers.get(question.pk))
    return response


def already_answered(user: User, survey: Survey, organization: Organization | None) -> bool:
    if organization is not None:
        return Response.objects.filter(survey=survey, organization=organization).exists()
    return Response.objects.filter(
        survey=survey, respondent=user, organization__isnull=True
    ).exists()


def _is_blank(value: AnswerValue) -> bool:
    return value is None or value == "" or value == []


def _problems(questions: list[Question], answers: dict[int, AnswerValue]) -> dict[str, str]:
    problems = {}
    for question in questions:
        value = answers.get(question.pk)
        field = f"q{question.pk}"
        if _is_blank(value):
            if question.required:
                problems[field] = _("この質問に答えてください。")
            continue
        choice_ids = {choice.pk for choice in question.choices.all()}
        if (
            question.kind == Question.Kind.SINGLE
            and value not in choice_ids
            or question.kind == Question.Kind.MULTIPLE
            and not set(value) <= choice_ids
        ):
            problems[field] = _("選択肢から選んでください。")
        elif question.kind == Question.Kind.SCALE and value not in range(1, 6):
            problems[field] = _("1から5の中から選んでください。")
        elif question.kind == Question.Kind.TEXT and len(str(value)) > 2000:
            problems[field] = _("2,000字以内で書いてください。")
    return problems


def _save_answer(response: Response, question: Question, value: AnswerValue) -> None:
    if _is_blank(value):
        return
    answer = Answer.objects.create(
        response=response,
        question=question,
        scale=value if question.kind == Question.Kind.SCALE else None,
        text=value if question.kind == Question.Kind.TEXT else "",
    )
    if question.kind == Question.Kind.SINGLE:
        answer.choices.set([value])
    elif question.kind == Question.Kind.MULTIPLE:
        answer.choices.set(value)


@dataclass(frozen=True)
class PublicationValues:
    """What of a closed survey's results the public will read."""

    published_questions: tuple[int, ...]  # question pks whose aggregate is published
    selected_answers: tuple[int, ...]  # free-text answer pks the office selected
    results_summary: str = ""


def results_choose(*, user: User, survey: Survey, values: PublicationValues) -> None:
    """Choose the published questions and free-text answers (until the results are out)."""
    require(user, "surveys.manage_survey")
    with transaction.atomic():
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        if survey.status != Survey.Status.CLOSED:
            raise ValidationError(
                _("公開する内容を選べるのは、回答を締め切ってから結果を公開するまでです。")
            )
        questions = survey.questions.all()
        questions.update(result_is_published=False)
        questions.filter(pk__in=values.published_questions).update(result_is_published=True)
        texts = Answer.objects.filter(
            response__survey=survey, question__kind=Question.Kind.TEXT
        ).exclude(text="")
        texts.update(text_is_selected=False)
        texts.filter(pk__in=values.selected_answers).update(text_is_selected=True)
        Survey.objects.filter(pk=survey.pk).update(results_summary=values.results_summary)
    survey.refresh_from_db()
