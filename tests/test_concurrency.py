"""The one optimistic lock every edit form uses (kunitachi_kyodo/concurrency.py)."""

import pytest
from django.db import transaction

from kunitachi_kyodo.concurrency import EditConflict, lock_for_edit
from organizations.models import Organization
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_a_save_from_the_stored_version_counts_even_if_the_caller_writes_nothing_else():
    organization = OrganizationFactory()
    with transaction.atomic():
        current = lock_for_edit(organization, lock_version=1)
    assert current.lock_version == 2
    assert organization.lock_version == 2
    assert Organization.objects.get(pk=organization.pk).lock_version == 2


@pytest.mark.parametrize("lock_version", [None, 0, 2])
def test_a_save_from_another_or_no_version_is_refused_and_counts_nothing(lock_version):
    organization = OrganizationFactory()
    with pytest.raises(EditConflict, match="別の方がこの内容を保存しました"), transaction.atomic():
        lock_for_edit(organization, lock_version=lock_version)
    assert Organization.objects.get(pk=organization.pk).lock_version == 1
