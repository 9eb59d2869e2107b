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
        "SITE_URL": settings.SITE_URL.rstrip("/"),
        **context,
    }
    subject = render_to_string(f"{template_prefix}_subject.txt", context).strip()
    body = render_to_string(f"{template_prefix}_body.txt", context)
    send_email.enqueue(subject=f"[{settings.SITE_NAME}] {subject}", body=body, to=list(to))
