"""The work queue of city staff and the support office."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organizations.permissions import require
from organizations.selectors import active_departments
from proposals.proposals import selectors, services
from proposals.proposals.filters import WorkQueueFilter
from proposals.proposals.forms import AssignDepartmentForm
from proposals.proposals.views.proposals import _paginate


@login_required
@permission_required("proposals.use_work_queue", raise_exception=True)
def work_queue(request: HttpRequest) -> HttpResponse:
    """Submitted and consulting proposals: a department's own; all, for those who assign them."""
    user = request.user
    can_assign = user.has_perm("proposals.assign_department")
    filterset = WorkQueueFilter(
        request.GET or None, queryset=selectors.work_queue(user, every_department=can_assign)
    )
    page = _paginate(request, filterset.qs, per_page=30)
    return render(
        request,
        "proposals/work_queue.html",
        {
            "filter": filterset,
            "page_obj": page,
            "object_list": page.object_list,
            "paginator": page.paginator,
            "can_assign": can_assign,
            # Evaluated once here, so the per-row department menus cost no query per row.
            "departments": list(active_departments()) if can_assign else [],
        },
    )


@require_POST
@login_required
def assign_department(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "proposals.assign_department")
    proposal = get_object_or_404(selectors.handled_proposals(), pk=pk)
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
