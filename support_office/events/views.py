"""Events: the public list, page, registration and calendars; the office's editing and roll."""

import django_filters
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_filters.views import FilterView

from kunitachi_kyodo import ical
from kunitachi_kyodo.concurrency import EditConflict, keep_input_after_conflict
from kunitachi_kyodo.confirm import unless_move_confirmed
from kunitachi_kyodo.lists import ForgivingPaginationMixin
from kunitachi_kyodo.uploads import download_response
from kunitachi_kyodo.values import values_from
from kunitachi_kyodo.workflow import MoveNotAvailable
from organizations.permissions import require, why_not
from organizations.views import add_form_errors

from . import services
from .dates import event_as_ical
from .forms import CancelEventForm, EventForm, MaterialForm, RegistrationForm
from .models import Event, Registration
from .workflow import EVENT_WORKFLOW

UPCOMING, PAST = "upcoming", "past"


def _visible_event(request: HttpRequest, pk: int) -> Event:
    """An event the person may see: a draft is a 404 but to the office; staff training is
    refused (403) with its reason to anyone who is not city staff."""
    user = request.user
    event = get_object_or_404(Event.objects.visible_to(user), pk=pk) if _is_office(user) else None
    if event is None:
        event = get_object_or_404(Event.objects.announced(), pk=pk)
    if reason := why_not(user, "events.view_event", event):
        raise PermissionDenied(reason)
    return event


def _is_office(user) -> bool:
    return user.is_authenticated and user.has_perm("events.manage_events")


# --- Public pages -----------------------------------------------------------------------


class EventFilter(django_filters.FilterSet):
    when = django_filters.ChoiceFilter(
        label=gettext_lazy("時期"),
        choices=[(UPCOMING, gettext_lazy("これから")), (PAST, gettext_lazy("終わったもの"))],
        method="filter_when",
        empty_label=gettext_lazy("すべて"),
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("種類"), choices=Event.Kind.choices, empty_label=gettext_lazy("すべて")
    )

    class Meta:
        model = Event
        fields = ["when", "kind"]

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == PAST:
            return queryset.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
        return queryset.filter(ends_at__gte=now)


class EventListView(ForgivingPaginationMixin, FilterView):
    """Every event the person may see, soonest first; city staff also see their training."""

    filterset_class = EventFilter
    template_name = "support_office/events/event_list.html"
    paginate_by = 20

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        data = self.request.GET.copy()
        data.setdefault("when", UPCOMING)
        kwargs["data"] = data
        return kwargs

    def get_queryset(self):
        return (
            Event.objects.visible_to(self.request.user)
            .with_seats_taken()
            .order_by("starts_at", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = [
            {"event": event, "left": max(event.capacity - event.taken, 0)}
            for event in context["object_list"]
        ]
        context["can_manage"] = _is_office(self.request.user)
        context["kinds"] = [k for k in Event.Kind if k not in Event.STAFF_KINDS]
        return context


event_list = EventListView.as_view()


def _my_registration(event: Event, user) -> Registration | None:
    if not user.is_authenticated:
        return None
    return event.registrations.active().filter(user=user).first()


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = _visible_event(request, pk)
    user = request.user
    mine = _my_registration(event, user)
    taken = event.seats_taken()
    office = _is_office(user)
    materials = [m for m in event.materials.all() if user.has_perm("events.download_material", m)]
    cancellation = (
        event.status_changes.filter(action="cancel").last()
        if event.status == Event.Status.CANCELLED
        else None
    )
    return render(
        request,
        "support_office/events/event_detail.html",
        {
            "event": event,
            "taken": taken,
            "left": max(event.capacity - taken, 0),
            "mine": mine,
            "position": services.waiting_position(mine)
            if mine and mine.status == Registration.Status.WAITING
            else None,
            "show_online_url": office
            or (mine is not None and mine.status == Registration.Status.CONFIRMED),
            "accepts": event.accepts_registrations(),
            "may_register": user.has_perm("events.register", event),
            "materials": materials,
            "cancellation": cancellation,
            "can_manage": office,
            "moves": EVENT_WORKFLOW.allowed(user, event) if office else [],
        },
    )


def _registration_page(request, event, form, status=200):
    return render(
        request,
        "support_office/events/registration_form.html",
        {
            "event": event,
            "form": form,
            "left": max(event.capacity - event.seats_taken(), 0),
            "guest": not request.user.is_authenticated,
        },
        status=status,
    )


def event_register(request: HttpRequest, pk: int) -> HttpResponse:
    """The registration form: a signed-in person registers as themselves, a guest by e-mail."""
    event = _visible_event(request, pk)
    require(request.user, "events.register", event)
    user = request.user if request.user.is_authenticated else None
    form = RegistrationForm(request.POST or None, guest=user is None)
    if request.method != "POST":
        if _my_registration(event, request.user) is not None:
            messages.info(request, _("このイベントにはすでに申し込んでいます。"))
            return redirect(event)
        return _registration_page(request, event, form)
    if form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.registration_create(
                event=event,
                user=user,
                guest_name=data.get("guest_name", ""),
                guest_email=data.get("guest_email", ""),
                party_size=data["party_size"],
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            if registration.status == Registration.Status.CONFIRMED:
                messages.success(
                    request,
                    _(
                        "参加申込を受け付けました（%(n)s名、参加確定）。確認のメールをお送りしました。"
                    )
                    % {"n": registration.party_size},
                )
            else:
                messages.warning(
                    request,
                    _(
                        "定員に達しているため、キャンセル待ち（%(position)s番目）で受け付けました。"
                        "参加はまだ確定していません。席が空くとメールでお知らせします。"
                    )
                    % {"position": services.waiting_position(registration)},
                )
            return redirect(event)
    return _registration_page(request, event, form, status=400)


def _own_registration(request, pk) -> tuple[Event, Registration]:
    event = _visible_event(request, pk)
    mine = _my_registration(event, request.user)
    if mine is None:
        raise Http404
    return event, mine


@require_POST
@login_required
def registration_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel one's registration, or leave the waiting list."""
    event, mine = _own_registration(request, pk)
    was_waiting = mine.status == Registration.Status.WAITING
    try:
        services.registration_cancel(registration=mine, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("キャンセル待ちを取り消しました。") if was_waiting else _("申込を取り消しました。"),
        )
    return redirect(event)


@require_POST
@login_required
def offer_accept(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm the seat offered from the waiting list (繰り上げ)."""
    event, mine = _own_registration(request, pk)
    try:
        services.offer_accept(registration=mine, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("参加が確定しました。"))
    return redirect(event)


def _guest_page(request, token: str, action: str) -> HttpResponse:
    """A guest's cancel or confirm link from their e-mail: a page that asks, then a POST."""
    registration = services.registration_from_token(token)
    event = registration.event
    if request.method == "POST":
        try:
            if action == "cancel":
                services.registration_cancel(registration=registration, user=None, token=token)
                messages.success(request, _("申込を取り消しました。"))
            else:
                services.offer_accept(registration=registration, user=None, token=token)
                messages.success(request, _("参加が確定しました。"))
        except ValidationError as error:
            messages.error(request, error.messages[0])
        return redirect(event)
    return render(
        request,
        "support_office/events/guest_action.html",
        {"event": event, "registration": registration, "action": action},
    )


def guest_cancel(request: HttpRequest, token: str) -> HttpResponse:
    return _guest_page(request, token, "cancel")


def guest_accept(request: HttpRequest, token: str) -> HttpResponse:
    return _guest_page(request, token, "accept")


# --- Calendars (iCal, in Japan time) ---------------------------------------------------


def event_ical(request: HttpRequest, pk: int) -> HttpResponse:
    event = _visible_event(request, pk)
    return ical.calendar_response(
        [event_as_ical(event, absolute=request.build_absolute_uri)],
        product="Support office events",
        filename=f"event-{event.pk}.ics",
        japan_time=True,
    )


def calendar(request: HttpRequest, kind: str = "") -> HttpResponse:
    """A calendar to subscribe to: every public event, or those of one kind."""
    events = Event.objects.taking_place().order_by("starts_at", "pk")
    name = _("NPO活動支援室のイベント")
    if kind:
        if kind not in Event.Kind.values or kind in Event.STAFF_KINDS:
            raise Http404
        events = events.filter(kind=kind)
        name = f"{name}（{Event.Kind(kind).label}）"
    return ical.calendar_response(
        [event_as_ical(event, absolute=request.build_absolute_uri) for event in events],
        product="Support office events",
        filename=f"events-{kind or 'all'}.ics",
        japan_time=True,
        name=name,
    )


# --- Materials -------------------------------------------------------------------------


def material_download(request: HttpRequest, pk: int, material_pk: int) -> FileResponse:
    event = _visible_event(request, pk)
    material = get_object_or_404(event.materials, pk=material_pk)
    require(request.user, "events.download_material", material)
    return download_response(material, private=not (material.is_public and event.is_public))


@require_POST
@login_required
def material_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = _visible_event(request, pk)
    require(request.user, "events.manage_events")
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.material_add(
                event=event,
                user=request.user,
                title=form.cleaned_data["title"],
                is_public=form.cleaned_data["is_public"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("資料を追加しました。"))
            return redirect("support_office:events:roll", pk=event.pk)
    return _roll_page(request, event, material_form=form, status=400)


# --- The office: create, edit, move, registrations and attendance ------------------------


def _event_form_page(request: HttpRequest, event: Event | None) -> HttpResponse:
    form = EventForm(request.POST or None, instance=event)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.event_save(
                user=request.user,
                values=values_from(form, services.EventValues),
                event=event,
                lock_version=form.lock_version,
            )
        except EditConflict as conflict:
            status = keep_input_after_conflict(form, conflict)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("イベントを保存しました。"))
            return redirect(saved)
    return render(
        request,
        "support_office/events/event_form.html",
        {"form": form, "event": event},
        status=status if not form.errors or status != 200 else 400,
    )


@login_required
def event_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "events.manage_events")
    return _event_form_page(request, None)


@login_required
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "events.manage_events")
    return _event_form_page(request, _visible_event(request, pk))


@login_required
def event_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Publish, close or cancel (with its reason, told to everyone registered)."""
    require(request.user, "events.manage_events")
    event = _visible_event(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if action == "cancel":
        form = CancelEventForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("中止の理由を入力してください。"))
            return redirect(event)
    if asked := unless_move_confirmed(request, EVENT_WORKFLOW, event, action):
        return asked
    try:
        services.event_transition(
            event=event, action=action, user=request.user, comment=request.POST.get("comment", "")
        )
    except MoveNotAvailable as refusal:
        messages.error(request, str(refusal))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("「%(title)s」の状態を変えました。") % {"title": event.title})
    return redirect(event)


def _roll_page(request, event, *, material_form=None, status=200):
    registrations = event.registrations.select_related("user").order_by("status", "created_at")
    return render(
        request,
        "support_office/events/event_roll.html",
        {
            "event": event,
            "registrations": registrations,
            "taken": event.seats_taken(),
            "material_form": material_form or MaterialForm(),
            "materials": event.materials.all(),
            "started": timezone.now() >= event.starts_at,
        },
        status=status,
    )


@login_required
def event_roll(request: HttpRequest, pk: int) -> HttpResponse:
    """参加者名簿: who registered, who waits, and (after it starts) who came."""
    require(request.user, "events.manage_events")
    event = _visible_event(request, pk)
    if request.method == "POST":
        attended = {}
        for registration in event.registrations.filter(status=Registration.Status.CONFIRMED):
            value = request.POST.get(f"attended-{registration.pk}", "")
            if value in ("yes", "no"):
                attended[registration.pk] = value == "yes"
        try:
            services.attendance_record(event=event, user=request.user, attended=attended)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("出席を記録しました。"))
        return redirect(reverse("support_office:events:roll", args=[event.pk]))
    return _roll_page(request, event)
