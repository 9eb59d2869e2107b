"""Irreversible acts are confirmed first, saying what cannot be undone.

The act's form posts as usual; its view calls `unless_confirmed` first. Without the
confirmation field the answer is a page that says what will happen and what cannot be
undone, and posts the same fields again with the confirmation (so it works without
JavaScript, and a second click never acts twice without being asked). An act made of a
workflow move says its consequence in the table (`Transition.irreversible`).
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CONFIRM_FIELD = "confirmed"
CONFIRMED = "yes"


def is_confirmed(request: HttpRequest) -> bool:
    return request.POST.get(CONFIRM_FIELD) == CONFIRMED


def unless_confirmed(
    request: HttpRequest,
    *,
    title: str,
    consequence: str,
    confirm_label: str,
    cancel_url: str,
) -> HttpResponse | None:
    """None when the person confirmed; otherwise the page that asks them to."""
    if is_confirmed(request):
        return None
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", CONFIRM_FIELD)
        for value in values
    ]
    return render(
        request,
        "components/confirm.html",
        {
            "title": title,
            "consequence": consequence,
            "confirm_label": confirm_label,
            "cancel_url": cancel_url,
            "fields": fields,
            "confirm_field": CONFIRM_FIELD,
            "confirmed": CONFIRMED,
        },
    )


def unless_move_confirmed(
    request: HttpRequest, workflow, obj, action: str, *, cancel_url: str = "", **extra
) -> HttpResponse | None:
    """Ask first when the table marks this move irreversible and it would go through now.

    A move that would be refused is not asked about: the service refuses it with its reason.
    `extra` is what the view passes to the move (e.g. close_incomplete).
    """
    transition = workflow.transition_for(getattr(obj, workflow.state_field), action)
    if transition is None or not transition.irreversible:
        return None
    comment = request.POST.get("comment", "")
    if not workflow.would_go(obj, action=action, actor=request.user, comment=comment, **extra):
        return None
    return unless_confirmed(
        request,
        title=str(transition.label),
        consequence=str(transition.irreversible),
        confirm_label=str(transition.label),
        cancel_url=cancel_url or obj.get_absolute_url(),
    )
