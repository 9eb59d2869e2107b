"""Load deterministic Japanese demo data: `manage.py seed_demo`.

The data lives in `kunitachi_kyodo.demo_data`. Every row is keyed on its
natural key (e-mail for people, name for departments and organizations,
title for calls, proposals, review rounds and projects), so running the command again
puts the demo rows back to their demo values and creates nothing twice. Rows that
people added or renamed are left alone; nothing is deleted. Organizations, calls,
proposals, review rounds and collaboration projects are the exception to "put back":
they have a history (status changes, scores, decisions, notifications), so one that
exists is kept as it is, and only missing ones are created and moved along the workflow
by the same services the portal uses, with the same typed values its forms produce.
Departments and accounts are the administrator's (set in the admin), so they are upserted.
Five past years of proposals, reviews and projects are generated beside the hand-written
entries (kunitachi_kyodo.management.demo_history), each step on the day it would have happened.
"""

import datetime
import unicodedata
from collections import Counter
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from kunitachi_kyodo import demo_data
from kunitachi_kyodo.fiscal import fiscal_year
from kunitachi_kyodo.management.demo_history import HistorySeed
from kunitachi_kyodo.values import save_values, values_of
from kunitachi_kyodo.wareki import wareki_fiscal_year
from organizations.models import (
    ActivityField,
    Department,
    District,
    Membership,
    Organization,
    User,
)
from organizations.services import (
    OrganizationValues,
    invitation_accept,
    membership_invite,
    organization_register,
    organization_reject,
    organization_verify,
)
from proposals.calls import services as call_services
from proposals.calls.models import Call
from proposals.calls.services import CallValues, call_close, call_publish, call_save
from proposals.guideline.models import CollaborationRule, CriterionSet, ProjectForm
from proposals.projects import services as project_services
from proposals.projects.models import CollaborationProject, Evaluation
from proposals.projects.services import ProjectValues
from proposals.proposals.models import Proposal
from proposals.proposals.services import (
    BudgetRow,
    ProposalValues,
    RoleRow,
    consultation_post,
    proposal_assign_department,
    proposal_create,
    proposal_transition,
)
from proposals.review import services as review_services
from proposals.review.models import ReviewEntry, ReviewRound
from support_office.coordination import demo as coordination_demo
from support_office.talent import demo as talent_demo

ROLE_FLAGS = (
    "is_superuser",
    "is_staff",
    "is_city_staff",
    "is_collaboration_coordinator",
    "is_reviewer",
    "is_support_staff",
)
ORGANIZATION_FIELDS = (
    "kind",
    "name",
    "name_kana",
    "representative_name",
    "founded_on",
    "member_count",
    "purpose",
    "activities",
    "address",
    "email",
    "phone",
    "website",
    "is_public",
)
CALL_TEXT_FIELDS = (
    "title",
    "requires_consultation",
    "budget_cap",
    "background",
    "expected_outcome",
    "eligibility",
    "exclusions",
    "review_criteria",
    "contact",
)

PROPOSAL_TEXT_FIELDS = (
    "title",
    "local_issue",
    "goal",
    "indicators",
    "content",
    "expected_effect",
    "why_collaboration",
    "public_summary",
)


def upsert(queryset, lookup: dict, values: dict):
    """Find the oldest row matching lookup (or make one), set values, validate, save.

    Like update_or_create, but tolerates duplicates on a non-unique natural key
    (an organization's name) and validates the row before saving it.
    """
    obj = queryset.filter(**lookup).order_by("pk").first() or queryset.model()
    for name, value in values.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    return obj


class Command(HistorySeed, BaseCommand):
    help = "デモ用のデータ（担当課・アカウント・団体・事業の提示・事業提案・公開審査・協働事業）を登録します。何度実行しても同じ内容になります。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="DEBUG が無効（本番の設定）でも実行します。/ Run even with DEBUG off.",
        )

    def handle(self, *args, **options):
        # The demo accounts share a published password: never create them in production by accident.
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_demo はデモ用です。DEBUG が無効な環境では --force なしに実行できません。"
                " / seed_demo is for demos; with DEBUG off it needs --force."
            )
        with transaction.atomic():
            departments = self.seed_departments()
            users = self.seed_accounts(departments)
            organizations = self.seed_organizations(users)
            self.seed_memberships(users, organizations)
            calls = self.seed_calls(departments, users)
            self.seed_call_materials(calls, users)
            proposals = self.seed_proposals(departments, users, organizations, calls)
            rounds = self.seed_review(users)
            projects = self.seed_projects(users, organizations)
            history = self.seed_history(departments, users, organizations)
        proposals += history["proposals"]
        rounds += history["rounds"]
        projects += history["projects"]
        self.print_summary(organizations, calls, proposals, rounds, projects)
        talent_demo.seed(self)
        coordination_demo.seed(self)

    def seed_departments(self) -> dict[str, Department]:
        return {
            name: upsert(
                Department.objects,
                {"name": name},
                {
                    "name": name,
                    "kana": kana,
                    "email": email,
                    "phone": phone,
                    "order": order,
                    "is_active": True,
                },
            )
            for order, (name, kana, email, phone) in enumerate(demo_data.DEPARTMENTS, start=1)
        }

    def seed_accounts(self, departments: dict[str, Department]) -> dict[str, User]:
        users = {}
        for account in demo_data.ACCOUNTS:
            email = account["email"]
            values = {
                "email": email,
                "full_name": account["full_name"],
                "full_name_kana": account["full_name_kana"],
                "is_active": True,
                "department": departments.get(account.get("department")),
                **{flag: flag in account["flags"] for flag in ROLE_FLAGS},
            }
            user = User.objects.filter(email__iexact=email).order_by("pk").first() or User()
            # The demo's addresses count as confirmed (an administrator made these accounts).
            values["email_confirmed_at"] = user.email_confirmed_at or timezone.now()
            for name, value in values.items():
                setattr(user, name, value)
            user.set_password(demo_data.DEMO_PASSWORD)
            user.full_clean()
            user.save()
            users[email] = user
        return users

    def seed_organizations(self, users: dict[str, User]) -> list[Organization]:
        """Organizations keyed on their name; a missing one is registered and decided as in the portal.

        A group with a demo account registers itself (its representative); the others are
        the office's entries from paper registrations, written as the admin does. The office
        then verifies or returns each one through the same service as its review page.
        """
        fields = {f.number: f for f in ActivityField.objects.all()}
        districts = {d.name: d for d in District.objects.all()}
        office = users[demo_data.OFFICE_EMAIL]
        representatives = {
            account["membership"][0]: users[account["email"]]
            for account in demo_data.ACCOUNTS
            if account.get("membership", ("", ""))[1] == Membership.Role.REPRESENTATIVE
        }
        organizations = []
        for entry in demo_data.ORGANIZATIONS:
            data = {**demo_data.ORGANIZATION_DEFAULTS, **entry}
            existing = Organization.objects.filter(name=data["name"]).order_by("pk").first()
            if existing is not None:
                organizations.append(existing)
                continue
            values = OrganizationValues(
                **{key: data[key] for key in ORGANIZATION_FIELDS},
                fields=tuple(fields[n] for n in data["fields"] if n in fields),
                districts=tuple(districts[n] for n in data["districts"] if n in districts),
            )
            if data["name"] in representatives:
                org = organization_register(user=representatives[data["name"]], values=values)
            else:
                org = save_values(
                    Organization(),
                    values,
                    created_by=users[data["created_by"]],
                    status=Organization.Status.PENDING,
                )
            if data["status"] == Organization.Status.VERIFIED:
                org = organization_verify(organization=org, reviewer=office)
            elif data["status"] == Organization.Status.REJECTED:
                org = organization_reject(
                    organization=org, reviewer=office, reason=data["rejection_reason"]
                )
            organizations.append(org)
        return organizations

    def seed_memberships(self, users: dict[str, User], organizations: list[Organization]) -> None:
        """The other members join by the representative's invitation, as in the portal."""
        by_name = {org.name: org for org in organizations}
        for account in demo_data.ACCOUNTS:
            if "membership" not in account:
                continue
            org_name, role = account["membership"]
            user, organization = users[account["email"]], by_name[org_name]
            if Membership.objects.filter(user=user, organization=organization).exists():
                continue
            representative = (
                Membership.objects.filter(
                    organization=organization, role=Membership.Role.REPRESENTATIVE
                )
                .select_related("user")
                .first()
            )
            invitation = membership_invite(
                organization=organization, inviter=representative.user, email=user.email, role=role
            )
            invitation_accept(invitation=invitation, user=user)

    def seed_calls(self, departments: dict[str, Department], users: dict[str, User]) -> list[Call]:
        """Calls keyed on their title, dated from today so that one is always open.

        A missing one is written, published and closed through the services, today.
        """
        today = timezone.localdate()

        def at(days: int, hour: int) -> datetime.datetime:
            day = today + datetime.timedelta(days=days)
            return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))

        forms = {f.code: f for f in ProjectForm.objects.all()}
        # Every call names the set its round scores with; the call's page shows it.
        criterion_set = CriterionSet.objects.default()
        staff = users[demo_data.CALLS_CREATED_BY]
        calls = []
        for entry in demo_data.CALLS:
            existing = Call.objects.filter(title=entry["title"]).order_by("pk").first()
            if existing is not None:
                calls.append(existing)
                continue
            values = CallValues(
                **{key: entry[key] for key in CALL_TEXT_FIELDS},
                department=departments[entry["department"]],
                opens_at=at(entry["opens"], 9),
                closes_at=at(entry["closes"], 17),
                criterion_set=criterion_set,
                forms=tuple(forms[code] for code in entry["forms"] if code in forms),
            )
            call = call_save(user=staff, values=values)
            if entry["status"] != Call.Status.DRAFT:
                call = call_publish(call=call, user=staff)
            if entry["status"] == Call.Status.CLOSED:
                call = call_close(call=call, user=staff)
            calls.append(call)
        return calls

    def seed_call_materials(self, calls: list[Call], users: dict[str, User]) -> None:
        """Briefings and questions of calls, through the services, for a call that has none yet.

        Questions are asked now, so only an open call takes them (as the portal would).
        """
        today = timezone.localdate()
        by_title = {call.title: call for call in calls}
        for title, materials in demo_data.CALL_MATERIALS.items():
            call = by_title[title]
            staff = users[materials["answered_by"]]
            if not call.briefings.exists():
                for entry in materials["briefings"]:
                    day = today + datetime.timedelta(days=entry["day"])
                    values = call_services.BriefingValues(
                        starts_at=timezone.make_aware(
                            datetime.datetime.combine(day, datetime.time(*entry["starts"]))
                        ),
                        ends_at=timezone.make_aware(
                            datetime.datetime.combine(day, datetime.time(*entry["ends"]))
                        ),
                        place=entry["place"],
                        online_url=entry["online_url"],
                        capacity=entry["capacity"],
                        note=entry["note"],
                    )
                    call_services.briefing_save(call=call, values=values, user=staff)
            if call.questions.exists() or not call.is_open():
                continue
            for entry in materials["questions"]:
                question = call_services.question_ask(
                    call=call,
                    user=users[entry["asker"]],
                    values=call_services.QuestionValues(text=entry["text"]),
                )
                if entry["answer"]:
                    call_services.question_answer(
                        question=question,
                        user=staff,
                        values=call_services.AnswerValues(
                            answer=entry["answer"], public_text=entry["public_text"]
                        ),
                    )

    def seed_proposals(
        self,
        departments: dict[str, Department],
        users: dict[str, User],
        organizations: list[Organization],
        calls: list[Call],
    ) -> list[Proposal]:
        """Proposals keyed on their title; a missing one is created as a draft and moved by its steps."""
        organizations_by_name = {org.name: org for org in organizations}
        calls_by_title = {call.title: call for call in calls}
        forms = {f.code: f for f in ProjectForm.objects.all()}
        year = fiscal_year() + 1

        def day(month_day: tuple[int, int]) -> datetime.date:
            month, day_of_month = month_day
            return datetime.date(year if month >= 4 else year + 1, month, day_of_month)

        proposals = []
        for entry in demo_data.PROPOSALS:
            existing = Proposal.objects.filter(title=entry["title"]).order_by("pk").first()
            if existing is not None:
                proposals.append(existing)
                continue
            call = calls_by_title[entry["call"]] if entry["call"] else None
            organization = entry["organization"]
            department = entry.get("department")
            values = ProposalValues(
                origin=Proposal.Origin.CALL if call else Proposal.Origin.FREE,
                call=call,
                organization=organizations_by_name[organization] if organization else None,
                desired_form=forms[entry["desired_form"]],
                period_start=day(entry["period"][0]),
                period_end=day(entry["period"][1]),
                requested_amount=entry["requested_amount"],
                budget_difference_note=entry.get("budget_difference_note", ""),
                publish_consent=entry.get("publish_consent", True),
                role_shares=tuple(RoleRow(*row) for row in entry["role_shares"]),
                budget_lines=tuple(BudgetRow(*row) for row in entry["budget"]),
                **{key: entry[key] for key in PROPOSAL_TEXT_FIELDS},
            )
            try:
                proposal = proposal_create(user=users[entry["proposer"]], values=values)
                if department and proposal.department != departments[department]:
                    # The office assigns a free proposal's department, as on its page.
                    proposal = proposal_assign_department(
                        proposal=proposal,
                        actor=users[demo_data.OFFICE_EMAIL],
                        department=departments[department],
                    )
            except (PermissionDenied, ValidationError) as error:
                raise CommandError(f"「{entry['title']}」を作れませんでした: {error}") from error
            for action, actor, *text in entry["steps"]:
                text = text[0] if text else ""
                proposal = self.take_step(proposal, action, users[actor], text)
            proposals.append(proposal)
        return proposals

    def take_step(self, proposal: Proposal, action: str, actor: User, text: str) -> Proposal:
        """One step of a demo proposal's history, through the services the portal uses."""
        try:
            if action == "message":
                consultation_post(proposal=proposal, author=actor, body=text)
                return proposal
            if action in ("adopt", "not_adopt"):
                return self.decide_on_papers(proposal, action, actor, text)
            return proposal_transition(proposal=proposal, action=action, actor=actor, comment=text)
        except (PermissionDenied, ValidationError) as error:
            raise CommandError(
                f"「{proposal.title}」の {action}（{actor.email}）ができませんでした: {error}"
            ) from error

    def seed_review(self, users: dict[str, User]) -> list[ReviewRound]:
        """Open review rounds keyed on their title; a missing one is set up by the services.

        A round's proposals must be waiting for its stage and in no other round of it;
        otherwise (they were reviewed in a round since renamed or deleted, or a new
        fiscal year renamed this one) the round is not made again.
        """
        rounds = []
        for entry in demo_data.REVIEW_ROUNDS:
            year = fiscal_year() + entry["fiscal_year"]
            title = entry["title"].format(year=wareki_fiscal_year(year))
            existing = ReviewRound.objects.filter(title=title).order_by("pk").first()
            if existing is not None:
                rounds.append(existing)
                continue
            proposals = [
                Proposal.objects.filter(title=t).order_by("pk").first() for t in entry["entries"]
            ]
            waiting = review_services.STAGE_STATUS[entry["stage"]]
            if any(
                proposal is None
                or proposal.status != waiting
                or ReviewEntry.objects.filter(
                    proposal=proposal, round__stage=entry["stage"]
                ).exists()
                for proposal in proposals
            ):
                self.stderr.write(
                    f"審査回「{title}」は、対象の提案が審査を待っていないため作りませんでした。"
                )
                continue
            try:
                rounds.append(self.make_round(entry, title, year, proposals, users))
            except (PermissionDenied, ValidationError) as error:
                raise CommandError(f"審査回「{title}」を作れませんでした: {error}") from error
        return rounds

    def decide_on_papers(
        self, proposal: Proposal, decision: str, manager: User, reason: str
    ) -> Proposal:
        """A decision without a presentation is a 書類審査 round of its own, published the same way."""
        reviewer = demo_data.DOCUMENT_REVIEWER
        stage = (
            ReviewRound.Stage.OPEN_REVIEW
            if proposal.status == Proposal.Status.OPEN_REVIEW
            else ReviewRound.Stage.DOCUMENT
        )
        users = {u.email: u for u in User.objects.filter(email__in=[manager.email, reviewer])}
        criteria = CriterionSet.objects.get(is_default=True).criteria.all()
        entry = {
            "manager": manager.email,
            "stage": stage,
            "reviewers": [(reviewer, "external", demo_data.REVIEWER_TITLES[reviewer])],
            "sessions": [],
            "status": ReviewRound.Status.PUBLISHED,
            "sheets": [
                {
                    "proposal": proposal.title,
                    "reviewer": reviewer,
                    "scores": {criterion.name: (4, "") for criterion in criteria},
                    "overall_comment": reason,
                }
            ],
            "decisions": {proposal.title: (decision, reason)},
        }
        title = f"「{proposal.title}」の審査"
        self.make_round(entry, title, fiscal_year(proposal.submitted_at), [proposal], users)
        proposal.refresh_from_db()
        return proposal

    def make_round(
        self,
        entry: dict,
        title: str,
        year: int,
        proposals: list[Proposal],
        users: dict[str, User],
    ) -> ReviewRound:
        """Set up a round, then score, decide and publish as far as its status, as in the portal."""
        manager = users[entry["manager"]]
        criterion_set = CriterionSet.objects.filter(is_default=True).first()
        if criterion_set is None:
            raise CommandError("既定の審査基準がありません。")
        review_round = review_services.round_create(
            user=manager,
            title=title,
            stage=entry["stage"],
            fiscal_year=year,
            call=None,
            department=manager.department,  # the manager's department runs it
            criterion_set=criterion_set,
        )
        for proposal in proposals:  # in presentation order
            review_services.round_add_proposal(round=review_round, proposal=proposal, user=manager)
        for email, kind, public_title in entry["reviewers"]:
            review_services.reviewer_assign(
                round=review_round,
                reviewer=users[email],
                user=manager,
                kind=kind,
                title=public_title,
            )
        for values in entry["sessions"]:
            self.write_session(review_round, values, manager)
        if entry["status"] == ReviewRound.Status.PREPARING:
            return review_round
        review_round = review_services.round_start_scoring(round=review_round, user=manager)

        by_title = {proposal.title: proposal for proposal in proposals}
        for email, proposal_title, reason in entry.get("conflicts", ()):
            review_services.conflict_declare(
                round=review_round,
                proposal=by_title[proposal_title],
                reviewer=users[email],
                reason=reason,
            )
        criteria = {c.name: c.pk for c in criterion_set.criteria.all()}
        for sheet in entry.get("sheets", ()):
            missing = set(sheet["scores"]) - set(criteria)
            if missing:
                raise CommandError(
                    f"既定の審査基準にない審査項目です: {'、'.join(sorted(missing))}"
                )
            review_services.sheet_save(
                round=review_round,
                proposal=by_title[sheet["proposal"]],
                reviewer=users[sheet["reviewer"]],
                scores={criteria[name]: score for name, score in sheet["scores"].items()},
                overall_comment=sheet["overall_comment"],
                submit=True,
            )
        decisions = entry.get("decisions", {})
        for review_entry in review_round.entries.select_related("proposal"):
            if review_entry.proposal.title in decisions:
                decision, reason = decisions[review_entry.proposal.title]
                review_services.entry_decide(
                    entry=review_entry, decision=decision, reason=reason, user=manager
                )
        if entry["status"] == ReviewRound.Status.PUBLISHED:
            review_round = review_services.round_publish(round=review_round, user=manager)
        return review_round

    def write_session(self, review_round: ReviewRound, values: dict, user: User) -> None:
        """A public session, announced; its minutes, if any, published."""
        day = timezone.localdate() + datetime.timedelta(days=values["days"])
        while day.weekday() >= 5:  # held on a weekday
            day += datetime.timedelta(days=1)
        minutes = values.get("minutes", "")

        def at(hour_minute: str) -> datetime.datetime:
            time = datetime.time.fromisoformat(hour_minute)
            return timezone.make_aware(datetime.datetime.combine(day, time))

        review_services.session_save(
            round=review_round,
            values=review_services.SessionValues(
                starts_at=at(values["starts"]),
                ends_at=at(values["ends"]),
                place=values["place"],
                description=values["description"],
                is_announced=True,
                minutes=minutes,
                minutes_published=bool(minutes),
            ),
            user=user,
        )

    def seed_projects(
        self, users: dict[str, User], organizations: list[Organization]
    ) -> list[CollaborationProject]:
        """Projects keyed on their title; a missing one is created and moved by the services."""
        projects = []
        for entry in demo_data.PROJECTS:
            existing = (
                CollaborationProject.objects.filter(title=entry["title"]).order_by("pk").first()
            )
            if existing is not None:
                projects.append(existing)
                continue
            try:
                projects.append(self.make_project(entry, users, organizations))
            except (PermissionDenied, ValidationError) as error:
                raise CommandError(
                    f"協働事業「{entry['title']}」を作れませんでした: {error}"
                ) from error
        return projects

    def make_project(
        self, entry: dict, users: dict[str, User], organizations: list[Organization]
    ) -> CollaborationProject:
        department, partner = users[entry["department"]], users[entry["partner"]]
        if entry["proposal"]:
            proposal = Proposal.objects.get(title=entry["proposal"])
            project = project_services.project_create_from_proposal(
                proposal=proposal, user=department
            )
        else:
            by_name = {org.name: org for org in organizations}
            forms = {f.code: f for f in ProjectForm.objects.all()}
            year = fiscal_year()
            project = project_services.project_create(
                user=department,
                origin=entry["origin"],
                values=ProjectValues(
                    title=entry["title"],
                    summary=entry["summary"],
                    partners=tuple(by_name[name] for name in entry["partners"]),
                    department=department.department,
                    form=forms[entry["form"]],
                    cooperation_kinds=tuple(forms[code] for code in entry["kinds"]),
                    first_fiscal_year=year + entry["years"][0],
                    last_fiscal_year=year + entry["years"][1],
                    **entry["money"],
                ),
            )
        if entry["proposal"]:
            # The contract or grant: the department records it on the project's page.
            project = project_services.project_update(
                project=project,
                user=department,
                values=values_of(project, ProjectValues, **entry["money"]),
                lock_version=project.lock_version,
            )
        self.write_agreement(project, entry["agreement"], department)
        agreement = project.current_agreement()
        project_services.agreement_confirm(agreement=agreement, user=partner)
        project_services.agreement_confirm(agreement=agreement, user=department)
        for action in entry["moves"]:
            project = project_services.project_transition(
                project=project, action=action, actor=department
            )
        if "interim_report_due_in_days" in entry:
            project_services.report_request(
                project=project,
                kind="interim",
                due_on=timezone.localdate()
                + datetime.timedelta(days=entry["interim_report_due_in_days"]),
                user=department,
            )
        if "report" in entry:
            self.file_report(project, entry["report"], department, partner)
        if "evaluations" in entry:
            self.evaluate(project, entry, users)
        return project

    def write_agreement(self, project, values: dict, user: User) -> None:
        """Fill the draft agreement, as either side does on the agreement page.

        Rows the demo leaves out are kept as the draft has them (carried from the proposal).
        """
        agreement = project.current_agreement()
        rows = {
            "indicators": tuple(
                project_services.IndicatorRow(kind, name, unit, Decimal(target))
                for kind, name, unit, target in values["indicators"]
            ),
            "role_shares": tuple(
                project_services.AgreementRoleRow(*row) for row in values["role_shares"]
            ),
        }
        project_services.agreement_save(
            agreement=agreement,
            user=user,
            values=project_services.agreement_values_of(
                agreement,
                shared_goal=values.get("shared_goal", agreement.shared_goal),
                cost_sharing=values["cost_sharing"],
                risk_and_liability=values["risk_and_liability"],
                other_terms=values["other_terms"],
                **{name: given for name, given in rows.items() if given},
            ),
            lock_version=agreement.lock_version,
        )

    def file_report(self, project, values: dict, department: User, partner: User) -> None:
        agreement = project_services.confirmed_agreement(project)
        report = project_services.report_request(
            project=project,
            kind=values["kind"],
            due_on=agreement.period_end + datetime.timedelta(days=30),
            user=department,
        )
        indicators = list(agreement.indicators.all())
        project_services.report_save(
            report=report,
            user=partner,
            values={
                i.pk: (Decimal(v), "") for i, v in zip(indicators, values["values"], strict=True)
            },
            narrative=values["narrative"],
            public_summary=values["public_summary"],
            expenditure=values["expenditure"],
            submit=True,
        )

    def evaluate(self, project, entry: dict, users: dict[str, User]) -> None:
        """All four evaluations written and published, the direction decided and published."""
        department, partner = users[entry["department"]], users[entry["partner"]]
        authors = {
            "self_partner": partner,
            "self_department": department,
            "mutual": partner,
            "third_party": users["reviewer@example.jp"],
        }
        rules = list(CollaborationRule.objects.all())
        indicators = list(project_services.confirmed_agreement(project).indicators.all())
        for kind, values in entry["evaluations"].items():
            texts = {
                k: values[k]
                for k in ("overall_comment", "shared_points", "differences", "improvements")
                if k in values
            }
            project_services.evaluation_save(
                project=project,
                kind=kind,
                user=authors[kind],
                # One score for every rule, or one per rule (1–6) in order.
                rule_scores={
                    r.pk: (
                        values["rules"][r.number - 1]
                        if isinstance(values["rules"], tuple)
                        else values["rules"],
                        "",
                    )
                    for r in rules
                }
                if "rules" in values
                else {},
                goal_scores={
                    i.pk: score
                    for i, score in zip(indicators, values.get("goals", ()), strict=False)
                },
                texts=texts,
                submit=True,
            )
        for evaluation in Evaluation.objects.filter(project=project):
            project_services.evaluation_publish(evaluation=evaluation, user=department)
        choice, reason = entry["direction"]
        project_services.direction_decide(
            project=project, user=department, choice=choice, reason=reason
        )
        project_services.direction_publish(project=project, user=department)
        if entry.get("complete"):
            project_services.project_transition(
                project=project, action="complete_evaluation", actor=department
            )

    def print_summary(
        self,
        organizations: list[Organization],
        calls: list[Call],
        proposals: list[Proposal],
        rounds: list[ReviewRound],
        projects: list[CollaborationProject],
    ) -> None:
        by_status = Counter(org.status for org in organizations)
        counts = "、".join(f"{status.label} {by_status[status]}" for status in Organization.Status)
        # Open review moved some proposals on since they were seeded: count them as they are now.
        by_state = Counter(
            Proposal.objects.filter(pk__in=[p.pk for p in proposals]).values_list(
                "status", flat=True
            )
        )
        states = "、".join(
            f"{state.label} {by_state[state]}" for state in Proposal.Status if by_state[state]
        )
        by_round_status = Counter(
            ReviewRound.objects.filter(pk__in=[r.pk for r in rounds]).values_list(
                "status", flat=True
            )
        )
        round_states = "、".join(
            f"{status.label} {by_round_status[status]}"
            for status in ReviewRound.Status
            if by_round_status[status]
        )
        self.stdout.write(
            f"担当課 {len(demo_data.DEPARTMENTS)} 件、団体 {len(organizations)} 件（{counts}）、"
            f"事業の提示 {len(calls)} 件、事業提案 {len(proposals)} 件（{states}）、"
            f"審査回 {len(rounds)} 件（{round_states}）、"
            f"協働事業 {len(projects)} 件を登録しました。"
        )
        self.stdout.write("")
        self.stdout.write("デモ用アカウント（公開の場では使わないでください）")
        rows = [("メールアドレス", "役割", "パスワード")]
        rows += [(a["email"], a["role_label"], demo_data.DEMO_PASSWORD) for a in demo_data.ACCOUNTS]
        widths = [max(display_width(row[i]) for row in rows) for i in range(3)]
        for index, row in enumerate(rows):
            self.stdout.write(
                "  ".join(
                    pad(cell, width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )
            if index == 0:
                self.stdout.write("  ".join("-" * width for width in widths))


def display_width(text: str) -> int:
    """Columns a terminal uses for text: two for full-width (Japanese) characters."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))
