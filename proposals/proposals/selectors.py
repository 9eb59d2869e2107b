"""Page-level reads of proposals."""

from difflib import SequenceMatcher

from django.db.models import QuerySet
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from organizations.models import User
from proposals.proposals.models import ConsultationMessage, Notice, Proposal


def _of_proposer_latest_first(user: User) -> QuerySet[Proposal]:
    return Proposal.objects.of_proposer(user).distinct().order_by("-updated_at")


def proposals_of(user: User, *, limit: int = 5) -> QuerySet[Proposal]:
    """The proposals a person made or may edit for their organization, latest first (マイページ)."""
    return _of_proposer_latest_first(user)[:limit]


def my_proposals(user: User) -> QuerySet[Proposal]:
    """Every proposal a person made or may edit, latest first, with who proposed it (their list)."""
    return _of_proposer_latest_first(user).for_listing()


def public_proposals() -> QuerySet[Proposal]:
    """Submitted proposals, latest submission first, for the public list."""
    return Proposal.objects.public().for_listing().order_by("-submitted_at", "-pk")


def recent_public_proposals(limit: int = 5) -> QuerySet[Proposal]:
    """The latest submitted proposals with their proposer (the front page)."""
    return (
        Proposal.objects.public()
        .select_related("organization", "proposer")
        # The order of proposal_public_latest_idx: the five rows are read from it, and only
        # those five are joined to their organization and proposer.
        .order_by("-submitted_at", "-pk")[:limit]
    )


def visible_proposals_with_call(user: User) -> QuerySet[Proposal]:
    """The proposals a user may see, with their call (the pages that act on one)."""
    return Proposal.objects.visible_to(user).select_related("call")


def visible_proposals_for_page(user: User) -> QuerySet[Proposal]:
    """The proposals a user may see, with everything a proposal's page shows of them."""
    return Proposal.objects.visible_to(user).for_listing().prefetch_related("role_shares")


def consultation_messages_of(proposal: Proposal) -> QuerySet[ConsultationMessage]:
    """A proposal's consultation with each message's author (the parties' private part)."""
    return proposal.consultation_messages.select_related("author")


def notices_of(proposal: Proposal) -> QuerySet[Notice]:
    """The notices issued on a proposal, oldest first (its page lists them, each with its PDF)."""
    return proposal.notices.only(
        "pk", "proposal_id", "kind", "number", "notice_date", "subject"
    ).order_by("notice_date", "pk")


def handled_proposals() -> QuerySet[Proposal]:
    """Every proposal but drafts: what city staff and the support office handle."""
    return Proposal.objects.exclude(status=Proposal.Status.DRAFT)


def work_queue(user: User, *, every_department: bool) -> QuerySet[Proposal]:
    """Handled proposals, latest change first: every one, or those of the user's department."""
    queryset = handled_proposals()
    if not every_department:
        queryset = queryset.in_department(user.department_id)
    return queryset.for_listing().select_related("call__department").order_by("-updated_at", "-pk")


def public_proposals_of_organization(organization) -> QuerySet[Proposal]:
    """An organization's submitted proposals, latest first (its public page; drafts stay private)."""
    return (
        Proposal.objects.public()
        .filter(organization=organization)
        .only("pk", "title", "status", "submitted_at", "organization_id")
        .order_by("-submitted_at", "-pk")
    )


# --- Submitted versions and what changed between them ----------------------------------------

_SNAPSHOT_TEXTS = (
    "local_issue",
    "goal",
    "indicators",
    "content",
    "expected_effect",
    "why_collaboration",
    "budget_difference_note",
    "public_summary",
)


def snapshot_of(proposal: Proposal) -> dict:
    """The proposal as text, with its labels and rows: what a submitted version keeps."""

    def label(name: str) -> str:
        return str(Proposal._meta.get_field(name).verbose_name)

    amount = proposal.requested_amount
    fields = [
        [label("title"), proposal.title],
        [label("origin"), proposal.get_origin_display()],
        [label("call"), proposal.call.title if proposal.call_id else ""],
        [label("organization"), proposal.organization.name if proposal.organization_id else ""],
        [label("desired_form"), str(proposal.desired_form) if proposal.desired_form_id else ""],
        [label("period_start"), str(proposal.period_start or "")],
        [label("period_end"), str(proposal.period_end or "")],
        [label("requested_amount"), "" if amount is None else f"{amount:,}円"],
        *([label(name), getattr(proposal, name)] for name in _SNAPSHOT_TEXTS),
    ]
    return {
        "fields": fields,
        "roles": [[r.task, r.proposer_role, r.city_role] for r in proposal.role_shares.all()],
        "budget": [
            [line.get_kind_display(), line.item, f"{line.amount:,}円", line.note]
            for line in proposal.budget_lines.all()
        ],
    }


def versions_to_compare(proposal: Proposal):
    """The last two submitted versions (older, newer), or None before a resubmission."""
    latest = list(proposal.versions.order_by("-number")[:2])
    return (latest[1], latest[0]) if len(latest) == 2 else None


def version_changes(older: dict, newer: dict) -> list[dict]:
    """Each field and table side by side, changed ones marked word by word (<del>, <ins>)."""
    rows = []
    old_fields, new_fields = dict(older["fields"]), dict(newer["fields"])
    for label in dict.fromkeys([*old_fields, *new_fields]):
        rows.append(_side_by_side(label, old_fields.get(label, ""), new_fields.get(label, "")))
    for key, label in (("roles", _("役割分担")), ("budget", _("収支予算"))):
        old_text = "\n".join(" ／ ".join(row) for row in older.get(key, []))
        new_text = "\n".join(" ／ ".join(row) for row in newer.get(key, []))
        rows.append(_side_by_side(label, old_text, new_text))
    return rows


def _side_by_side(label: str, old: str, new: str) -> dict:
    if old == new:
        return {"label": label, "changed": False, "old": escape(old), "new": escape(new)}
    # Characters, not words: Japanese has no spaces between them.
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    before, after = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            before.append(escape(old[i1:i2]))
            after.append(escape(new[j1:j2]))
            continue
        if i2 > i1:
            before.append(format_html("<del>{}</del>", old[i1:i2]))
        if j2 > j1:
            after.append(format_html("<ins>{}</ins>", new[j1:j2]))
    return {
        "label": label,
        "changed": True,
        "old": mark_safe("".join(before)),  # noqa: S308 - every piece escaped above
        "new": mark_safe("".join(after)),  # noqa: S308 - every piece escaped above
    }


def latest_submitted_proposals(
    *, department_id: int | None, field_id: int | None, limit: int
) -> QuerySet[Proposal]:
    """Public proposals, latest first submission first, of a department or field (the feeds)."""
    proposals = Proposal.objects.public()
    if department_id is not None:
        proposals = proposals.in_department(department_id)
    if field_id is not None:
        proposals = proposals.filter(organization__fields=field_id)
    return proposals.select_related(
        "organization", "proposer", "department", "call__department"
    ).order_by("-submitted_at", "-pk")[:limit]
