"""Who may do what with events: named predicates on the portal's one vocabulary."""

import rules
from django.utils.translation import gettext_lazy as _

from organizations.permissions import is_city_staff, is_support_staff, predicate

from .models import Event, Registration


@predicate(_("この研修は市職員だけが見られます。"))
def is_for_everyone(user, event) -> bool:
    return event is None or not event.is_staff_only


@predicate(_("この研修は市職員だけが申し込めます。"))
def may_attend_staff_event(user, event) -> bool:
    return (
        event is None
        or not event.is_staff_only
        or (user.is_authenticated and (user.is_city_staff or user.is_superuser))
    )


@predicate(_("この資料は、参加が確定した方だけが見られます。"))
def is_confirmed_participant(user, material) -> bool:
    if not user.is_authenticated or material is None:
        return False
    return Registration.objects.filter(
        event_id=material.event_id, user=user, status=Registration.Status.CONFIRMED
    ).exists()


@predicate(_("この資料は公開されていません。"))
def is_public_material(user, material) -> bool:
    return material is not None and material.is_public


runs_events = is_support_staff.because(_("支援室スタッフだけが行えます。"), name="runs_events")

# Seeing an event: everyone sees the public ones; staff training needs city staff (or the office).
sees_event = is_for_everyone | is_city_staff | is_support_staff
# Registering: anyone, a guest too (the service checks dates and seats); staff kinds: staff.
registers_for_event = may_attend_staff_event | is_support_staff

rules.add_perm("events.view_event", sees_event)
rules.add_perm("events.register", registers_for_event)
rules.add_perm("events.manage_events", runs_events)
rules.add_perm(
    "events.download_material", is_public_material | is_confirmed_participant | is_support_staff
)

__all__ = ["Event", "runs_events"]
