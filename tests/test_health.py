"""The liveness check (/healthz/): the load balancer's probe and the benchmark's baseline."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_health_answers_without_reading_a_table(client, django_assert_num_queries):
    # The benchmark compares every page with this one: it must cost the framework alone.
    with django_assert_num_queries(0):
        response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "稼働中" in response.content.decode()
