"""Open review's public pages: the index, a round's published results, sessions and their iCal."""

from decimal import Decimal

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import Truncator

from kunitachi_kyodo import ical
from kunitachi_kyodo.lists import page_of
from proposals.guideline.schemes import describe_scheme
from proposals.review import selectors
from proposals.review.dates import session_event
from proposals.review.models import ReviewSession

# --- Public pages ------------------------------------------------------------------


UPCOMING_SHOWN = 50
PAST_SHOWN = 10
ROUNDS_PER_PAGE = 20


def review_index(request: HttpRequest) -> HttpResponse:
    """Announced sessions (upcoming, then past) and the rounds whose results are published."""
    now = timezone.now()
    sessions = selectors.announced_sessions()
    # Bounded whatever the years behind it: the sessions to come (a city announces a few),
    # the latest past ones, and the published rounds a page at a time.
    return render(
        request,
        "review/review_index.html",
        {
            "upcoming_sessions": list(sessions.filter(ends_at__gte=now)[:UPCOMING_SHOWN]),
            "past_sessions": list(
                sessions.filter(ends_at__lt=now).order_by("-starts_at", "-pk")[:PAST_SHOWN]
            ),
            "page_obj": page_of(request, selectors.published_rounds(), ROUNDS_PER_PAGE),
        },
    )


# The bar chart of totals, drawn by the template as inline SVG (no script). Lengths are
# in the SVG's own units; it scales to the page width.
CHART_WIDTH = 720
CHART_LEFT = 8
CHART_PLOT = 600  # the length of a 100-point bar
CHART_TOP = 28  # room for the pass line's label
CHART_ROW = 56
CHART_AXIS = 36


def _chart_max(results) -> Decimal:
    """The length of a full bar: 100 when the scheme converts, else the maximum in points."""
    if results.scheme.converts_to_100:
        return Decimal(100)
    maxima = [row.result.max_points for row in results.rows if row.result.max_points]
    return Decimal(max(maxima, default=None) or results.scheme.sheet_max)


def _chart(results) -> dict:
    """Geometry of the bar chart: one labelled bar per proposal, the axis and the pass line."""
    top = _chart_max(results)

    def x(value) -> float:
        return round(CHART_LEFT + CHART_PLOT * float(value / top), 1)

    rows = []
    for index, row in enumerate(results.rows):
        y = CHART_TOP + index * CHART_ROW
        headline = row.result.headline
        length = round(CHART_PLOT * float((headline or 0) / top), 1)
        rows.append(
            {
                "row": row,
                "headline": None if headline is None else f"{headline:f}",
                "label": Truncator(row.entry.proposal.title).chars(30),
                "label_y": y + 16,
                "bar_y": y + 24,
                "bar_length": length,
                "value_x": CHART_LEFT + length + 8,
                "value_y": y + 39,
            }
        )
    axis_y = CHART_TOP + len(results.rows) * CHART_ROW
    pass_line = results.pass_line
    return {
        "width": CHART_WIDTH,
        "height": axis_y + CHART_AXIS,
        "left": CHART_LEFT,
        "right": CHART_LEFT + CHART_PLOT,
        "rows": rows,
        "axis_y": axis_y,
        "tick_y": axis_y + 6,
        "tick_label_y": axis_y + 24,
        "ticks": [
            {"value": f"{(top * share / 4).normalize():f}", "x": x(top * share / 4)}
            for share in range(5)
        ],
        "max": f"{top:f}",
        "pass_line": None if pass_line is None else f"{pass_line:f}",
        "pass_x": None if pass_line is None else x(min(pass_line, top)),
        "pass_label_y": CHART_TOP - 10,
    }


RESULTS_PER_PAGE = 50


def round_results(request: HttpRequest, pk: int) -> HttpResponse:
    """A round's published results, as frozen. Before publication the page does not exist."""
    review_round = get_object_or_404(selectors.published_rounds_with_call(), pk=pk)
    # Ranks were computed over the whole round when it was published (frozen in each entry);
    # a page reads only its own slice of the entries, in rank order, from the database.
    entries = selectors.published_entries_by_rank(review_round)
    page = page_of(request, entries, RESULTS_PER_PAGE, limit=None)
    results = selectors.published_results_of_entries(review_round, page.object_list)
    return render(
        request,
        "review/round_results.html",
        {
            "round": review_round,
            "results": results,
            "page_obj": page,
            "how_totals": describe_scheme(results.scheme),
            "chart": _chart(results),
            "assignments": selectors.round_reviewers(review_round),
            "sessions": selectors.announced_sessions_of(review_round),
        },
    )


def _visible_session(request: HttpRequest, pk: int) -> ReviewSession:
    """An announced session; the round's managers also open one not yet announced. Otherwise a 404."""
    session = get_object_or_404(selectors.sessions_with_round(), pk=pk)
    if not session.is_announced and not request.user.has_perm(
        "proposals.manage_round", session.round
    ):
        raise Http404
    return session


def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = _visible_session(request, pk)
    return render(
        request,
        "review/session_detail.html",
        {
            "session": session,
            "round": session.round,
            "entries": selectors.round_entries(session.round),
        },
    )


def session_ical(request: HttpRequest, pk: int) -> HttpResponse:
    """The session as an iCalendar event, for a calendar application."""
    session = _visible_session(request, pk)
    department = session.round.department
    event = session_event(session, absolute=request.build_absolute_uri)
    # A published event (METHOD:PUBLISH) must name its organizer (RFC 5546): the department
    # running the round, by its address; without one, the file is a plain calendar entry.
    return ical.calendar_response(
        [event],
        product="Open review",
        filename=f"review-session-{session.pk}.ics",
        organizer=ical.Organizer(department.name, department.email) if department else None,
    )
