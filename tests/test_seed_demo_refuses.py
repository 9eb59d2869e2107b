"""`manage.py seed_demo` refuses to write demo data into a portal that runs with DEBUG off."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from organizations.models import User

pytestmark = pytest.mark.django_db


def test_refuses_to_run_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.filter(email="admin@example.jp").exists()
