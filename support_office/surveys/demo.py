"""Demo surveys: last year's citizens' survey with its published results, and this year's
survey of organizations taking answers. Idempotent: keyed on the survey's title."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from kunitachi_kyodo.fiscal import fiscal_year
from kunitachi_kyodo.wareki import wareki_fiscal_year

from . import services
from .models import Answer, Question, Response, Survey

OFFICE_EMAIL = "office@example.jp"
RESPONDENTS = 64

CITIZENS_QUESTIONS = (
    services.QuestionValues(
        kind=Question.Kind.SINGLE,
        text="この1年間に、地域活動や市民活動に参加しましたか",
        choices=("よく参加した", "ときどき参加した", "参加しなかった"),
    ),
    services.QuestionValues(
        kind=Question.Kind.MULTIPLE,
        text="関心のある活動の分野（いくつでも）",
        choices=(
            "子ども・子育て",
            "高齢者の支援",
            "防災・防犯",
            "環境・まちの緑",
            "まちづくり",
            "国際交流",
        ),
    ),
    services.QuestionValues(
        kind=Question.Kind.SCALE, text="市とNPO・市民の協働は進んでいると思いますか"
    ),
    services.QuestionValues(
        kind=Question.Kind.SINGLE,
        text="NPO活動支援室を知っていますか",
        choices=("利用したことがある", "知っているが利用したことはない", "知らない", "その他"),
    ),
    services.QuestionValues(
        kind=Question.Kind.TEXT, text="協働について、ご意見をお聞かせください", required=False
    ),
)
# Weights of each option, so the demo's answers look like a real survey's (and some options
# are chosen by fewer than five people, which the results withhold).
WEIGHTS = {1: (18, 30, 52), 4: (14, 45, 38, 3)}
INTERESTS = (0.45, 0.4, 0.35, 0.3, 0.25, 0.05)
SCALE = (6, 14, 30, 36, 14)
COMMENTS = (
    "活動したい気持ちはあるが、平日の夜は難しい。週末の短い活動があると参加しやすい。",
    "支援室の講座で団体の会計を学べて助かった。続けてほしい。",
    "協働事業の成果をもっと分かりやすく知らせてほしい。",
    "子育て中でも参加できる活動の情報がほしい。",
    "担当課によって協働への温度差があると感じる。",
)


def seed(command) -> None:
    office = get_user_model().objects.filter(email=OFFICE_EMAIL).first()
    if office is None:
        return
    year = fiscal_year()
    title = f"市民活動と協働に関する市民意識調査（{wareki_fiscal_year(year - 1)}）"
    if not Survey.objects.filter(title=title).exists():
        _citizens_survey(office, title)
    title = f"市民活動団体の運営に関する調査（{wareki_fiscal_year(year)}）"
    if not Survey.objects.filter(title=title).exists():
        _organizations_survey(office, title)


def _citizens_survey(office, title: str) -> None:
    survey = services.survey_save(
        user=office,
        values=services.SurveyValues(
            title=title,
            description=(
                "市民の皆さんの地域活動・市民活動への参加と、市とNPO等の協働についての考えを"
                "うかがい、支援室の事業と協働の推進に役立てるための調査です。"
            ),
            audience=Survey.Audience.PUBLIC,
        ),
    )
    for values in CITIZENS_QUESTIONS:
        services.question_add(user=office, survey=survey, values=values)
    services.survey_move(user=office, survey=survey, action="open")
    _answers(survey)
    services.survey_move(user=office, survey=survey, action="close")
    text_question = survey.questions.get(kind=Question.Kind.TEXT)
    first_of_each = {}  # the same comment written twice is published once
    for answer in Answer.objects.filter(question=text_question).exclude(text="").order_by("pk"):
        first_of_each.setdefault(answer.text, answer)
    selected = list(first_of_each.values())[:4]
    services.results_choose(
        user=office,
        survey=survey,
        values=services.PublicationValues(
            published_questions=tuple(survey.questions.values_list("pk", flat=True)),
            selected_answers=tuple(a.pk for a in selected),
            results_summary=(
                "回答者の約半数がこの1年間に地域活動や市民活動に参加していました。"
                "関心のある分野は「子ども・子育て」と「高齢者の支援」が多く、"
                "協働が進んでいると思う人（4・5）は約半数でした。"
                "支援室を知らない人が多く、情報発信に力を入れます。"
            ),
        ),
    )
    services.survey_move(user=office, survey=survey, action="publish")
    _date_back(survey)


def _date_back(survey: Survey) -> None:
    """Last fiscal year's survey happened then: opened in October, answered in November,
    closed in December and published in February (the seed made it all just now)."""
    year = fiscal_year() - 1
    moments = {
        "open": datetime.datetime(year, 10, 1, 9, tzinfo=datetime.UTC),
        "close": datetime.datetime(year, 12, 1, 9, tzinfo=datetime.UTC),
        "publish": datetime.datetime(year + 1, 2, 20, 9, tzinfo=datetime.UTC),
    }
    for change in survey.status_changes.all():
        type(change).objects.filter(pk=change.pk).update(created_at=moments[change.action])
    Survey.objects.filter(pk=survey.pk).update(
        opened_at=moments["open"], published_at=moments["publish"]
    )
    survey.responses.update(submitted_at=datetime.datetime(year, 11, 10, 9, tzinfo=datetime.UTC))


def _answers(survey: Survey) -> None:
    """RESPONDENTS answers in bulk (demo accounts that cannot sign in), drawn reproducibly."""
    users = get_user_model()
    draw = random.Random(survey.title)
    people = []
    for number in range(1, RESPONDENTS + 1):
        email = f"survey-respondent-{number:02d}@example.jp"
        person = users.objects.filter(email=email).first()
        if person is None:
            person = users(email=email, full_name=f"回答者 {number}", is_active=False)
            person.set_unusable_password()
            person.save()
        people.append(person)
    responses = Response.objects.bulk_create(
        Response(survey=survey, respondent=person) for person in people
    )
    questions = list(survey.questions.prefetch_related("choices").order_by("order"))
    through = Answer.choices.through
    links = []
    for response in responses:
        for question in questions:
            options = list(question.choices.all())
            if question.kind == Question.Kind.SINGLE:
                picked = draw.choices(options, weights=WEIGHTS[question.order])[:1]
                answer = Answer.objects.create(response=response, question=question)
                links += [through(answer=answer, choice=option) for option in picked]
            elif question.kind == Question.Kind.MULTIPLE:
                picked = [o for o, p in zip(options, INTERESTS, strict=True) if draw.random() < p]
                answer = Answer.objects.create(response=response, question=question)
                links += [through(answer=answer, choice=option) for option in picked]
            elif question.kind == Question.Kind.SCALE:
                value = draw.choices(range(1, 6), weights=SCALE)[0]
                Answer.objects.create(response=response, question=question, scale=value)
            elif draw.random() < 0.2:
                Answer.objects.create(
                    response=response, question=question, text=draw.choice(COMMENTS)
                )
    through.objects.bulk_create(links)


def _organizations_survey(office, title: str) -> None:
    survey = services.survey_save(
        user=office,
        values=services.SurveyValues(
            title=title,
            description=(
                "市内で活動する団体の運営の課題（人材、資金、広報、活動場所）をうかがい、"
                "支援室の講座や相談の内容に生かします。団体の代表者または編集者がご回答ください。"
            ),
            audience=Survey.Audience.ORGANIZATIONS,
            closes_on=timezone.localdate() + datetime.timedelta(days=30),
        ),
    )
    for values in (
        services.QuestionValues(
            kind=Question.Kind.MULTIPLE,
            text="運営で困っていること（いくつでも）",
            choices=("担い手・後継者", "資金", "広報", "活動場所", "事務・会計", "行政との連携"),
        ),
        services.QuestionValues(
            kind=Question.Kind.SINGLE,
            text="団体の活動年数",
            choices=("3年未満", "3〜10年", "10年以上"),
        ),
        services.QuestionValues(
            kind=Question.Kind.SCALE, text="支援室の講座や相談は役に立っている"
        ),
        services.QuestionValues(kind=Question.Kind.TEXT, text="支援室に望むこと", required=False),
    ):
        services.question_add(user=office, survey=survey, values=values)
    services.survey_move(user=office, survey=survey, action="open")
