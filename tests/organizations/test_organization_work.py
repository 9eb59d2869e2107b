"""An organization's page lists its proposals and projects; a member sees their projects.

Finding: an organization's page did not list its proposals and projects.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ProjectFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def page(client, organization):
    return client.get(reverse("organizations:detail", args=[organization.pk])).content.decode()


def test_the_organization_page_lists_its_submitted_proposals_and_its_projects(
    as_persona, organization, other_organization
):
    ProposalFactory(organization=organization, title="子ども食堂の食材バンク", submitted=True)
    ProposalFactory(organization=organization, title="まだ下書きの提案")
    ProposalFactory(organization=other_organization, title="他団体の提案", submitted=True)
    ProjectFactory(partners=[organization], title="夏休みランチ会の共催")
    body = page(as_persona("anonymous"), organization)
    assert "子ども食堂の食材バンク" in body and "夏休みランチ会の共催" in body
    assert "まだ下書きの提案" not in body  # a draft is its proposer's business
    assert "他団体の提案" not in body


def test_the_organization_page_queries_do_not_grow_with_its_rows(
    client, organization, django_assert_max_num_queries
):
    ProposalFactory(organization=organization, submitted=True)
    ProjectFactory(partners=[organization])
    with CaptureQueriesContext(connection) as few:
        page(client, organization)
    for _ in range(5):
        ProposalFactory(organization=organization, submitted=True)
        ProjectFactory(partners=[organization])
    with django_assert_max_num_queries(len(few)):
        page(client, organization)


def test_a_member_sees_the_projects_of_their_organizations_on_mypage(
    as_persona, organization, other_organization
):
    ProjectFactory(partners=[organization], title="夏休みランチ会の共催")
    ProjectFactory(partners=[other_organization], title="他団体の事業")
    body = as_persona("member").get(reverse("mypage")).content.decode()
    assert "わたしの協働事業" in body
    assert "夏休みランチ会の共催" in body and "他団体の事業" not in body
