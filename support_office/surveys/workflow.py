"""The survey's workflow table: the office opens a draft for answers, closes it, and
publishes the aggregate results. Opening needs questions that can be answered."""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.workflow import Guard, Transition, Workflow, moves
from organizations.permissions import is_support_staff, refusal

from .models import Question, Survey, SurveyStatusChange

OFFICE = "office"
S = Survey.Status


def _answerable(survey: Survey, context) -> list[str]:
    questions = list(survey.questions.prefetch_related("choices"))
    if not questions:
        return [_("質問を1つ以上作ってください。")]
    return [
        _("「%(question)s」には選択肢を2つ以上作ってください。") % {"question": q.text}
        for q in questions
        if q.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE) and len(q.choices.all()) < 2
    ]


ANSWERABLE = Guard("answerable", _answerable)

TRANSITIONS: list[Transition] = [
    *moves(
        "open",
        [S.DRAFT],
        S.OPEN,
        {OFFICE},
        _("回答の受付を始める"),
        _("回答の受付を始めました"),
        guards=(ANSWERABLE,),
        irreversible=_("受付を始めると、質問と選択肢は変えられなくなります。"),
    ),
    *moves("close", [S.OPEN], S.CLOSED, {OFFICE}, _("回答を締め切る"), style="secondary"),
    *moves(
        "publish",
        [S.CLOSED],
        S.PUBLISHED,
        {OFFICE},
        _("結果を公開する"),
        _("結果を公開しました"),
        irreversible=_(
            "公開すると、選んだ質問の集計と、選んだ自由記述が誰でも見られるようになります。"
        ),
    ),
]

SURVEY_WORKFLOW = Workflow(
    name="survey",
    transitions=TRANSITIONS,
    roles={OFFICE: is_support_staff},
    audit_model=SurveyStatusChange,
    subject_field="survey",
    explain=refusal,
)
