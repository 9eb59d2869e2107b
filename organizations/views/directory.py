"""The public directory, organization pages, registration, editing, members and invitations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from kunitachi_kyodo.concurrency import EditConflict, keep_input_after_conflict
from kunitachi_kyodo.lists import ForgivingPaginationMixin
from kunitachi_kyodo.sections import sections_of
from kunitachi_kyodo.values import values_from
from organizations import selectors, services
from organizations.filters import OrganizationFilter
from organizations.forms import (
    InvitationForm,
    OrganizationForm,
)
from organizations.models import Organization
from organizations.views.accounts import add_form_errors

# --- Directory and organization pages ---------------------------------------


class OrganizationDirectoryView(ForgivingPaginationMixin, FilterView):
    """The public directory (団体一覧): verified, listed organizations only."""

    filterset_class = OrganizationFilter
    template_name = "organizations/organization_list.html"
    paginate_by = 20

    def get_queryset(self):
        return Organization.objects.public().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Narrowed to one activity field: that field's feed is the page's alternate.
        form = context["filter"].form
        context["field"] = form.cleaned_data.get("field") if form.is_valid() else None
        return context


class OrganizationDetailView(DetailView):
    template_name = "organizations/organization_detail.html"

    def get_queryset(self):
        # An organization the user may not see is a 404, not a 403: its existence is private too.
        return selectors.visible_organizations_for_page(self.request.user)

    def get_context_data(self, **kwargs):
        user, organization = self.request.user, self.object
        insider = user.has_perm("organizations.view_members", organization)
        return {
            **super().get_context_data(**kwargs),
            "can_edit": user.has_perm("organizations.edit_organization", organization),
            "can_view_members": insider,
            "latest_review": selectors.latest_rejection_of(organization) if insider else None,
            # A change not yet public is the organization's and the office's business only.
            "latest_change": organization.changes.first() if insider else None,
            # Its proposals and projects, added by the stages that hold them.
            **sections_of("organizations:detail", organization, user=user),
        }


def _visible_organization(request: HttpRequest, pk: int) -> Organization:
    return get_object_or_404(Organization.objects.visible_to(request.user), pk=pk)


@login_required
def organization_register(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("organizations.register_organization"):
        raise PermissionDenied
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organization = services.organization_register(
            user=request.user, values=values_from(form, services.OrganizationValues)
        )
        messages.success(
            request,
            _("団体を登録しました。支援室が内容を確認すると、団体一覧に公開されます。"),
        )
        return redirect(organization)
    return render(request, "organizations/organization_form.html", {"form": form, "is_new": True})


@login_required
def organization_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organization = _visible_organization(request, pk)
    if not request.user.has_perm("organizations.edit_organization", organization):
        raise PermissionDenied
    pending_change = organization.changes.pending().first()
    # The form shows what the members last asked for, so saving other fields keeps the request.
    form = OrganizationForm(
        request.POST or None,
        instance=organization,
        initial=pending_change.proposed if pending_change else None,
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        was_rejected = organization.status == Organization.Status.REJECTED
        try:
            organization = services.organization_update(
                organization=organization,
                user=request.user,
                values=values_from(form, services.OrganizationValues),
                lock_version=form.lock_version,
            )
        except EditConflict as conflict:
            status = keep_input_after_conflict(form, conflict)
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            if was_rejected:
                message = _("団体の情報を更新し、支援室に再確認を依頼しました。")
            elif organization.changes.pending().exists():
                message = _(
                    "団体の情報を保存しました。団体名などの公開情報の変更は支援室の確認待ちです。"
                    "確認が済むまで、これまでの内容が公開されます。"
                )
            else:
                message = _("団体の情報を更新しました。")
            messages.success(request, message)
            return redirect(organization)
    return render(
        request,
        "organizations/organization_form.html",
        {
            "form": form,
            "organization": organization,
            "is_new": False,
            "pending_change": pending_change,
            "identity_is_checked": organization.is_verified,
        },
        status=status,
    )


@login_required
def organization_members(request: HttpRequest, pk: int) -> HttpResponse:
    organization = _visible_organization(request, pk)
    if not request.user.has_perm("organizations.view_members", organization):
        raise PermissionDenied
    can_invite = request.user.has_perm("organizations.invite_member", organization)
    form = InvitationForm(request.POST or None) if can_invite else None
    if request.method == "POST":
        if not can_invite:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.membership_invite(
                    organization=organization,
                    inviter=request.user,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                )
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                messages.success(request, _("招待メールを送りました。"))
                return redirect("organizations:members", pk=organization.pk)
    return render(
        request,
        "organizations/members.html",
        {
            "organization": organization,
            "memberships": selectors.members_of(organization),
            "invitations": selectors.pending_invitations_of(organization),
            "form": form,
            "can_invite": can_invite,
        },
    )


@login_required
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(selectors.invitations_with_organization(), token=token)
    if invitation.email.lower() != request.user.email.lower():
        # Someone else's invitation: do not reveal which organization it is for.
        raise PermissionDenied
    error = None
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except ValidationError as exc:
            error = exc.messages[0]
        else:
            messages.success(
                request,
                _("「%(name)s」のメンバーになりました。") % {"name": invitation.organization.name},
            )
            return redirect("mypage")
    return render(
        request, "organizations/invitation_accept.html", {"invitation": invitation, "error": error}
    )
