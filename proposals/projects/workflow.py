"""The collaboration project's workflow table: (state, action) → who may, where, what people see.

Views (which buttons show), `project_transition` (what is allowed) and the tests
(every move × every persona) all read this table.
"""

from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.workflow import Guard, Transition, Workflow, moves
from organizations.permissions import refusal
from proposals.permissions import is_project_city_party, is_project_partner

from .models import Direction, Evaluation, ProjectStatusChange, Report
from .models import ProjectStatus as P

# Who may act, relative to a project.
PARTNER = "partner"  # a representative or editor of a partner organization
DEPARTMENT = "department"  # staff of the project's department, coordinators and administrators


def _agreement_confirmed(project, context) -> list[str]:
    agreement = project.current_agreement()
    if agreement is None or not agreement.is_confirmed:
        return [gettext_now("協定書が双方に確認されていません。")]
    return []


def _evaluation_complete(project, context) -> list[str]:
    problems = []
    if not project.reports.filter(kind=Report.Kind.FINAL, submitted_at__isnull=False).exists():
        problems.append(gettext_now("完了報告が提出されていません。"))
    done = set(
        project.evaluations.filter(submitted_at__isnull=False).values_list("kind", flat=True)
    )
    for kind, label in Evaluation.Kind.choices:
        if kind not in done:
            problems.append(gettext_now("%(kind)sが提出されていません。") % {"kind": label})
    if not Direction.objects.filter(project=project).exists():
        problems.append(gettext_now("今後の方向性が決まっていません。"))
    return problems


AGREEMENT_CONFIRMED = Guard("agreement_confirmed", _agreement_confirmed)
EVALUATION_COMPLETE = Guard("evaluation_complete", _evaluation_complete)

TRANSITIONS: list[Transition] = [
    # Creation is recorded like a move from nothing, so the timeline starts with it.
    *moves(
        "create",
        [""],
        P.AGREEMENT,
        {DEPARTMENT},
        _("協働事業にする"),
        _("協働事業として登録され、協定の準備が始まりました"),
    ),
    *moves(
        "start",
        [P.AGREEMENT],
        P.ACTIVE,
        {DEPARTMENT},
        _("協定に基づき事業を開始する"),
        _("協定を結び、事業が始まりました"),
        guards=(AGREEMENT_CONFIRMED,),
    ),
    *moves(
        "begin_reporting",
        [P.ACTIVE],
        P.REPORTING,
        {DEPARTMENT, PARTNER},
        _("報告の段階に進める"),
        _("事業の実施を終え、報告の段階に入りました"),
    ),
    *moves(
        "complete_evaluation",
        [P.REPORTING],
        P.EVALUATED,
        {DEPARTMENT},
        _("評価を完了する"),
        _("評価が完了しました"),
        style="success",
        guards=(EVALUATION_COMPLETE,),
        irreversible=_("評価を完了すると、評価と今後の方向性は変更できなくなります。"),
    ),
    *moves(
        "close",
        [P.EVALUATED],
        P.CLOSED,
        {DEPARTMENT},
        _("事業を終了する"),
        _("事業が終了しました"),
        style="secondary",
        irreversible=_("事業を終了すると、協定書・報告・評価はどれも変更できなくなります。"),
    ),
]


PROJECT_WORKFLOW = Workflow(
    name="project",
    transitions=TRANSITIONS,
    roles={DEPARTMENT: is_project_city_party, PARTNER: is_project_partner},
    explain=refusal,
    audit_model=ProjectStatusChange,
    subject_field="project",
    events={
        "publish_evaluation": _("評価が公表されました"),
        "publish_direction": _("今後の方向性が公表されました"),
    },
)

project_transition_for = PROJECT_WORKFLOW.transition_for
project_roles_of = PROJECT_WORKFLOW.roles_of
describe = PROJECT_WORKFLOW.describe


def project_allowed_transitions(user, project) -> list[Transition]:
    return [t for t in PROJECT_WORKFLOW.allowed(user, project) if t.action != "create"]
