"""What waits in the proposals stage, as マイページ lists it (a selector kept apart)."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from kunitachi_kyodo.worklist import Task, waiting, waits_in
from organizations.models import User
from proposals.proposals.models import ConsultationMessage, Proposal

S = Proposal.Status


def _answered_by_city_last(proposals):
    """Consultations annotated with whether the city (staff or office) wrote the latest message."""
    latest = ConsultationMessage.objects.filter(proposal=OuterRef("pk")).order_by(
        "-created_at", "-pk"
    )
    return proposals.annotate(
        last_by_staff=Subquery(latest.values("author__is_city_staff")[:1]),
        last_by_office=Subquery(latest.values("author__is_support_staff")[:1]),
    )


def _city_owes_a_reply():
    # No message yet, or the proposer's side wrote last.
    return Q(last_by_staff__isnull=True) | Q(last_by_staff=False, last_by_office=False)


@waits_in
def tasks_of(user: User) -> list[Task]:
    """The proposer's drafts, answers and returns; the city's submissions and consultations."""
    tasks = []
    mine = Proposal.objects.of_proposer(user)
    my_list = reverse("proposals:my_proposals")
    consulting = _answered_by_city_last(mine.filter(status=S.CONSULTATION))
    counts = mine.aggregate(
        drafts=Count("pk", filter=Q(status=S.DRAFT)),
        returned=Count("pk", filter=Q(status=S.RETURNED)),
    )
    tasks += waiting(
        Task(_("書きかけの提案（下書き）"), counts["drafts"], my_list),
        Task(
            _("市から回答があった事前相談"),
            consulting.exclude(_city_owes_a_reply()).count(),
            my_list,
        ),
        Task(_("差し戻された提案（修正して再提出）"), counts["returned"], my_list),
    )
    if user.is_city_staff or user.is_support_staff:
        handled = Proposal.objects.exclude(status=S.DRAFT)
        if not (user.is_support_staff or user.has_perm("organizations.act_citywide")):
            handled = handled.in_department(user.department_id)
        queue = reverse("proposals:work_queue")
        tasks += waiting(
            Task(
                _("一次審査を待つ提案（提出済み）"),
                handled.filter(status=S.SUBMITTED).count(),
                f"{queue}?status={S.SUBMITTED}",
            ),
            Task(
                _("回答を待つ事前相談"),
                _answered_by_city_last(handled.filter(status=S.CONSULTATION))
                .filter(_city_owes_a_reply())
                .count(),
                f"{queue}?status={S.CONSULTATION}",
            ),
        )
    return tasks
