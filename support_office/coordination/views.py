"""コーディネート: the public board, a request's page (responses for its poster and the office,
suggested matches), posting, and the office's management."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django_filters.views import FilterView
from rules.contrib.views import PermissionRequiredMixin

from kunitachi_kyodo.feeds import EntriesFeed
from kunitachi_kyodo.lists import ForgivingPaginationMixin
from kunitachi_kyodo.values import values_from
from kunitachi_kyodo.workflow import MoveNotAvailable
from organizations.permissions import require
from organizations.views.accounts import add_form_errors

from . import selectors, services
from .filters import BoardFilter, OfficeFilter
from .forms import MoveForm, RequestForm, ResponseForm
from .models import CoordinationRequest
from .workflow import REQUEST_WORKFLOW


class BoardView(ForgivingPaginationMixin, FilterView):
    """The public board: requests the office published, newest first."""

    filterset_class = BoardFilter
    template_name = "support_office/coordination/board.html"
    paginate_by = 20

    def get_queryset(self):
        return selectors.board()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_post"] = self.request.user.has_perm("coordination.post_request")
        return context


board = BoardView.as_view()


def _visible(request: HttpRequest, pk: int) -> CoordinationRequest:
    found = selectors.visible_request(request.user, pk)
    if found is None:
        raise Http404
    return found


def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, _visible(request, pk))


def _detail_page(
    request: HttpRequest,
    item: CoordinationRequest,
    *,
    response_form: ResponseForm | None = None,
    move_form: MoveForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    sees_responses = user.is_authenticated and user.has_perm("coordination.view_responses", item)
    is_office = user.is_authenticated and user.has_perm("coordination.manage")
    responded = selectors.has_responded(item, user)
    return render(
        request,
        "support_office/coordination/request_detail.html",
        {
            "item": item,
            "proposal": selectors.linked_proposal(item),
            "responses": selectors.responses_of(item) if sees_responses else None,
            "can_respond": user.is_authenticated
            and not responded
            and user.has_perm("coordination.respond", item),
            "responded": responded,
            "login_to_respond": not user.is_authenticated
            and item.status == CoordinationRequest.Status.PUBLISHED,
            "response_form": response_form or ResponseForm(),
            "can_edit": user.is_authenticated and user.has_perm("coordination.edit_request", item),
            "moves": [
                (
                    move,
                    move_form
                    if move_form is not None and move_form.action == move.action
                    else MoveForm(request=item, auto_id=f"id_{move.action}_%s"),
                )
                for move in REQUEST_WORKFLOW.allowed(user, item)
            ],
            "is_office": is_office,
            "suggestions": selectors.suggestions_for(item, user, today=timezone.localdate())
            if sees_responses
            else [],
            "timeline": [
                (change, REQUEST_WORKFLOW.describe(change))
                for change in selectors.timeline_of(item, private=sees_responses)
            ],
            "show_private": sees_responses,
        },
        status=status,
    )


def _form_page(request: HttpRequest, item: CoordinationRequest | None) -> HttpResponse:
    form = RequestForm(
        request.POST if request.method == "POST" else None, instance=item, user=request.user
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                saved = services.request_save(
                    user=request.user,
                    values=values_from(form, services.RequestValues),
                    request=item,
                )
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                messages.success(
                    request,
                    _("依頼を保存しました。内容を確かめて、支援室に確認を依頼してください。")
                    if saved.status == CoordinationRequest.Status.DRAFT
                    else _("依頼を保存しました。"),
                )
                return redirect(saved)
    return render(
        request,
        "support_office/coordination/request_form.html",
        {"form": form, "item": item},
        status=status,
    )


@login_required
def request_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "coordination.post_request")
    return _form_page(request, None)


@login_required
def request_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _visible(request, pk)
    require(request.user, "coordination.edit_request", item)
    return _form_page(request, item)


@login_required
def request_respond(request: HttpRequest, pk: int) -> HttpResponse:
    item = _visible(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    require(request.user, "coordination.respond", item)
    form = ResponseForm(request.POST)
    if form.is_valid():
        try:
            services.request_respond(
                request=item,
                user=request.user,
                message=form.cleaned_data["message"],
                contact=form.cleaned_data["contact"],
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request, _("応答を送りました。投稿者と支援室から、ポータルを通じて連絡があります。")
            )
            return redirect(item)
    return _detail_page(request, item, response_form=form, status=400)


@login_required
def request_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    item = _visible(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not any(t.action == action for t in REQUEST_WORKFLOW.allowed(request.user, item)):
        raise PermissionDenied(_("この操作を行う権限がありません。"))
    form = MoveForm(request.POST, request=item, auto_id=f"id_{action}_%s")
    form.action = action
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.request_transition(
                request=item,
                action=action,
                actor=request.user,
                comment=data["comment"],
                response=data.get("response"),
                proposal=data.get("proposal"),
                project=data.get("project"),
            )
        except MoveNotAvailable as refusal:
            messages.error(request, str(refusal))
        except ValidationError as error:
            add_form_errors(form, error)
            return _detail_page(request, item, move_form=form, status=400)
        else:
            messages.success(request, _("「%(title)s」を更新しました。") % {"title": item.title})
            return redirect(item)
    else:
        return _detail_page(request, item, move_form=form, status=400)
    return redirect(item)


class OfficeListView(PermissionRequiredMixin, ForgivingPaginationMixin, FilterView):
    """Every request, drafts included, with its responses counted: the office's screen."""

    permission_required = "coordination.manage"
    filterset_class = OfficeFilter
    template_name = "support_office/coordination/office_list.html"
    paginate_by = 30

    def get_queryset(self):
        return selectors.for_office()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["awaiting_review"] = selectors.awaiting_review().count()
        context["awaiting_outcome"] = selectors.awaiting_outcome().count()
        return context


office_list = OfficeListView.as_view()


class BoardFeed(EntriesFeed):
    """Atom feed of requests as they are published on the board."""

    slugs = ("coordination",)
    link = reverse_lazy("support_office:coordination:board")

    def title(self):
        return _("%(site)s コーディネート掲示板") % {"site": settings.SITE_NAME}

    def subtitle(self):
        return _("協働の相手・ボランティア・会場・専門知識を探す依頼、提供の申し出の新着です。")
