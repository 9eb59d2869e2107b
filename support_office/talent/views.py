"""人材バンク: the search (verified organizations and the office), an entry as each viewer may
see it, one's own entry (register, change, renew, export, delete) and the office's review."""

import csv
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView
from django_filters.views import FilterView
from rules.contrib.views import PermissionRequiredMixin

from kunitachi_kyodo.confirm import unless_confirmed
from kunitachi_kyodo.lists import ForgivingPaginationMixin
from kunitachi_kyodo.values import values_from
from organizations.permissions import require
from organizations.views.accounts import add_form_errors

from . import selectors, services
from .filters import TalentFilter
from .forms import ContactForm, RenewForm, ReviewForm, TalentEntryForm
from .models import CONSENT_FIELDS, Consent, TalentEntry
from .workflow import TALENT_WORKFLOW


class TalentSearchView(PermissionRequiredMixin, ForgivingPaginationMixin, FilterView):
    """The search: each row only with the fields its person let this viewer see."""

    permission_required = "talent.search"
    filterset_class = TalentFilter
    template_name = "support_office/talent/search.html"
    paginate_by = 20

    def get_queryset(self):
        # Unfiltered, the selector's entries; a filter asks the selector again with its values.
        return selectors.entries_for(self.request.user, today=timezone.localdate())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["rows"] = selectors.visible_rows(context["object_list"], user)
        context["labels"] = CONSENT_FIELDS
        return context


talent_search = TalentSearchView.as_view()


def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, pk, ContactForm())


def _visible(request: HttpRequest, pk: int) -> TalentEntry:
    entry = selectors.visible_entry(request.user, pk, today=timezone.localdate())
    if entry is None:
        raise Http404
    return entry


def _detail_page(request: HttpRequest, pk: int, form: ContactForm, status=200) -> HttpResponse:
    entry = _visible(request, pk)
    user = request.user
    can_contact = (
        user.is_authenticated
        and user.has_perm("talent.contact")
        and entry.user_id != user.pk
        and entry.status == TalentEntry.Status.APPROVED
    )
    return render(
        request,
        "support_office/talent/entry_detail.html",
        {
            "entry": selectors.visible_fields(entry, user),
            "labels": CONSENT_FIELDS,
            "can_contact": can_contact,
            "form": form,
            "is_office": user.has_perm("talent.review"),
            "status": entry.get_status_display(),
            "moves": TALENT_WORKFLOW.allowed(user, entry) if user.has_perm("talent.review") else [],
            "review_form": ReviewForm(),
        },
        status=status,
    )


@login_required
def entry_contact(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "talent.contact")
    _visible(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            services.entry_contact(
                entry_pk=pk,
                sender=request.user,
                body=form.cleaned_data["body"],
                today=timezone.localdate(),
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("メッセージを送りました。返信はメールで届きます。"))
            return redirect("support_office:talent:entry_detail", pk)
    return _detail_page(request, pk, form, status=400)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """One's own entry: every field, who may see each, the history of consents, what to do."""
    entry = selectors.entry_of(request.user)
    context = {"entry": entry}
    if entry is not None:
        visible = selectors.visible_fields(entry, request.user)
        consent_labels = dict(Consent.choices)
        texts = {name: text for name, _label, text in visible.rows}
        context.update(
            visible=visible,
            consent_rows=[
                {
                    "label": label,
                    "text": visible.title if name == "display_name" else texts.get(name, ""),
                    "consent": consent_labels[entry.consent_for(name)],
                }
                for name, label in CONSENT_FIELDS.items()
            ],
            history=entry.consent_changes.all(),
            refusal=entry.status_changes.filter(action="refuse")
            .values_list("comment", flat=True)
            .last()
            if entry.status == TalentEntry.Status.REFUSED
            else "",
        )
    return render(request, "support_office/talent/mine.html", context)


@login_required
def entry_edit(request: HttpRequest) -> HttpResponse:
    """Register, or change one's entry (the form asks the consent of every field)."""
    entry = selectors.entry_of(request.user)
    require(request.user, "talent.manage_own" if entry else "talent.register", entry)
    form = TalentEntryForm(
        request.POST if request.method == "POST" else None, instance=entry or TalentEntry()
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            values = values_from(form, services.TalentValues)
            try:
                if entry is None:
                    services.entry_register(
                        user=request.user,
                        values=values,
                        consent=form.consent,
                        today=timezone.localdate(),
                    )
                else:
                    services.entry_update(
                        entry=entry, user=request.user, values=values, consent=form.consent
                    )
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                messages.success(
                    request,
                    _("登録を保存しました。支援室が内容を確認してから掲載します。")
                    if entry is None
                    else _("登録を保存しました。"),
                )
                return redirect("support_office:talent:mine")
    return render(
        request,
        "support_office/talent/entry_form.html",
        {
            "form": form,
            "is_new": entry is None,
            "entry_fields": [form[name] for name in TalentEntryForm.Meta.fields],
            "consent_fields": form.consent_fields(),
        },
        status=status,
    )


def _own_entry(request: HttpRequest) -> TalentEntry:
    entry = selectors.entry_of(request.user)
    if entry is None:
        raise Http404
    require(request.user, "talent.manage_own", entry)
    return entry


@login_required
def entry_renew(request: HttpRequest) -> HttpResponse:
    entry = _own_entry(request)
    form = RenewForm(request.POST if request.method == "POST" else None, consent=entry.consent)
    if request.method == "POST" and form.is_valid():
        services.entry_renew(
            entry=entry, user=request.user, consent=form.consent, today=timezone.localdate()
        )
        messages.success(request, _("登録を更新しました。"))
        return redirect("support_office:talent:mine")
    return render(
        request,
        "support_office/talent/renew.html",
        {"form": form, "entry": entry},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def export_json(request: HttpRequest) -> HttpResponse:
    entry = _own_entry(request)
    response = HttpResponse(
        json.dumps(selectors.export_of(entry), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="talent-entry.json"'
    return response


@login_required
def export_csv(request: HttpRequest) -> HttpResponse:
    entry = _own_entry(request)
    data = selectors.export_of(entry)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="talent-entry.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 only with the byte order mark
    writer = csv.writer(response)
    writer.writerow(["item", "value", "consent"])
    for name in CONSENT_FIELDS:
        value = data[name]
        writer.writerow(
            [name, "、".join(value) if isinstance(value, list) else value, data["consent"][name]]
        )
    for name in ("status", "expires_on", "created_at"):
        writer.writerow([name, data[name], ""])
    return response


@login_required
def entry_delete(request: HttpRequest) -> HttpResponse:
    entry = _own_entry(request)
    if request.method != "POST":
        return render(request, "support_office/talent/delete.html", {"entry": entry})
    if asked := unless_confirmed(
        request,
        title=_("人材バンクの登録を削除する"),
        consequence=_("登録内容・公開範囲の記録・届いた連絡がすべて削除され、元に戻せません。"),
        confirm_label=_("削除する"),
        cancel_url=reverse("support_office:talent:mine"),
    ):
        return asked
    services.entry_delete(entry=entry, user=request.user)
    messages.success(request, _("人材バンクの登録を削除しました。"))
    return redirect("support_office:home")


class ReviewQueueView(PermissionRequiredMixin, ForgivingPaginationMixin, ListView):
    permission_required = "talent.review"
    template_name = "support_office/talent/review_queue.html"
    paginate_by = 30

    def get_queryset(self):
        return selectors.waiting_review()


review_queue = ReviewQueueView.as_view()


@require_POST
@login_required
def entry_review(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    require(request.user, "talent.review")
    entry = get_object_or_404(TalentEntry, pk=pk)
    form = ReviewForm(request.POST)
    form.is_valid()
    try:
        services.entry_review(
            entry=entry,
            user=request.user,
            action=action,
            comment=form.cleaned_data.get("comment", ""),
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("「%(name)s」の登録を確認しました。") % {"name": entry.display_name}
        )
    return redirect("support_office:talent:entry_detail", pk)
