"""E-mail leaves through the real task queue: the database backend stores it, the worker sends it."""

import pytest
from django.core import mail
from django.core.management import call_command

from kunitachi_kyodo.notifications.mail import send_templated_mail
from organizations.models import User

pytestmark = pytest.mark.django_db(transaction=True)


def test_queued_mail_is_sent_by_the_database_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    user = User(full_name="国立 花子", email="hanako@example.jp")
    send_templated_mail(
        "organizations/email/confirm_email",
        {"user": user, "token": "abc"},
        to=["hanako@example.jp"],
    )
    assert DBTaskResult.objects.count() == 1
    assert mail.outbox == []  # queued, not sent inside the request

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert [m.to for m in mail.outbox] == [["hanako@example.jp"]]
    assert "国立 花子" in mail.outbox[0].body
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
