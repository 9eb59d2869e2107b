"""Feeds and the calendar (フィードとカレンダー): every stage's public news and dates to subscribe to.

The entries and dates come from the stages' registrations (kunitachi_kyodo.feeds,
kunitachi_kyodo.public_dates); this module only says which scope a URL asks for, so it
lives with the other pages that show every stage at once.
"""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kunitachi_kyodo import feeds, ical
from kunitachi_kyodo.feeds import EntriesFeed, Scope
from kunitachi_kyodo.public_dates import public_dates
from organizations.models import ActivityField, Department


def feed_index(request: HttpRequest) -> HttpResponse:
    """What one can subscribe to: every feed by kind, department and field, and the calendar."""
    return render(
        request,
        "feeds_and_calendar.html",
        {
            "kinds": feeds.kinds(),
            "departments": Department.objects.filter(is_active=True),
            "fields": ActivityField.objects.all(),
            "latest": feeds.LATEST,
        },
    )


def public_calendar(request: HttpRequest) -> HttpResponse:
    """Every public date (deadlines, briefings, open review sessions, …) as one iCalendar file.

    Many departments hold these dates, so no one organizer is named and the file is a plain
    calendar (no METHOD:PUBLISH, which RFC 5546 allows only with an ORGANIZER).
    """
    return ical.calendar_response(
        public_dates(absolute=request.build_absolute_uri),
        product="Public dates",
        filename="kunitachi-kyodo-calendar.ics",
    )


class _IndexLinkedFeed(EntriesFeed):
    def link(self):
        return reverse("feeds:index")


class EverythingFeed(_IndexLinkedFeed):
    """Every kind of entry, for the whole city."""

    def title(self):
        return _("%(site)s 新着情報") % {"site": settings.SITE_NAME}

    def subtitle(self):
        return _("事業の提示、事業提案、審査結果、協働事業の歩みの新着です。")


class KindFeed(_IndexLinkedFeed):
    """One kind of entry (e.g. 新しい事業提案), for the whole city; an unknown kind is a 404."""

    def get_object(self, request, slug: str) -> feeds.Kind:
        kind = feeds.kind(slug)
        if kind is None:
            raise Http404
        return kind

    def items(self, kind: feeds.Kind):
        return feeds.latest_entries([kind], Scope())

    def title(self, kind: feeds.Kind):
        return f"{settings.SITE_NAME} {kind.label}"

    def subtitle(self, kind: feeds.Kind):
        return _("%(city)sの協働の新着情報です。") % {"city": settings.CITY_NAME}


class DepartmentFeed(_IndexLinkedFeed):
    """Everything about one department's calls, proposals, rounds and projects."""

    def get_object(self, request, pk: int) -> Scope:
        department = get_object_or_404(Department, pk=pk)
        return Scope(department_id=department.pk, name=department.name)

    def title(self, scope: Scope):
        return _("%(site)s %(department)sの新着情報") % {
            "site": settings.SITE_NAME,
            "department": scope.name,
        }

    def subtitle(self, scope: Scope):
        return _("%(department)sが担当する募集、事業提案、審査結果、協働事業の新着です。") % {
            "department": scope.name
        }


class FieldFeed(_IndexLinkedFeed):
    """Everything about the organizations working in one activity field (by its number, 号)."""

    def get_object(self, request, number: int) -> Scope:
        field = get_object_or_404(ActivityField, number=number)
        return Scope(field_id=field.pk, name=field.name)

    def title(self, scope: Scope):
        return _("%(site)s 活動分野「%(field)s」の新着情報") % {
            "site": settings.SITE_NAME,
            "field": scope.name,
        }

    def subtitle(self):
        return _(
            "この分野で活動する団体の事業提案、審査結果、協働事業の新着です"
            "（事業の提示は担当課ごとのフィードでお知らせします）。"
        )
