"""Work done outside the request: sending e-mail (run by `manage.py db_worker`)."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django_tasks import task


@task()
def send_email(*, subject: str, body: str, to: list[str]) -> None:
    """One message per address, over one connection: no recipient sees who else was told."""
    send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in to])
