"""Calls (事業の提示): the public list, feed and page, and the department's editing."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_filters.views import FilterView
from rules.contrib.views import PermissionRequiredMixin

from kunitachi_kyodo import ical
from kunitachi_kyodo.concurrency import EditConflict, keep_input_after_conflict
from kunitachi_kyodo.confirm import unless_move_confirmed
from kunitachi_kyodo.feeds import EntriesFeed
from kunitachi_kyodo.lists import ForgivingPaginationMixin
from kunitachi_kyodo.uploads import download_response
from kunitachi_kyodo.values import values_from
from kunitachi_kyodo.workflow import MoveNotAvailable
from organizations.permissions import require
from organizations.views import add_form_errors
from proposals.calls import selectors, services
from proposals.calls.dates import briefing_event
from proposals.calls.filters import (
    ENDED,
    OPEN,
    PHASE_LABELS,
    UPCOMING,
    CallFilter,
    QuestionFilter,
    StaffCallFilter,
)
from proposals.calls.forms import (
    AnswerForm,
    BriefingForm,
    CallForm,
    HideForm,
    QuestionForm,
)
from proposals.calls.models import Call, CallBriefing, CallQuestion
from proposals.calls.workflow import CALL_WORKFLOW, QUESTION_WORKFLOW
from proposals.guideline.schemes import describe_scheme


def phase_of(call: Call, now=None) -> str:
    """Where a public call stands for someone who may answer it."""
    now = now or timezone.now()
    if call.is_open(now):
        return OPEN
    if call.status == Call.Status.PUBLISHED and call.opens_at > now:
        return UPCOMING
    return ENDED


def _visible_call(request: HttpRequest, pk: int) -> Call:
    """A call the user may see; a hidden draft is a 404."""
    return get_object_or_404(selectors.visible_calls(request.user), pk=pk)


# --- Public pages -----------------------------------------------------------------


class CallListView(ForgivingPaginationMixin, FilterView):
    """The public list: open calls first (nearest deadline first), then upcoming, then ended."""

    filterset_class = CallFilter
    template_name = "calls/call_list.html"
    paginate_by = 20

    def get_queryset(self):
        return selectors.public_calls_by_phase()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        phases = [(call, phase_of(call, now)) for call in context["object_list"]]
        context["rows"] = [
            {"call": call, "phase": phase, "phase_label": PHASE_LABELS[phase]}
            for call, phase in phases
        ]
        # Narrowed to one department: that department's feed is the page's alternate too.
        form = context["filter"].form
        context["department"] = form.cleaned_data.get("department") if form.is_valid() else None
        return context


call_list = CallListView.as_view()


def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _call_page(request, _visible_call(request, pk))


def _call_page(
    request: HttpRequest, call: Call, *, question_form: QuestionForm | None = None, status=200
) -> HttpResponse:
    user = request.user
    # proposals.edit_call reads staff fields an anonymous user does not have.
    can_edit = user.is_authenticated and user.has_perm("proposals.edit_call", call)
    phase = phase_of(call)
    is_open = phase == OPEN and call.is_public
    return render(
        request,
        "calls/call_detail.html",
        {
            "call": call,
            **_scoring_of(call),
            "phase": phase,
            "phase_label": PHASE_LABELS[phase],
            "is_draft": call.status == Call.Status.DRAFT,
            "is_open": is_open,
            "forms": selectors.forms_of(call),
            "attachments": call.attachments.all(),
            "briefings": selectors.briefings_of(call),
            "questions": selectors.public_questions_of(call),
            "my_questions": selectors.questions_asked_by(call, user),
            # Anyone signed in may ask while the call is open; a visitor is asked to sign in.
            # A refused question comes back with its reason even once the call has closed.
            "can_ask": (is_open or question_form is not None)
            and user.has_perm("proposals.ask_question"),
            "login_to_ask": is_open and not user.is_authenticated,
            "question_form": question_form or QuestionForm(),
            "can_edit": can_edit and call.status != Call.Status.CLOSED,
            "can_edit_briefings": can_edit,
            "can_publish": can_edit and call.status == Call.Status.DRAFT,
            "can_close": can_edit and call.status == Call.Status.PUBLISHED,
            "propose_url": f"{reverse('proposals:proposal_create')}?call={call.pk}",
        },
        status=status,
    )


def _scoring_of(call: Call) -> dict:
    """The criteria the call promises, from the set its round will score with."""
    criterion_set = call.scoring_set()
    if criterion_set is None:
        return {"criterion_set": None}
    criteria = list(criterion_set.criteria.all())
    try:
        how_totals = describe_scheme(criterion_set.scheme(criteria))
    except ValidationError:
        how_totals = []
    return {"criterion_set": criterion_set, "criteria": criteria, "how_totals": how_totals}


def call_attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    attachment = get_object_or_404(selectors.attachments_of(pk), pk=attachment_pk)
    if not (attachment.call.is_public or request.user.has_perm("proposals.view_call_draft")):
        raise Http404
    return download_response(attachment, private=not attachment.call.is_public)


class CallFeed(EntriesFeed):
    """Atom feed of the latest public calls; drafts never appear (the entries: calls/feeds.py)."""

    slugs = ("calls",)
    link = reverse_lazy("calls:call_list")

    def title(self):
        return _("%(site)s 事業の提示（募集）") % {"site": settings.SITE_NAME}

    def subtitle(self):
        return _("%(city)sが協働の相手方を募集する事業の新着情報です。") % {
            "city": settings.CITY_NAME
        }


# --- The department: create, edit, publish, close -----------------------------------


def _call_form_page(request: HttpRequest, call: Call | None) -> HttpResponse:
    form = CallForm(request.POST or None, request.FILES or None, instance=call, user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.call_save(
                user=request.user,
                values=values_from(form, services.CallValues),
                call=call,
                lock_version=form.lock_version,
                upload=form.cleaned_data.get("attachment"),
            )
        except EditConflict as conflict:
            status = keep_input_after_conflict(form, conflict)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request,
                _("募集を保存しました。内容を確かめてから公開してください。")
                if saved.status == Call.Status.DRAFT
                else _("募集を保存しました。"),
            )
            return redirect(saved)
    return render(
        request,
        "calls/call_form.html",
        {
            "form": form,
            "call": call,
            "is_new": call is None,
            "attachments": call.attachments.all() if call else [],
            "briefings": selectors.briefings_of(call) if call else [],
        },
        status=status,
    )


@login_required
def call_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "proposals.create_call")
    return _call_form_page(request, None)


@login_required
def call_edit(request: HttpRequest, pk: int) -> HttpResponse:
    call = _visible_call(request, pk)
    require(request.user, "proposals.edit_call", call)
    return _call_form_page(request, call)


def _call_action(request: HttpRequest, pk: int, move: str, action, done: str) -> HttpResponse:
    call = _visible_call(request, pk)
    require(request.user, "proposals.edit_call", call)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if asked := unless_move_confirmed(request, CALL_WORKFLOW, call, move):
        return asked
    try:
        action(call=call, user=request.user)
    except MoveNotAvailable as refusal:
        messages.error(request, str(refusal))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, done % {"title": call.title})
    return redirect(call)


@login_required
def call_publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _call_action(
        request, pk, "publish", services.call_publish, _("「%(title)s」を公開しました。")
    )


@login_required
def call_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _call_action(
        request, pk, "close", services.call_close, _("「%(title)s」の募集を終了しました。")
    )


class StaffCallListView(PermissionRequiredMixin, FilterView):
    """Every call, drafts included, for city staff."""

    permission_required = "proposals.view_call_draft"
    filterset_class = StaffCallFilter
    template_name = "calls/staff_call_list.html"
    paginate_by = 30

    def get_queryset(self):
        return selectors.every_call()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        context["rows"] = [
            {
                "call": call,
                "phase_label": PHASE_LABELS[phase_of(call, now)]
                if call.status == Call.Status.PUBLISHED
                else "",
            }
            for call in context["object_list"]
        ]
        context["can_create"] = self.request.user.has_perm("proposals.create_call")
        return context


staff_call_list = StaffCallListView.as_view()


# --- Briefings (説明会): public calendars, the department's editing -------------------------


def _briefings_calendar(request, call: Call, briefings, filename: str) -> HttpResponse:
    department = call.department
    return ical.calendar_response(
        [
            briefing_event(briefing, call, absolute=request.build_absolute_uri)
            for briefing in briefings
        ],
        product="Call briefings",
        filename=filename,
        # METHOD:PUBLISH names the department holding the briefings (RFC 5546).
        organizer=ical.Organizer(department.name, department.email),
    )


def briefing_ical(request: HttpRequest, pk: int, briefing_pk: int) -> HttpResponse:
    """One briefing session as an iCalendar event (a draft call's are hidden: 404)."""
    call = _visible_call(request, pk)
    briefing = _briefing_of(call, briefing_pk)
    return _briefings_calendar(request, call, [briefing], f"call-briefing-{briefing.pk}.ics")


def call_briefings_ical(request: HttpRequest, pk: int) -> HttpResponse:
    """Every briefing session of a call in one calendar file."""
    call = _visible_call(request, pk)
    return _briefings_calendar(
        request, call, selectors.briefings_of(call), f"call-{call.pk}-briefings.ics"
    )


def _briefing_form_page(
    request: HttpRequest, call: Call, briefing: CallBriefing | None
) -> HttpResponse:
    form = BriefingForm(request.POST or None, instance=briefing)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.briefing_save(
                call=call,
                values=values_from(form, services.BriefingValues),
                user=request.user,
                briefing=briefing,
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("説明会を保存しました。"))
            return redirect(saved)
    return render(
        request,
        "calls/briefing_form.html",
        {"form": form, "call": call, "briefing": briefing},
        status=400 if form.errors else 200,
    )


def _edited_call(request: HttpRequest, pk: int) -> Call:
    call = _visible_call(request, pk)
    require(request.user, "proposals.edit_call", call)
    return call


def _briefing_of(call: Call, briefing_pk: int) -> CallBriefing:
    """A briefing reached through its own call only."""
    briefing = get_object_or_404(selectors.briefings_of(call), pk=briefing_pk)
    briefing.call = call
    return briefing


@login_required
def briefing_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _briefing_form_page(request, _edited_call(request, pk), None)


@login_required
def briefing_edit(request: HttpRequest, pk: int, briefing_pk: int) -> HttpResponse:
    call = _edited_call(request, pk)
    return _briefing_form_page(request, call, _briefing_of(call, briefing_pk))


@require_POST
@login_required
def briefing_delete(request: HttpRequest, pk: int, briefing_pk: int) -> HttpResponse:
    call = _edited_call(request, pk)
    services.briefing_delete(briefing=_briefing_of(call, briefing_pk), user=request.user)
    messages.success(request, _("説明会を削除しました。"))
    return redirect(f"{call.get_absolute_url()}#briefings")


# --- Questions and answers (質問と回答) ---------------------------------------------------


@require_POST
@login_required
def question_ask(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask about the call; a problem is said next to the question, on the call's page."""
    call = _visible_call(request, pk)
    require(request.user, "proposals.ask_question")
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            services.question_ask(
                call=call, user=request.user, values=values_from(form, services.QuestionValues)
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request,
                _("質問を受け付けました。担当課が回答すると、このページで公開し、お知らせします。"),
            )
            return redirect(f"{call.get_absolute_url()}#questions")
    return _call_page(request, call, question_form=form, status=400)


class QuestionQueueView(PermissionRequiredMixin, FilterView):
    """The questions this person answers: their department's (all, for the office), waiting first."""

    permission_required = "proposals.use_question_queue"
    filterset_class = QuestionFilter
    template_name = "calls/question_queue.html"
    paginate_by = 30

    def get_queryset(self):
        return selectors.questions_to_answer(self.request.user)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        data = self.request.GET.copy()
        data.setdefault("status", CallQuestion.Status.WAITING)  # what needs doing, unless asked
        kwargs["data"] = data
        return kwargs


question_queue = QuestionQueueView.as_view()


def _answerable_question(request: HttpRequest, pk: int) -> CallQuestion:
    """A question of the person's department (any, for the office); others do not see it: 404."""
    require(request.user, "proposals.use_question_queue")
    question = get_object_or_404(selectors.questions_to_answer(request.user), pk=pk)
    require(request.user, "proposals.answer_question", question)
    return question


def _question_page(request, question, *, answer_form=None, hide_form=None, status=200):
    moves = {t.action for t in QUESTION_WORKFLOW.allowed(request.user, question)}
    return render(
        request,
        "calls/question_answer.html",
        {
            "question": question,
            "call": question.call,
            "answer_form": answer_form or AnswerForm(instance=question),
            "hide_form": hide_form or HideForm(),
            "can_answer": "answer" in moves,
            "can_hide": "hide" in moves,
        },
        status=status,
    )


@login_required
def question_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """The question as asked, and the answer to publish (with the wording to publish)."""
    question = _answerable_question(request, pk)
    if request.method != "POST":
        return _question_page(request, question)
    form = AnswerForm(request.POST, instance=question)
    if form.is_valid():
        try:
            services.question_answer(
                question=question,
                user=request.user,
                values=values_from(form, services.AnswerValues),
            )
        except MoveNotAvailable as refusal:
            messages.error(request, str(refusal))
            return redirect("calls:question_answer", pk=question.pk)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("回答を公開し、質問した方にお知らせしました。"))
            return redirect("calls:question_queue")
    return _question_page(request, question, answer_form=form, status=400)


@require_POST
@login_required
def question_hide(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep the question off the public page, with the reason told to the asker."""
    question = _answerable_question(request, pk)
    form = HideForm(request.POST)
    if form.is_valid():
        try:
            services.question_hide(
                question=question, user=request.user, reason=form.cleaned_data["comment"]
            )
        except MoveNotAvailable as refusal:
            messages.error(request, str(refusal))
            return redirect("calls:question_answer", pk=question.pk)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("質問を公開しないことにし、質問した方にお知らせしました。"))
            return redirect("calls:question_queue")
    return _question_page(request, question, hide_form=form, status=400)
