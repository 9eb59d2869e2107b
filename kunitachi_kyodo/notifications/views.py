from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST


@require_POST
@login_required
def mark_read(request: HttpRequest) -> HttpResponse:
    request.user.notifications.unread().update(read_at=timezone.now())
    messages.success(request, _("お知らせをすべて既読にしました。"))
    return redirect("mypage")
