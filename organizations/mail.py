"""E-mail from templates: a subject file and a body file per message."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string


def send_templated_mail(template_prefix: str, context: dict, *, to: list[str]) -> None:
    if not to:
        return
    context = {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL.rstrip("/"),
        **context,
    }
    subject = render_to_string(f"{template_prefix}_subject.txt", context).strip()
    body = render_to_string(f"{template_prefix}_body.txt", context)
    send_mail(f"[{settings.SITE_NAME}] {subject}", body, settings.DEFAULT_FROM_EMAIL, to)
