"""What open review adds to the portal's feeds: each round as its results are published."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kunitachi_kyodo.feeds import Entry, Scope, publishes

from . import selectors


def _answering(round_) -> str:
    """What the round judged proposals for: its call (only once the call is public)."""
    if round_.call is not None and round_.call.is_public:
        return round_.call.title
    return _("自由提案")


@publishes("results", gettext_lazy("公表された審査結果"))
def published_results(scope: Scope, *, limit: int) -> list[Entry]:
    rounds = selectors.latest_published_rounds(
        department_id=scope.department_id, field_id=scope.field_id, limit=limit
    )
    return [
        Entry(
            key=f"review-round-{round_.pk}",
            title=_("%(title)s の審査結果") % {"title": round_.title},
            link=round_.get_absolute_url(),
            published=round_.published_at,
            updated=round_.published_at,  # a published round is frozen
            summary=_("%(stage)s（%(call)s）の結果を公表しました。")
            % {"stage": round_.get_stage_display(), "call": _answering(round_)},
            categories=(round_.department.name,),
        )
        for round_ in rounds
    ]
