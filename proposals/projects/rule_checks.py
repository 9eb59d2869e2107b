"""The six rules of collaboration, checked from each project's own records.

The rules are rows (CollaborationRule); each row's `code` names a check here.
A check looks only at what the portal recorded and says met / not yet / not met,
with the evidence a person can verify. A rule row whose code has no check is
shown as "not checked", so a city can add a rule before writing its check.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kunitachi_kyodo.punctuation import join_list
from proposals.guideline.models import CollaborationRule
from proposals.projects.models import (
    Agreement,
    CollaborationProject,
    Evaluation,
    ProjectStatusChange,
)
from proposals.proposals.models import StatusChange
from proposals.review.models import ReviewEntry

MET, NOT_YET, NOT_MET, NOT_CHECKED = "met", "not_yet", "not_met", "not_checked"
STATE_LABELS = {
    MET: gettext_lazy("満たしている"),
    NOT_YET: gettext_lazy("まだ確認できない"),
    NOT_MET: gettext_lazy("満たしていない"),
    NOT_CHECKED: gettext_lazy("自動の確認なし"),
}
# A call open for fewer days than this did not give everyone a fair chance to apply.
MIN_CALL_DAYS = 14

LATER_STAGES = {"reporting", "evaluated", "closed"}


@dataclass
class RuleResult:
    rule: CollaborationRule
    state: str
    evidence: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])


def _agreement(project) -> Agreement | None:
    agreements = sorted(project.agreements.all(), key=lambda a: a.version, reverse=True)
    confirmed = [a for a in agreements if a.is_confirmed]
    return confirmed[0] if confirmed else (agreements[0] if agreements else None)


def _evaluations(project) -> dict[str, Evaluation]:
    return {e.kind: e for e in project.evaluations.all() if e.submitted_at}


def check_equal_opportunity(project) -> tuple[str, list[str]]:
    proposal = project.proposal
    if proposal is None:
        return NOT_MET, [_("公募や提案制度によらず、市が相手方を決めた事業です。")]
    if proposal.call_id:
        call = proposal.call
        days = (call.closes_at - call.opens_at) / timedelta(days=1)
        evidence = [
            _("「%(call)s」として公募：%(days)d日間、締切と審査の基準を示して募集しました。")
            % {"call": call.title, "days": days}
        ]
        # The criteria are the call's criterion set, shown on its page.
        if call.is_public and days >= MIN_CALL_DAYS and call.scoring_set() is not None:
            return MET, evidence
        return NOT_MET, [
            *evidence,
            _("公募の期間が%(days)d日に満たないか、審査の基準が示されていません。")
            % {"days": MIN_CALL_DAYS},
        ]
    reviewed = [e for e in proposal.review_entries.all() if e.round.is_published]
    if reviewed:
        return MET, [
            _("誰でも使える自由提案の制度で提案され、公開審査（%(round)s）を経ました。")
            % {"round": reviewed[0].round.title}
        ]
    return NOT_MET, [_("自由提案ですが、公開審査の記録がありません。")]


def check_equal_footing(project) -> tuple[str, list[str]]:
    agreement = _agreement(project)
    evidence = []
    if agreement and agreement.is_confirmed:
        evidence.append(
            _("協定書（第%(version)s版）を双方が確認：相手方 %(partner)s、担当課 %(dept)s")
            % {
                "version": agreement.version,
                "partner": timezone.localdate(agreement.partner_confirmed_at).isoformat(),
                "dept": timezone.localdate(agreement.department_confirmed_at).isoformat(),
            }
        )
    else:
        return (NOT_MET if project.status != "agreement" else NOT_YET), [
            _("協定書が双方に確認されていません。")
        ]
    evaluations = _evaluations(project)
    wanted = [Evaluation.Kind.SELF_PARTNER, Evaluation.Kind.SELF_DEPARTMENT, Evaluation.Kind.MUTUAL]
    have = [k for k in wanted if k in evaluations]
    evidence += [_("%(kind)sあり") % {"kind": Evaluation.Kind(k).label} for k in have]
    if len(have) == len(wanted):
        return MET, evidence
    return (NOT_MET if project.status in ("evaluated", "closed") else NOT_YET), [
        *evidence,
        _("双方の自己評価と相互評価がそろっていません。"),
    ]


def check_shared_goals(project) -> tuple[str, list[str]]:
    evidence, ok = [], True
    proposal = project.proposal
    if proposal is not None:
        if proposal.local_issue.strip() and proposal.goal.strip():
            evidence.append(_("提案に地域課題と目標が書かれています。"))
        else:
            ok = False
    agreement = _agreement(project)
    indicators = list(agreement.indicators.all()) if agreement else []
    if agreement and agreement.shared_goal.strip() and indicators and agreement.is_confirmed:
        evidence.append(
            _("協定書に共通の目標と%(count)d件の指標（目標値つき）があります。")
            % {"count": len(indicators)}
        )
    else:
        return (NOT_YET if project.status == "agreement" else NOT_MET), [
            *evidence,
            _("確認済みの協定書に、共通の目標と指標がそろっていません。"),
        ]
    return (MET if ok else NOT_MET), evidence


def check_roles(project) -> tuple[str, list[str]]:
    agreement = _agreement(project)
    rows = (
        [r for r in agreement.role_shares.all() if r.partner_role.strip() and r.city_role.strip()]
        if agreement
        else []
    )
    if agreement and agreement.is_confirmed and rows:
        return MET, [
            _("役割分担表に%(count)d行：%(tasks)s")
            % {"count": len(rows), "tasks": join_list(r.task for r in rows)}
        ]
    return (NOT_YET if project.status == "agreement" else NOT_MET), [
        _("確認済みの協定書に役割分担表がありません。")
    ]


def check_disclosure(project) -> tuple[str, list[str]]:
    evidence, missing = [], []
    proposal = project.proposal
    if proposal is not None:
        if any(c.is_public for c in proposal.status_changes.all()):
            evidence.append(_("提案の経過を公開"))
        else:
            missing.append(_("提案の経過が公開されていません。"))
        rounds = [e.round for e in proposal.review_entries.all()]
        if rounds and all(r.is_published for r in rounds):
            evidence.append(_("審査結果を公表"))
        elif rounds:
            missing.append(_("審査結果が公表されていません。"))
    if any(c.is_public for c in project.status_changes.all()):
        evidence.append(_("事業の経過を公開"))
    if project.status in ("evaluated", "closed"):
        unpublished = [
            e for e in project.evaluations.all() if e.submitted_at and not e.published_at
        ]
        if unpublished or not any(e.published_at for e in project.evaluations.all()):
            missing.append(_("評価が公開されていません。"))
        else:
            evidence.append(_("評価を公開"))
    if missing:
        return NOT_MET, evidence + missing
    if project.status in ("evaluated", "closed"):
        return MET, evidence
    return NOT_YET, [*evidence, _("評価の公開はこれからです。")]


def check_evaluation(project) -> tuple[str, list[str]]:
    evaluations = _evaluations(project)
    have = [Evaluation.Kind(k).label for k in Evaluation.Kind.values if k in evaluations]
    evidence = [_("%(kind)sあり") % {"kind": label} for label in have]
    direction = getattr(project, "direction", None)
    if direction is not None:
        evidence.append(_("今後の方向性：%(choice)s") % {"choice": direction.get_choice_display()})
    if len(have) == len(Evaluation.Kind.values) and direction is not None:
        return MET, evidence
    if project.status in ("evaluated", "closed"):
        return NOT_MET, [*evidence, _("評価か方向性の決定が欠けています。")]
    return NOT_YET, evidence or [_("評価は事業の終わりに行います。")]


CHECKS: dict[str, Callable] = {
    "equal-opportunity": check_equal_opportunity,
    "equal-footing": check_equal_footing,
    "shared-goals": check_shared_goals,
    "roles-responsibilities": check_roles,
    "disclosure": check_disclosure,
    "evaluation": check_evaluation,
}


def with_rule_facts(projects):
    """What the checks read, fetched in a fixed number of queries however many projects there are."""
    return projects.select_related("proposal", "proposal__call", "direction").prefetch_related(
        "agreements__indicators",
        "agreements__role_shares",
        "evaluations",
        Prefetch("status_changes", queryset=ProjectStatusChange.objects.all()),
        Prefetch("proposal__status_changes", queryset=StatusChange.objects.all()),
        Prefetch("proposal__review_entries", queryset=ReviewEntry.objects.select_related("round")),
    )


def check_project(project: CollaborationProject, rules=None) -> list[RuleResult]:
    """The six rules (or whatever rules the city keeps) for one project, with evidence."""
    rules = rules if rules is not None else list(CollaborationRule.objects.all())
    results = []
    for rule in rules:
        check = CHECKS.get(rule.code)
        if check is None:
            results.append(RuleResult(rule, NOT_CHECKED, []))
            continue
        state, evidence = check(project)
        results.append(RuleResult(rule, state, evidence))
    return results
