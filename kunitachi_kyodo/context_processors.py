from functools import partial

from django.conf import settings

from kunitachi_kyodo.worklist import task_count_of


def portal(request):
    """The portal's name, which staff menus the signed-in person may open, and what waits for them."""
    user = request.user
    staff_menu = {
        "can_verify": user.has_perm("organizations.verify_organization"),
        "can_use_queue": user.has_perm("proposals.use_work_queue"),
        "can_manage_calls": user.has_perm("proposals.view_call_draft"),
        "can_answer_questions": user.has_perm("proposals.use_question_queue"),
        "can_manage_review": user.has_perm("proposals.manage_review"),
        "can_manage_projects": user.has_perm("proposals.manage_projects"),
        "can_run_surveys": user.has_perm("surveys.manage_survey"),
    }
    return {
        "SITE_NAME": settings.SITE_NAME,
        "CITY_NAME": settings.CITY_NAME,
        "SUPPORT_OFFICE_NAME": settings.SUPPORT_OFFICE_NAME,
        "SUPPORT_OFFICE_CONTACT": settings.SUPPORT_OFFICE_CONTACT,
        "CITY_LOGO_URL": settings.CITY_LOGO_URL,
        "staff_menu": staff_menu,
        "nav_is_staff": any(staff_menu.values()),
        # A callable, so the template computes it only where it shows it (the header), once per
        # request: a feed or a file download pays nothing, an anonymous visitor no query.
        "waiting_task_count": partial(task_count_of, request),
    }
