"""The proposal form in steps (概要 → 内容 → 役割分担 → 予算 → 添付 → 確認).

About twenty fields on one page were 8.5 phone screens (a finding): each step is one short
page, saved as a draft when the person moves on, so nothing is lost if the phone rings.
The views, the progress indicator and the links from the confirmation page all read this
table, so a field belongs to exactly one step.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Step:
    slug: str
    label: str
    intro: str = ""
    fields: tuple[str, ...] = ()  # the proposal's fields this step asks for
    table: str = ""  # the rows it edits: "roles" (役割分担) or "budget" (収支予算)

    def url(self, proposal) -> str:
        return reverse("proposals:proposal_step", args=[proposal.pk, self.slug])


STEPS: tuple[Step, ...] = (
    Step(
        "summary",
        _("概要"),
        _("提案の種類と、提案する団体、事業名、実施期間を選んでください。"),
        fields=(
            "origin",
            "call",
            "organization",
            "title",
            "desired_form",
            "period_start",
            "period_end",
        ),
    ),
    Step(
        "content",
        _("内容"),
        _("地域の課題と、事業の目標・内容・効果、なぜ市と協働するのかを書いてください。"),
        fields=(
            "local_issue",
            "goal",
            "indicators",
            "content",
            "expected_effect",
            "why_collaboration",
            "public_summary",
            "publish_consent",
        ),
    ),
    Step(
        "roles",
        _("役割分担"),
        _(
            "企画・広報・会場・運営・経費・評価など、作業や段階ごとに、"
            "提案者の役割と市の役割を書いてください。"
        ),
        table="roles",
    ),
    Step(
        "budget",
        _("予算"),
        _(
            "収入と支出を1行ずつ、金額は円で書いてください。収入の合計と支出の合計は"
            "同じにするか、差額の理由を書いてください。"
        ),
        fields=("requested_amount", "budget_difference_note"),
        table="budget",
    ),
    Step(
        "files",
        _("添付"),
        _("事業計画書・収支予算書・規約・役員名簿など、必要なファイルを添えてください。"),
    ),
    Step(
        "confirm",
        pgettext_lazy("the last step of a form", "確認"),
        _("提案の全体を確かめてから、提出してください。"),
    ),
)

FIRST, CONFIRM = STEPS[0], STEPS[-1]
BY_SLUG = {step.slug: step for step in STEPS}


def step_named(slug: str) -> Step | None:
    return BY_SLUG.get(slug)


def step_of_field(name: str) -> Step:
    return next(step for step in STEPS if name in step.fields)


def neighbour(step: Step, offset: int) -> Step:
    """The step before (-1) or after (+1), staying within the form."""
    index = STEPS.index(step) + offset
    return STEPS[min(max(index, 0), len(STEPS) - 1)]


LABELS = {"publish_consent": _("公開への同意"), "role_shares": _("役割分担（1行以上）")}


def missing_by_step(proposal) -> list[tuple[Step, str, str]]:
    """What is still to do before submitting: (step, field name, label), in form order."""
    return [
        (
            BY_SLUG["roles"] if name == "role_shares" else step_of_field(name),
            name,
            LABELS.get(name) or proposal._meta.get_field(name).verbose_name,
        )
        for name in proposal.missing_to_submit()
    ]


# The buttons of a step: each saves the step, then goes on, back, or to the proposal's page.
GO = "go"
GO_NEXT, GO_BACK, GO_STOP = "next", "back", "stop"


def progress(proposal) -> list[tuple[Step, str]]:
    """Every step with its address; before the draft exists, only the first has a page."""
    return [(step, step.url(proposal) if proposal else "") for step in STEPS]
