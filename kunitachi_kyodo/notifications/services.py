"""Tell people what happened: a notification on マイページ and an e-mail, after the commit."""

from django.db import transaction

from .mail import send_templated_mail
from .models import Notification


def notify(users, *, message: str, url: str, email_template: str, context: dict) -> None:
    """Record a notification for each user now; send their e-mails once the transaction commits."""
    users = {user.pk: user for user in users if user is not None and user.is_active}.values()
    Notification.objects.bulk_create(
        Notification(user=user, message=message, url=url) for user in users
    )
    recipients = sorted({user.email for user in users})
    if recipients:
        transaction.on_commit(
            lambda: send_templated_mail(
                email_template, {**context, "message": message, "url": url}, to=recipients
            )
        )
