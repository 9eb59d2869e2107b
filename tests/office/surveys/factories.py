"""Surveys made through the office's services, as the office would make them."""

from support_office.surveys import services
from support_office.surveys.models import Question, Survey


def make_survey(office, *, audience=Survey.Audience.PUBLIC, status="open", questions=None):
    """A survey with a single choice, a multiple choice, a 1–5 scale and a free text."""
    survey = services.survey_save(
        user=office,
        values=services.SurveyValues(
            title="市民活動に関する意識調査",
            description="市民活動への参加の実態を知るための調査です。",
            audience=audience,
        ),
    )
    default = (
        services.QuestionValues(
            kind=Question.Kind.SINGLE,
            text="市民活動に参加していますか",
            choices=("はい", "いいえ", "以前はしていた"),
        ),
        services.QuestionValues(
            kind=Question.Kind.MULTIPLE,
            text="関心のある分野",
            choices=("福祉", "防災", "環境", "子育て"),
        ),
        services.QuestionValues(kind=Question.Kind.SCALE, text="協働は進んでいると思う"),
        services.QuestionValues(kind=Question.Kind.TEXT, text="ご意見", required=False),
    )
    for values in default if questions is None else questions:
        services.question_add(user=office, survey=survey, values=values)
    for action in {
        "draft": [],
        "open": ["open"],
        "closed": ["open", "close"],
        "published": ["open", "close", "publish"],
    }[status]:
        services.survey_move(user=office, survey=survey, action=action)
    survey.refresh_from_db()
    return survey


def questions_of(survey):
    single, multiple, scale, text = survey.questions.order_by("order")
    return single, multiple, scale, text


def choice(question, label):
    return question.choices.get(label=label).pk
