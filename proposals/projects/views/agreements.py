"""The agreement (協定書) of a collaboration project: editing, confirming, new versions, the PDF."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kunitachi_kyodo.concurrency import EditConflict, keep_input_after_conflict
from kunitachi_kyodo.confirm import unless_confirmed
from kunitachi_kyodo.params import id_param
from kunitachi_kyodo.pdf import pdf_response
from kunitachi_kyodo.punctuation import join_list
from kunitachi_kyodo.values import rows_from, values_from
from organizations.views import add_form_errors
from proposals.projects import selectors, services, workflow
from proposals.projects.forms import (
    AgreementForm,
    AgreementRoleShareFormSet,
    IndicatorFormSet,
    NewVersionForm,
)

# Evaluations are written while the work runs and after it (the service says the same).
from proposals.projects.views.projects import _party_roles, _project, _years_label

# --- The agreement ----------------------------------------------------------------------------


def _agreement_formsets(request, agreement, bind: bool):
    data = request.POST if bind else None
    return (
        IndicatorFormSet(data, instance=agreement, prefix="indicators"),
        AgreementRoleShareFormSet(data, instance=agreement, prefix="roles"),
    )


def _agreement_page(request, project, roles, *, form=None, formsets=None, status=200):
    agreement = selectors.latest_agreement(project)
    if agreement is None:
        raise Http404
    # A finished project's agreement is only read: no version is written, confirmed or added.
    frozen = project.is_finished
    editable = not agreement.is_locked and not frozen
    if editable and form is None:
        form = AgreementForm(instance=agreement)
        formsets = _agreement_formsets(request, agreement, bind=False)
    department, partner = workflow.DEPARTMENT in roles, workflow.PARTNER in roles
    can_confirm = not frozen and (
        (department and agreement.department_confirmed_at is None)
        or (partner and agreement.partner_confirmed_at is None)
    )
    return render(
        request,
        "projects/agreement_form.html",
        {
            "project": project,
            "agreement": agreement,
            "form": form if editable else None,
            "indicator_formset": formsets[0] if editable else None,
            # Rows' errors are listed at the top too, each with its table and row.
            "error_formsets": [
                (formsets[0], _("成果目標・活動指標")),
                (formsets[1], _("役割分担表")),
            ]
            if editable
            else [],
            "role_formset": formsets[1] if editable else None,
            "frozen": frozen,
            "missing": [] if frozen else services.agreement_missing(agreement),
            "can_confirm": can_confirm,
            # The department's side is taken first when someone holds both roles.
            "confirm_as": _("担当課として")
            if (department and agreement.department_confirmed_at is None)
            else _("相手方として"),
            "version_form": NewVersionForm() if agreement.is_locked and not frozen else None,
            "confirmed": selectors.confirmed_agreement(project),
        },
        status=status,
    )


@login_required
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The agreement's working page for both sides: edit a draft, confirm it, or revise it."""
    project = _project(pk)
    roles = _party_roles(request.user, project)
    agreement = project.current_agreement()
    if agreement is None:
        raise Http404
    if request.method != "POST":
        return _agreement_page(request, project, roles)
    if project.is_finished:
        return _agreement_page(request, project, roles, status=409)  # the page says why
    if agreement.is_locked:
        messages.error(
            request,
            _(
                "確認済みの協定書は、その版のままでは変更できません。「新しい版を作る」から改定してください。"
            ),
        )
        return _agreement_page(request, project, roles, status=409)
    form = AgreementForm(request.POST, instance=agreement)
    formsets = _agreement_formsets(request, agreement, bind=True)
    if form.is_valid() and all(f.is_valid() for f in formsets):
        try:
            services.agreement_save(
                agreement=agreement,
                user=request.user,
                values=values_from(
                    form,
                    services.AgreementValues,
                    indicators=rows_from(formsets[0], services.IndicatorRow),
                    role_shares=rows_from(formsets[1], services.AgreementRoleRow),
                ),
                lock_version=form.lock_version,
            )
        except EditConflict as conflict:
            status = keep_input_after_conflict(form, conflict)
            return _agreement_page(
                request, project, roles, form=form, formsets=formsets, status=status
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):  # about a field: said next to it, input kept
                add_form_errors(form, error)
                return _agreement_page(request, project, roles, form=form, formsets=formsets)
            for message in error.messages:
                messages.error(request, message)
            return _agreement_page(request, project, roles, status=409)
        messages.success(request, _("協定書（案）を保存しました。"))
        return redirect("projects:agreement_edit", pk=project.pk)
    return _agreement_page(request, project, roles, form=form, formsets=formsets)


@require_POST
@login_required
def agreement_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(pk)
    _party_roles(request.user, project)
    agreement = project.current_agreement()
    if agreement is None:
        raise Http404
    # Asked only when the confirmation can go through (else the service says why not).
    can_confirm = not (
        project.is_finished or agreement.is_confirmed or services.agreement_missing(agreement)
    )
    if can_confirm and (
        asked := unless_confirmed(
            request,
            title=_("協定書を確認する"),
            consequence=_(
                "確認すると、この版の協定書はどちらの側も変更できなくなります"
                "（変えるときは新しい版を作ります）。双方の確認がそろうと、協定書は公開されます。"
            ),
            confirm_label=_("協定書を確認する"),
            cancel_url=reverse("projects:agreement_edit", args=[project.pk]),
        )
    ):
        return asked
    try:
        services.agreement_confirm(agreement=agreement, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        agreement.refresh_from_db()
        if agreement.is_confirmed:
            messages.success(request, _("協定書を確認しました。双方の確認がそろいました。"))
        else:
            messages.success(request, _("協定書を確認しました。もう一方の確認を待っています。"))
    return redirect("projects:agreement_edit", pk=project.pk)


@require_POST
@login_required
def agreement_new_version(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(pk)
    _party_roles(request.user, project)
    form = NewVersionForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        agreement = services.agreement_new_version(
            project=project, user=request.user, reason=reason
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("協定書の第%(version)s版を作りました。内容を直して、双方で確認してください。")
            % {"version": agreement.version},
        )
    return redirect("projects:agreement_edit", pk=project.pk)


def agreement_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The agreement as a PDF: public once both sides confirmed it; drafts (「案」) for the parties."""
    project = get_object_or_404(selectors.projects_for_agreement_pdf(), pk=pk)
    is_party = bool(workflow.project_roles_of(request.user, project))
    version = request.GET.get("version", "")
    agreement = selectors.agreement_for_pdf(project, version=id_param(version), is_party=is_party)
    if agreement is None or not (agreement.is_confirmed or is_party):
        raise Http404
    partners = list(project.partners.all())
    return pdf_response(
        request,
        "projects/agreement_pdf.html",
        {
            "project": project,
            "agreement": agreement,
            "city": settings.CITY_NAME,
            "site": settings.SITE_NAME,
            "partners": partners,
            "partner_names": join_list(p.name for p in partners),
            "is_draft": not agreement.is_confirmed,
            "years": _years_label(project),
        },
        filename="協定書.pdf",
        # A confirmed agreement is public; a draft is the parties' own.
        private=not agreement.is_confirmed,
        # A confirmed version no longer changes: made once and kept (a draft still changes).
        store_as=f"agreements/{project.pk}/{agreement.pk}" if agreement.is_confirmed else None,
    )
