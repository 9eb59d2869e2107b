"""The consultation log (相談記録): the office's private pages; everyone else is refused (403)."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_filters.views import FilterView
from rules.contrib.views import PermissionRequiredMixin

from kunitachi_kyodo.lists import ForgivingPaginationMixin
from kunitachi_kyodo.values import values_from
from kunitachi_kyodo.workflow import MoveNotAvailable
from organizations.permissions import require
from organizations.views.accounts import add_form_errors

from . import selectors, services
from .filters import ConsultationFilter
from .forms import ConsultationForm, FollowUpForm
from .models import Consultation
from .workflow import CONSULTATION_WORKFLOW


class ConsultationListView(ForgivingPaginationMixin, PermissionRequiredMixin, FilterView):
    permission_required = "consultations.view_consultation"
    filterset_class = ConsultationFilter
    template_name = "support_office/consultations/consultation_list.html"
    paginate_by = 30

    def get_queryset(self):
        return selectors.consultations_for(self.request.user)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "can_export": self.request.user.has_perm("consultations.export_consultations"),
        }


consultation_list = ConsultationListView.as_view()


def _consultation(request: HttpRequest, pk: int) -> Consultation:
    require(request.user, "consultations.view_consultation")
    try:
        return selectors.consultation_with_history(request.user, pk)
    except Consultation.DoesNotExist:
        raise Http404 from None


def _form_page(request: HttpRequest, consultation: Consultation | None) -> HttpResponse:
    form = ConsultationForm(request.POST or None, instance=consultation)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.consultation_save(
                user=request.user,
                values=values_from(form, services.ConsultationValues),
                consultation=consultation,
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("相談を記録しました。"))
            return redirect(saved)
    return render(
        request,
        "support_office/consultations/consultation_form.html",
        {"form": form, "consultation": consultation},
    )


@login_required
def consultation_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "consultations.log_consultation")
    return _form_page(request, None)


@login_required
def consultation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk)
    require(request.user, "consultations.log_consultation")
    return _form_page(request, consultation)


def _detail_page(request, consultation, follow_up_form=None, status=200) -> HttpResponse:
    return render(
        request,
        "support_office/consultations/consultation_detail.html",
        {
            "consultation": consultation,
            "follow_ups": consultation.follow_ups.all(),
            "follow_up_form": follow_up_form or FollowUpForm(),
            "moves": CONSULTATION_WORKFLOW.allowed(request.user, consultation),
            "timeline": [
                {
                    "created_at": change.created_at,
                    "label": f"{CONSULTATION_WORKFLOW.describe(change)}（{change.actor}）",
                    "reason": change.comment,
                    "is_public": False,
                }
                for change in consultation.status_changes.all()
            ],
        },
        status=status,
    )


@login_required
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, _consultation(request, pk))


@require_POST
@login_required
def follow_up_add(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk)
    require(request.user, "consultations.log_consultation")
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            services.follow_up_add(
                consultation=consultation,
                user=request.user,
                done_on=form.cleaned_data["done_on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("フォローアップを記録しました。"))
            return redirect(consultation)
    return _detail_page(request, consultation, follow_up_form=form, status=400)


@require_POST
@login_required
def consultation_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    consultation = _consultation(request, pk)
    try:
        services.consultation_transition(
            consultation=consultation,
            action=action,
            actor=request.user,
            comment=request.POST.get("comment", ""),
        )
    except MoveNotAvailable as refusal:
        messages.error(request, str(refusal))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("状態を変更しました。"))
    return redirect(consultation)


@login_required
def consultation_export(request: HttpRequest) -> HttpResponse:
    """The private log as CSV (UTF-8 with BOM, so Excel reads Japanese): the lead's only."""
    require(request.user, "consultations.export_consultations")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="consultations-{stamp}.csv"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(selectors.EXPORT_HEADER)
    writer.writerows(selectors.export_rows(request.user))
    return response
