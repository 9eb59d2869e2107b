"""The work queue of city staff and the support office."""

import django_filters
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from organizations.filters import normalize_query
from organizations.models import Department

from .. import services
from ..forms.proposals import AssignDepartmentForm
from ..models import Call, Proposal
from .proposals import ProposalFilterBase, _paginate


class WorkQueueFilter(ProposalFilterBase):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("状態"),
        choices=[c for c in Proposal.Status.choices if c[0] != "draft"],
        empty_label=gettext_lazy("すべて"),
    )
    call = django_filters.ModelChoiceFilter(
        label=gettext_lazy("事業の提示"),
        queryset=Call.objects.all(),
        empty_label=gettext_lazy("すべて"),
    )
    department = django_filters.ModelChoiceFilter(
        label=gettext_lazy("担当課"),
        queryset=Department.objects.all(),
        empty_label=gettext_lazy("すべて"),
    )

    class Meta:
        model = Proposal
        fields = ["q", "status", "call", "department", "fiscal_year"]

    def filter_keyword(self, queryset, name, value):
        value = normalize_query(value)
        if not value:
            return queryset
        # Staff search the private text too.
        return queryset.filter(
            Q(title__icontains=value)
            | Q(public_summary__icontains=value)
            | Q(local_issue__icontains=value)
            | Q(organization__name__icontains=value)
            | Q(proposer__full_name__icontains=value)
        )


@login_required
@permission_required("proposals.use_work_queue", raise_exception=True)
def work_queue(request: HttpRequest) -> HttpResponse:
    queryset = (
        Proposal.objects.exclude(status=Proposal.Status.DRAFT)
        .for_listing()
        .order_by("-updated_at", "-pk")
    )
    filterset = WorkQueueFilter(request.GET or None, queryset=queryset)
    page = _paginate(request, filterset.qs, per_page=30)
    return render(
        request,
        "proposals/work_queue.html",
        {
            "filter": filterset,
            "page_obj": page,
            "object_list": page.object_list,
            "paginator": page.paginator,
            # Evaluated once here, so the per-row department menus cost no query per row.
            "departments": list(Department.objects.filter(is_active=True)),
        },
    )


@require_POST
@login_required
def assign_department(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("proposals.assign_department"):
        raise PermissionDenied
    proposal = get_object_or_404(Proposal.objects.exclude(status=Proposal.Status.DRAFT), pk=pk)
    form = AssignDepartmentForm(request.POST)
    if form.is_valid():
        services.proposal_assign_department(
            proposal=proposal, actor=request.user, department=form.cleaned_data["department"]
        )
        messages.success(
            request,
            _("担当課を「%(name)s」にしました。") % {"name": form.cleaned_data["department"].name},
        )
    else:
        messages.error(request, _("担当課を選んでください。"))
    return redirect(proposal)
