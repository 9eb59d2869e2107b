"""Every model of the portal's apps has an admin page (or is edited inline in one), and its list opens."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from tests.conftest import client_for

PORTAL_APPS = ["organizations", "proposals"]
MODELS = [m for app in PORTAL_APPS for m in apps.get_app_config(app).get_models()]


INLINE_MODELS = {
    inline.model for model_admin in admin.site._registry.values() for inline in model_admin.inlines
}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_every_model_is_in_the_admin(model):
    assert admin.site.is_registered(model) or model in INLINE_MODELS, (
        f"add {model._meta.label} to the admin"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model", [m for m in MODELS if admin.site.is_registered(m)], ids=lambda m: m._meta.label
)
def test_admin_list_and_search_open(model, users):
    client = client_for(users["admin"])
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert client.get(url).status_code == 200
    assert client.get(url, {"q": "国立"}).status_code == 200
