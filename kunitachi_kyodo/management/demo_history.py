"""The demo's five past years (seed_demo): proposals, their document review, their projects.

Generated from demo_data's HISTORY_* lists. Each step runs through the services on the day
it would have happened: the clock is moved there (time-machine), so submission dates, audit
rows, receipts and fiscal years agree as they would in a real city. A mixin of seed_demo's
command: it reuses the command's round, agreement, report and evaluation steps.
"""

import datetime
from contextlib import contextmanager

import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError
from django.utils import timezone

from kunitachi_kyodo import demo_data
from kunitachi_kyodo.fiscal import fiscal_year
from kunitachi_kyodo.values import values_of
from kunitachi_kyodo.wareki import wareki_fiscal_year
from organizations.models import Department, Membership, Organization, User
from proposals.guideline.models import CriterionSet, ProjectForm
from proposals.projects import services as project_services
from proposals.projects.models import CollaborationProject
from proposals.projects.services import ProjectValues
from proposals.proposals.models import Proposal
from proposals.proposals.services import (
    BudgetRow,
    ProposalValues,
    RoleRow,
    proposal_assign_department,
    proposal_create,
    proposal_transition,
)
from proposals.review.models import ReviewEntry, ReviewRound


@contextmanager
def on_day(day: datetime.date):
    """Run the services as on `day` at 10:00 in Japan: what they record is dated that day."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    with time_machine.travel(moment, tick=False):
        yield


class HistorySeed:
    def seed_history(
        self,
        departments: dict[str, Department],
        users: dict[str, User],
        organizations: list[Organization],
    ) -> dict[str, list]:
        """Five past years of proposals, their document review and their projects.

        Each step runs on the day it would have happened (the clock is moved there), so
        submission dates, audit rows, receipts and fiscal years agree as in a real city.
        Keyed on titles like the rest: what exists is kept, only what is missing is made.
        """
        made: dict[str, list] = {"proposals": [], "rounds": [], "projects": []}
        current = fiscal_year()
        for years_back, themes in demo_data.HISTORY_YEARS:
            year = current - years_back
            entries = [
                self.history_entry(year, years_back, theme, outcome) for theme, outcome in themes
            ]
            proposals = [
                self.history_proposal(e, departments, users, organizations) for e in entries
            ]
            made["proposals"] += proposals
            review_round = self.history_round(year, entries, proposals, users)
            if review_round is not None:
                made["rounds"].append(review_round)
            for entry in entries:
                if entry["outcome"] == "not_adopted":
                    continue
                project = CollaborationProject.objects.filter(title=entry["title"]).first()
                if (
                    project is None
                    and Proposal.objects.filter(
                        title=entry["title"], status=Proposal.Status.ADOPTED
                    ).exists()
                ):
                    project = self.history_project(entry, users)
                if project is not None:
                    made["projects"].append(project)
        return made

    def history_entry(self, year: int, years_back: int, theme: int, outcome: str) -> dict:
        subject, organization, department, form, activity, outcome_indicator = (
            demo_data.HISTORY_THEMES[theme]
        )
        place = demo_data.HISTORY_PLACES[(3 * years_back + theme) % len(demo_data.HISTORY_PLACES)]
        turn = years_back * 7 + theme
        requested = 300_000 + 60_000 * (turn % 8)
        own = 40_000 + 20_000 * (turn % 5)
        representative = next(
            a["email"]
            for a in demo_data.ACCOUNTS
            if a.get("membership") == (organization, Membership.Role.REPRESENTATIVE)
        )
        return {
            "year": year,
            "turn": turn,
            "title": f"{place}地区の{subject}",
            "place": place,
            "subject": subject,
            "organization": organization,
            "proposer": representative,
            "department": department,
            "form": form,
            "indicators": (activity, outcome_indicator),
            "requested": requested,
            "own": own,
            "outcome": outcome,
        }

    def history_proposal(
        self,
        entry: dict,
        departments: dict[str, Department],
        users: dict[str, User],
        organizations: list[Organization],
    ) -> Proposal:
        existing = Proposal.objects.filter(title=entry["title"]).order_by("pk").first()
        if existing is not None:
            return existing
        year, place, subject = entry["year"], entry["place"], entry["subject"]
        by_name = {org.name: org for org in organizations}
        forms = {f.code: f for f in ProjectForm.objects.all()}
        (activity, unit, target), (outcome, outcome_unit, outcome_target) = entry["indicators"]
        requested, own = entry["requested"], entry["own"]
        values = ProposalValues(
            title=entry["title"],
            local_issue=(
                f"{place}地区では、{subject}に取り組む場が足りず、地域の声を聞くと"
                "「近くにあれば参加したい」という人が多くいます。"
            ),
            goal=f"{place}地区に、{subject}の場を定期的に開き、地域の人が支え合う関係をつくります。",
            indicators=f"{activity} 年間{target}{unit}\n{outcome} {outcome_target}{outcome_unit}",
            content=(
                f"会場：{place}地区の地域集会所など\n4月に準備を始め、5月から翌年2月まで開催します。"
                "3月に1年間の報告会を開きます。"
            ),
            expected_effect=f"{place}地区で、{subject}を通して顔見知りの関係が広がります。",
            why_collaboration=(
                "団体の現場の経験と、市の広報・関係機関とのつながりを合わせることで、"
                "必要な人に情報が届きます。"
            ),
            public_summary=f"{place}地区で、{subject}に地域の団体と市が協働で取り組みます。",
            origin=Proposal.Origin.FREE,
            organization=by_name[entry["organization"]],
            desired_form=forms[entry["form"]],
            period_start=datetime.date(year + 1, 4, 1),
            period_end=datetime.date(year + 2, 3, 31),
            requested_amount=requested,
            publish_consent=True,
            role_shares=(
                RoleRow("運営", "会場の準備と当日の運営を行います。", "会場の確保に協力します。"),
                RoleRow("広報", "チラシとSNSで案内します。", "市報とホームページで紹介します。"),
            ),
            budget_lines=(
                BudgetRow("income", "市からの補助・委託", requested),
                BudgetRow("income", "自己資金・参加費", own),
                BudgetRow("expense", "会場費・材料費", requested + own - 100_000),
                BudgetRow("expense", "講師謝礼", 100_000),
            ),
        )
        office, staff = users[demo_data.OFFICE_EMAIL], users[demo_data.CALLS_CREATED_BY]
        try:
            with on_day(datetime.date(year, 9, 1 + entry["turn"] % 20)):
                proposal = proposal_create(user=users[entry["proposer"]], values=values)
                proposal = proposal_assign_department(
                    proposal=proposal, actor=office, department=departments[entry["department"]]
                )
                proposal = proposal_transition(
                    proposal=proposal, action="submit", actor=users[entry["proposer"]]
                )
            with on_day(datetime.date(year, 10, 25)):
                proposal = proposal_transition(proposal=proposal, action="screen", actor=staff)
        except (PermissionDenied, ValidationError) as error:
            raise CommandError(f"「{entry['title']}」を作れませんでした: {error}") from error
        return proposal

    def history_round(
        self, year: int, entries: list[dict], proposals: list[Proposal], users: dict[str, User]
    ) -> ReviewRound | None:
        """The year's document review (書類審査), scored by both reviewers and published in December."""
        title = f"{wareki_fiscal_year(year)} 協働事業提案 書類審査"
        existing = ReviewRound.objects.filter(title=title).order_by("pk").first()
        if existing is not None:
            return existing
        if any(p.status != Proposal.Status.SCREENING for p in proposals):
            return None
        criteria = CriterionSet.objects.get(is_default=True).criteria.all()
        reviewers = ("reviewer@example.jp", "onishi@example.jp")
        decisions = {}
        sheets = []
        for entry in entries:
            adopted = entry["outcome"] != "not_adopted"
            decisions[entry["title"]] = (
                (ReviewEntry.Decision.ADOPT, "地域の課題に合い、協働の効果が見込めるため。")
                if adopted
                else (
                    ReviewEntry.Decision.NOT_ADOPT,
                    "事業の計画と予算の根拠がまだ十分ではないため。内容を深めての再提案を期待します。",
                )
            )
            for index, reviewer in enumerate(reviewers):
                score = (5 if (entry["turn"] + index) % 3 else 4) if adopted else 3
                sheets.append(
                    {
                        "proposal": entry["title"],
                        "reviewer": reviewer,
                        "scores": {c.name: (score, "") for c in criteria},
                        "overall_comment": decisions[entry["title"]][1],
                    }
                )
        round_entry = {
            "manager": demo_data.CALLS_CREATED_BY,
            "stage": ReviewRound.Stage.DOCUMENT,
            "reviewers": [(r, "external", demo_data.REVIEWER_TITLES[r]) for r in reviewers],
            "sessions": [],
            "status": ReviewRound.Status.PUBLISHED,
            "sheets": sheets,
            "decisions": decisions,
        }
        try:
            with on_day(datetime.date(year, 12, 10)):
                return self.make_round(round_entry, title, year, proposals, users)
        except (PermissionDenied, ValidationError) as error:
            raise CommandError(f"審査回「{title}」を作れませんでした: {error}") from error

    def history_project(self, entry: dict, users: dict[str, User]) -> CollaborationProject:
        """The adopted proposal's project, moved as far as its outcome, each step on its day."""
        start = entry["year"] + 1
        department, partner = users[demo_data.CALLS_CREATED_BY], users[entry["proposer"]]
        turn, outcome = entry["turn"], entry["outcome"]
        requested, own = entry["requested"], entry["own"]
        indicators = tuple(
            ("activity" if i == 0 else "outcome", name, unit, target)
            for i, (name, unit, target) in enumerate(entry["indicators"])
        )
        try:
            with on_day(datetime.date(start, 3, 10)):
                proposal = Proposal.objects.get(title=entry["title"])
                project = project_services.project_create_from_proposal(
                    proposal=proposal, user=department
                )
                project = project_services.project_update(
                    project=project,
                    user=department,
                    values=values_of(
                        project,
                        ProjectValues,
                        city_share=requested,
                        partner_share=own,
                        funding="commission" if entry["form"] == "commission" else "subsidy",
                        funding_reference=f"国立市協働第{start}-{turn:02d}号",
                        funding_amount=requested,
                    ),
                    lock_version=project.lock_version,
                )
                self.write_agreement(
                    project,
                    {
                        "cost_sharing": (
                            f"甲は{requested:,}円を負担し、乙は参加費と自己資金で{own:,}円を負担する。"
                        ),
                        "risk_and_liability": "事業の実施中の事故については、乙が加入する行事保険により対応する。",
                        "other_terms": "",
                        "indicators": indicators,
                        "role_shares": (),
                    },
                    department,
                )
            if outcome == "agreement":
                return project
            with on_day(datetime.date(start, 3, 25)):
                agreement = project.current_agreement()
                project_services.agreement_confirm(agreement=agreement, user=partner)
                project_services.agreement_confirm(agreement=agreement, user=department)
            with on_day(datetime.date(start, 4, 1)):
                project = project_services.project_transition(
                    project=project, action="start", actor=department
                )
            if outcome == "active":
                return project
            with on_day(datetime.date(start + 1, 2, 20)):
                project = project_services.project_transition(
                    project=project, action="begin_reporting", actor=department
                )
            achieved = demo_data.HISTORY_ACHIEVEMENT
            with on_day(datetime.date(start + 1, 3, 15)):
                self.file_report(
                    project,
                    {
                        "kind": "final",
                        "values": tuple(
                            round(target * achieved[(turn + i) % len(achieved)] / 100)
                            for i, (_kind, _name, _unit, target) in enumerate(indicators)
                        ),
                        "narrative": f"{entry['place']}地区で、予定どおり1年間の事業を行いました。",
                        "public_summary": f"{entry['place']}地区での{entry['subject']}の1年間の報告です。",
                        "expenditure": requested + own,
                    },
                    department,
                    partner,
                )
            if outcome == "reporting":
                return project
            rules = demo_data.HISTORY_RULE_SCORES
            evaluations = {
                "self_partner": {"rules": rules[turn % 4], "goals": ((4, ""), (4, ""))},
                "self_department": {"rules": rules[(turn + 1) % 4], "goals": ((4, ""), (3, ""))},
                "mutual": {
                    "shared_points": "地域の課題と目標を、定期的な打ち合わせで確かめ合えた。",
                    "differences": "参加者を増やす方法について、当初は考えが違った。",
                    "improvements": "若い世代に届く広報を一緒に工夫する。",
                },
                "third_party": {
                    "rules": rules[(turn + 2) % 4],
                    "goals": ((5, ""), (4, "")),
                    "overall_comment": "地域の団体と市が役割を分け合い、着実に成果を上げた。",
                },
            }
            direction = ("continue", "成果が上がっており、翌年度も同じ形で続ける。")
            with on_day(datetime.date(start + 1, 6, 15)):
                self.evaluate(
                    project,
                    {
                        "department": demo_data.CALLS_CREATED_BY,
                        "partner": entry["proposer"],
                        "evaluations": evaluations,
                        "direction": direction,
                        "complete": True,
                    },
                    users,
                )
            if outcome == "closed":
                with on_day(datetime.date(start + 1, 7, 31)):
                    project_services.project_transition(
                        project=project, action="close", actor=department
                    )
            project.refresh_from_db()
            return project
        except (PermissionDenied, ValidationError) as error:
            raise CommandError(
                f"協働事業「{entry['title']}」を作れませんでした: {error}"
            ) from error
