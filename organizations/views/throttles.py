"""Administrators see who the login throttle makes wait, and end a wait."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from organizations import login_throttle
from organizations.forms import LoginThrottleClearForm


@login_required
@permission_required("organizations.manage_login_throttles", raise_exception=True)
def login_throttles(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST" and "key" not in request.POST
    form = LoginThrottleClearForm(request.POST if posted else None)
    if request.method == "POST":
        if key := request.POST.get("key"):
            login_throttle.clear_key(key)
            messages.success(request, _("ログインの待ち時間を解除しました。"))
            return redirect("organizations:login_throttles")
        if form.is_valid():
            if account := form.cleaned_data["account"]:
                login_throttle.clear_account(account)
            if address := form.cleaned_data["address"]:
                login_throttle.clear_address(address)
            messages.success(request, _("ログインの待ち時間を解除しました。"))
            return redirect("organizations:login_throttles")
    return render(
        request,
        "organizations/login_throttles.html",
        {"throttles": login_throttle.current(), "form": form},
        status=400 if form.errors else 200,
    )
