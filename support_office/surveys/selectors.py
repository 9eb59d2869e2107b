"""Reading surveys: what a person sees, and the published results with small numbers withheld.

A count of 1 to 4 is shown as 「5未満」 so that no one who chose a rare option can be
identified. On a question where each respondent picks exactly one answer (a single choice or
the 5-point scale), the counts add up to the number who answered it, so one withheld count
could be worked out from the others: the smallest other count is withheld as well.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kunitachi_kyodo.charts import BarChart, Withheld, bar_chart
from kunitachi_kyodo.metrics import Metric, Row

from .models import Answer, Choice, Question, Survey

THRESHOLD = 5
SCALE_LABELS = {
    1: gettext_lazy("1 そう思わない"),
    2: gettext_lazy("2 あまりそう思わない"),
    3: gettext_lazy("3 どちらともいえない"),
    4: gettext_lazy("4 ややそう思う"),
    5: gettext_lazy("5 そう思う"),
}


def visible_surveys(user):
    """The surveys `user` may open: the office sees every one, others the public ones."""
    if user.has_perm("surveys.manage_survey"):
        return Survey.objects.all()
    return Survey.objects.public()


def withhold(counts: list[int], *, adds_up: bool) -> list[int | Withheld]:
    """The counts as published: 1–4 withheld; and, where they add up to a known total, the
    smallest other count too when only one would be withheld."""
    fewer = Withheld(_("%(threshold)d未満") % {"threshold": THRESHOLD})
    hidden = {i for i, n in enumerate(counts) if 0 < n < THRESHOLD}
    if adds_up and len(hidden) == 1:
        others = [(n, i) for i, n in enumerate(counts) if i not in hidden and n > 0]
        if others:
            hidden.add(min(others)[1])
    secondary = Withheld(_("非公開"))
    return [
        (fewer if 0 < n < THRESHOLD else secondary) if i in hidden else n
        for i, n in enumerate(counts)
    ]


@dataclass(frozen=True)
class QuestionResult:
    number: int
    question: Question
    answered: int  # how many answered this question
    chart: BarChart | None  # choices and scale questions
    cells: tuple[tuple[str, int | Withheld], ...]  # each option and its published count
    has_secondary: bool  # a count is withheld only so a small one cannot be worked out
    mean: Decimal | None  # the scale's average, when enough answered to show it
    texts: tuple[str, ...]  # the free-text answers the office selected


@dataclass(frozen=True)
class Results:
    survey: Survey
    respondents: int
    questions: tuple[QuestionResult, ...]


def results(survey: Survey, *, only_published: bool = True) -> Results:
    """The aggregate results, in five queries whatever the number of answers.

    `only_published=False` is the office's preview: every question and no text selected
    away, but small counts still withheld, as the public will see them.
    """
    questions = survey.questions.all()
    if only_published:
        questions = questions.filter(result_is_published=True)
    choices = Choice.objects.annotate(count=Count("answers")).order_by("order", "pk")
    questions = list(
        questions.annotate(answered=Count("answers")).prefetch_related(
            Prefetch("choices", queryset=choices)
        )
    )
    scale_counts = Counter(
        {
            (row["question"], row["scale"]): row["n"]
            for row in Answer.objects.filter(
                question__in=[q for q in questions if q.kind == Question.Kind.SCALE],
                scale__isnull=False,
            )
            .values("question", "scale")
            .annotate(n=Count("pk"))
            .order_by()
        }
    )
    texts = Answer.objects.filter(
        question__in=[q for q in questions if q.kind == Question.Kind.TEXT]
    ).exclude(text="")
    if only_published:
        texts = texts.filter(text_is_selected=True)
    texts_of: dict[int, list[str]] = {}
    for question_id, text in texts.order_by("pk").values_list("question", "text"):
        texts_of.setdefault(question_id, []).append(text)

    shown = []
    for question in questions:
        labels, counts = _cells(question, scale_counts)
        chart, secondary, mean, cells = None, False, None, ()
        if labels:
            adds_up = question.kind != Question.Kind.MULTIPLE
            values = withhold(counts, adds_up=adds_up)
            secondary = any(
                isinstance(v, Withheld) and not 0 < n < THRESHOLD
                for v, n in zip(values, counts, strict=True)
            )
            rows = [
                Row(key=i, label=str(label), values=(value,))
                for i, (label, value) in enumerate(zip(labels, values, strict=True))
            ]
            chart = bar_chart(_metric(question), rows)
            cells = tuple((str(label), value) for label, value in zip(labels, values, strict=True))
        if question.kind == Question.Kind.SCALE and question.answered >= THRESHOLD:
            total = sum(value * counts[value - 1] for value in SCALE_LABELS)
            mean = (Decimal(total) / question.answered).quantize(
                Decimal("0.1"), rounding=ROUND_HALF_UP
            )
        shown.append(
            QuestionResult(
                number=question.order,
                question=question,
                answered=question.answered,
                chart=chart,
                cells=cells,
                has_secondary=secondary,
                mean=mean,
                texts=tuple(texts_of.get(question.pk, ())),
            )
        )
    return Results(survey=survey, respondents=survey.responses.count(), questions=tuple(shown))


def _cells(question: Question, scale_counts: Counter) -> tuple[list, list[int]]:
    if question.kind == Question.Kind.SCALE:
        return list(SCALE_LABELS.values()), [
            scale_counts[(question.pk, value)] for value in SCALE_LABELS
        ]
    if question.has_choices:
        options = list(question.choices.all())
        return [c.label for c in options], [c.count for c in options]
    return [], []


# What a question's chart counts, by (answered by organizations, several options allowed).
DEFINITIONS = {
    (False, False): gettext_lazy(
        "この質問に答えた人のうち、それぞれを選んだ人の数です。"
        "1〜4の数は、回答した人が分からないよう「5未満」と表示します。"
    ),
    (False, True): gettext_lazy(
        "この質問に答えた人のうち、それぞれを選んだ人の数です。"
        "いくつでも選べる質問なので、合計は回答者数より多くなります。"
        "1〜4の数は、回答した人が分からないよう「5未満」と表示します。"
    ),
    (True, False): gettext_lazy(
        "この質問に答えた団体のうち、それぞれを選んだ団体の数です。"
        "1〜4の数は、回答した団体が分からないよう「5未満」と表示します。"
    ),
    (True, True): gettext_lazy(
        "この質問に答えた団体のうち、それぞれを選んだ団体の数です。"
        "いくつでも選べる質問なので、合計は回答した団体の数より多くなります。"
        "1〜4の数は、回答した団体が分からないよう「5未満」と表示します。"
    ),
}


def _metric(question: Question) -> Metric:
    """A question's chart is drawn as a metric of its own (not registered: it counts answers
    of one survey), so it looks and reads like every other chart of the portal."""
    organizations = question.survey.audience == Survey.Audience.ORGANIZATIONS
    several = question.kind == Question.Kind.MULTIPLE
    counted = DEFINITIONS[(organizations, several)]
    return Metric(
        slug=f"question-{question.order}",
        title=_("問%(number)d %(text)s") % {"number": question.order, "text": question.text},
        definition=counted,
        unit=_("団体") if organizations else _("人"),
        by="category",
        series=(_("回答数"),),
        rows=list,
        order=question.order,
    )


def csv_records(result: Results):
    """The published aggregate as rows of the results CSV, withheld as on the page."""
    for item in result.questions:
        for label, value in item.cells:
            count = value.text if isinstance(value, Withheld) else value
            yield [item.number, item.question.text, item.question.get_kind_display(), label, count]
