"""E-mail from templates: a subject file and a body file per message, sent as a task."""

from django.conf import settings
from django.template.loader import render_to_string

from .tasks import send_email


def send_templated_mail(template_prefix: str, context: dict, *, to: list[str]) -> None:
    """Render now (the data is at hand), send from the task queue (no SMTP wait in the request)."""
    if not to:
        return
    context = {
        "SITE_NAME": settings.SITE_NAME,
        "SUPPORT_OFFICE_NAME": settings.SUPPORT_OFFICE_NAME,
        "SITE_URL": settings.SITE_URL.rstrip("/"),
        **context,
    }
    # A subject is one line: a title typed with a line break must not break (or forge) headers.
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_body.txt", context)
    send_email.enqueue(subject=f"[{settings.SITE_NAME}] {subject}", body=body, to=list(to))
