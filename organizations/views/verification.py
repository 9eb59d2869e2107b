"""The support office's verification of registrations and of identity changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django_filters.views import FilterView
from rules.contrib.views import PermissionRequiredMixin

from kunitachi_kyodo.params import id_param
from kunitachi_kyodo.timeline import labelled
from kunitachi_kyodo.workflow import MoveNotAvailable
from organizations import selectors, services
from organizations.filters import OrganizationReviewFilter
from organizations.forms import (
    RejectForm,
)
from organizations.models import Organization
from organizations.views.accounts import add_form_errors
from organizations.workflow import ORGANIZATION_WORKFLOW

# --- Support office: verification of registrations ---------------------------


class OrganizationReviewQueueView(PermissionRequiredMixin, FilterView):
    permission_required = "organizations.verify_organization"
    filterset_class = OrganizationReviewFilter
    template_name = "organizations/review_queue.html"
    paginate_by = 30

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        if not self.request.GET:
            kwargs["data"] = {"status": Organization.Status.PENDING}
        return kwargs

    def get_queryset(self):
        return selectors.registrations_for_review()

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            # Changes to verified organizations' public identity wait here too, oldest first.
            "pending_changes": selectors.pending_changes(),
        }


@login_required
@permission_required("organizations.verify_organization", raise_exception=True)
def organization_review(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_object_or_404(selectors.organizations_with_fields(), pk=pk)
    action = request.POST.get("action")
    reject_form = RejectForm(request.POST if action == "reject" else None)
    change_reject_form = RejectForm(request.POST if action == "reject_change" else None)
    if request.method == "POST":
        try:
            if action in {"accept_change", "reject_change"}:
                decided = _decide_change(request, organization, action, change_reject_form)
                if decided is not None:
                    return decided
            if action == "verify":
                services.organization_verify(organization=organization, reviewer=request.user)
                messages.success(
                    request, _("「%(name)s」を確認済みにしました。") % {"name": organization.name}
                )
                return redirect("organizations:review_queue")
            if action == "reject" and reject_form.is_valid():
                services.organization_reject(
                    organization=organization,
                    reviewer=request.user,
                    reason=reject_form.cleaned_data["reason"],
                )
                messages.success(
                    request, _("「%(name)s」を差し戻しました。") % {"name": organization.name}
                )
                return redirect("organizations:review_queue")
        except MoveNotAvailable:
            messages.error(request, _("この団体はすでに確認済みか差し戻し済みです。"))
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                add_form_errors(
                    change_reject_form if action == "reject_change" else reject_form, error
                )
            else:
                messages.error(request, error.messages[0])
    return render(
        request,
        "organizations/review_detail.html",
        {
            "organization": organization,
            "reject_form": reject_form,
            "reviews": labelled(selectors.reviews_of(organization), ORGANIZATION_WORKFLOW),
            "is_pending": organization.status == Organization.Status.PENDING,
            "pending_change": organization.changes.pending().first(),
            "change_reject_form": change_reject_form,
            "changes": selectors.decided_changes_of(organization),
        },
    )


def _decide_change(
    request: HttpRequest, organization: Organization, action: str, reject_form: RejectForm
) -> HttpResponse | None:
    """Accept or reject the change the office was shown (named by its id, as it may be replaced).

    None when the rejection's reason is missing: the page shows the form again with the error.
    """
    change_pk = id_param(request.POST.get("change"))
    if change_pk is None:
        raise Http404
    change = get_object_or_404(organization.changes, pk=change_pk)
    if action == "accept_change":
        services.organization_change_accept(change=change, reviewer=request.user)
        messages.success(
            request,
            _("「%(name)s」の公開情報の変更を反映しました。")
            % {"name": change.proposed.get("name", organization.name)},
        )
        return redirect("organizations:review_queue")
    if not reject_form.is_valid():
        return None
    services.organization_change_reject(
        change=change, reviewer=request.user, reason=reject_form.cleaned_data["reason"]
    )
    messages.success(
        request,
        _("「%(name)s」の公開情報の変更を差し戻しました。") % {"name": organization.name},
    )
    return redirect("organizations:review_queue")
