from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, TemplateView, UpdateView
from django_filters.views import FilterView
from rules.contrib.views import PermissionRequiredMixin

from kunitachi_kyodo.concurrency import EditConflict, keep_input_after_conflict
from kunitachi_kyodo.timeline import labelled
from kunitachi_kyodo.workflow import MoveNotAvailable

from . import services
from .filters import OrganizationFilter, OrganizationReviewFilter
from .forms import InvitationForm, LoginForm, OrganizationForm, ProfileForm, RejectForm, SignUpForm
from .models import Invitation, Organization, OrganizationChange
from .workflow import ORGANIZATION_WORKFLOW


def add_form_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or on top of the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- Accounts ---------------------------------------------------------------


class SignUpView(FormView):
    template_name = "organizations/signup.html"
    form_class = SignUpForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("mypage")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        services.user_sign_up(
            email=form.cleaned_data["email"],
            full_name=form.cleaned_data["full_name"],
            full_name_kana=form.cleaned_data["full_name_kana"],
            password=form.cleaned_data["password1"],
        )
        self.request.session["signup_email"] = form.cleaned_data["email"]
        return redirect("organizations:signup_done")


class SignUpDoneView(TemplateView):
    template_name = "organizations/signup_done.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "email": self.request.session.get("signup_email"),
        }


def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    try:
        services.user_confirm_email(token=token)
    except ValidationError as error:
        return render(
            request, "organizations/confirm_email.html", {"error": error.messages[0]}, status=400
        )
    return render(request, "organizations/confirm_email.html", {"error": None})


class LoginView(auth_views.LoginView):
    template_name = "organizations/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "organizations/password_reset_form.html"
    email_template_name = "organizations/email/password_reset_body.txt"
    subject_template_name = "organizations/email/password_reset_subject.txt"
    success_url = reverse_lazy("organizations:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "organizations/password_reset_confirm.html"
    success_url = reverse_lazy("organizations:password_reset_complete")


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "organizations/password_change_form.html"
    success_url = reverse_lazy("mypage")

    def form_valid(self, form):
        messages.success(self.request, _("パスワードを変更しました。"))
        return super().form_valid(form)


@method_decorator(login_required, name="dispatch")
class ProfileView(UpdateView):
    template_name = "organizations/profile_form.html"
    form_class = ProfileForm
    success_url = reverse_lazy("mypage")

    def get_object(self, queryset=None):
        return self.request.user

    def form_valid(self, form):
        messages.success(self.request, _("プロフィールを更新しました。"))
        return super().form_valid(form)


# --- Directory and organization pages ---------------------------------------


class OrganizationDirectoryView(FilterView):
    """The public directory (団体一覧): verified, listed organizations only."""

    filterset_class = OrganizationFilter
    template_name = "organizations/organization_list.html"
    paginate_by = 20

    def get_queryset(self):
        return Organization.objects.public().for_listing()


class OrganizationDetailView(DetailView):
    template_name = "organizations/organization_detail.html"

    def get_queryset(self):
        # An organization the user may not see is a 404, not a 403: its existence is private too.
        return (
            Organization.objects.visible_to(self.request.user)
            .prefetch_related("fields", "districts")
            .annotate(member_total=Count("memberships", distinct=True))
        )

    def get_context_data(self, **kwargs):
        user, organization = self.request.user, self.object
        insider = user.has_perm("organizations.view_members", organization)
        return {
            **super().get_context_data(**kwargs),
            "can_edit": user.has_perm("organizations.edit_organization", organization),
            "can_view_members": insider,
            "latest_review": organization.status_changes.filter(action="reject").last()
            if insider
            else None,
            # A change not yet public is the organization's and the office's business only.
            "latest_change": organization.changes.first() if insider else None,
        }


def _visible_organization(request: HttpRequest, pk: int) -> Organization:
    return get_object_or_404(Organization.objects.visible_to(request.user), pk=pk)


@login_required
def organization_register(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("organizations.register_organization"):
        raise PermissionDenied
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organization = services.organization_register(user=request.user, form=form)
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
                user=request.user, form=form, lock_version=form.lock_version
            )
        except EditConflict as conflict:
            status = keep_input_after_conflict(form, conflict)
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
            "memberships": organization.memberships.select_related("user").order_by("role", "pk"),
            "invitations": organization.invitations.filter(accepted_at__isnull=True).select_related(
                "invited_by"
            ),
            "form": form,
            "can_invite": can_invite,
        },
    )


@login_required
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("organization"), token=token)
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
        return (
            Organization.objects.select_related("created_by")
            .prefetch_related(Prefetch("fields"))
            .order_by("created_at", "pk")
        )

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            # Changes to verified organizations' public identity wait here too, oldest first.
            "pending_changes": OrganizationChange.objects.pending()
            .select_related("organization", "requested_by")
            .order_by("requested_at", "pk"),
        }


@login_required
@permission_required("organizations.verify_organization", raise_exception=True)
def organization_review(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_object_or_404(
        Organization.objects.prefetch_related("fields", "districts"), pk=pk
    )
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
            "reviews": labelled(
                organization.status_changes.select_related("actor").order_by("-created_at", "-pk"),
                ORGANIZATION_WORKFLOW,
            ),
            "is_pending": organization.status == Organization.Status.PENDING,
            "pending_change": organization.changes.pending().first(),
            "change_reject_form": change_reject_form,
            "changes": organization.changes.exclude(
                status=OrganizationChange.Status.PENDING
            ).select_related("requested_by", "decided_by"),
        },
    )


def _decide_change(
    request: HttpRequest, organization: Organization, action: str, reject_form: RejectForm
) -> HttpResponse | None:
    """Accept or reject the change the office was shown (named by its id, as it may be replaced).

    None when the rejection's reason is missing: the page shows the form again with the error.
    """
    change_pk = request.POST.get("change", "")
    if not change_pk.isdigit():
        raise Http404
    change = get_object_or_404(organization.changes, pk=int(change_pk))
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
