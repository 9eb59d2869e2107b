"""Atom feeds (kunitachi_kyodo/feeds.py): valid Atom, public parts only, scoped, bounded, cheap."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from kunitachi_kyodo import feeds
from organizations.models import ActivityField
from proposals.projects.models import ProjectStatusChange
from proposals.review.models import ReviewEntry
from tests.factories import (
    CallFactory,
    DepartmentFactory,
    OrganizationFactory,
    ProjectFactory,
    ProposalFactory,
    ReviewRoundFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SECRET = "非公開の秘密メモ"  # planted in every private place a feed could read


def parse(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def assert_valid_atom(feed: ET.Element) -> None:
    """RFC 4287's required elements: the feed's id, title, updated and author; each entry's
    id, title, updated and link (the feed's author stands for the entries')."""
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (feed.findtext(f"{ATOM}{name}") or "").strip(), name
    assert (feed.findtext(f"{ATOM}author/{ATOM}name") or "").strip()
    datetime.datetime.fromisoformat(feed.findtext(f"{ATOM}updated"))
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href", "").startswith("http")
        ids.append(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(set(ids)), "entry ids are unique"


def titles(feed: ET.Element) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


def field(number: int) -> ActivityField:
    return ActivityField.objects.get(number=number)


@pytest.fixture
def world():
    """Two departments; one organization in field 1 (保健・医療・福祉), one in field 2 only;
    a call, a submitted proposal, a published round and a project milestone on each side,
    and a draft, a private row and secret text wherever they could leak."""
    welfare, culture = DepartmentFactory(name="福祉課"), DepartmentFactory(name="文化課")
    in_field_1 = OrganizationFactory(name="福祉の会", fields=[field(1)])
    in_field_2 = OrganizationFactory(name="まちづくりの会", fields=[field(2)])
    staff = UserFactory(city_staff=True, department=welfare)
    world = {"welfare": welfare, "culture": culture}
    for side, department, organization in (
        ("a", welfare, in_field_1),
        ("b", culture, in_field_2),
    ):
        CallFactory(title=f"募集{side}", department=department)
        proposal = ProposalFactory(
            submitted=True,
            title=f"提案{side}",
            organization=organization,
            department=department,
            local_issue=SECRET,
            budget_difference_note=SECRET,
        )
        round_ = ReviewRoundFactory(
            published=True, title=f"審査{side}", department=department, created_by=staff
        )
        ReviewEntry.objects.create(round=round_, proposal=proposal, decision="adopt", reason=SECRET)
        project = ProjectFactory(
            title=f"事業{side}", department=department, partners=[organization]
        )
        ProjectStatusChange.objects.create(
            project=project,
            actor=staff,
            action="start",
            from_status="agreement",
            to_status="active",
            is_public=True,
            comment=SECRET,  # the comment was not made public
        )
        ProjectStatusChange.objects.create(
            project=project,
            actor=staff,
            action="begin_reporting",
            from_status="active",
            to_status="reporting",
            is_public=False,
        )
    CallFactory(draft=True, title="下書きの募集", department=welfare, background=SECRET)
    ProposalFactory(title="下書きの提案", organization=in_field_1, department=welfare)
    ReviewRoundFactory(scoring=True, title="採点中の審査", department=welfare, created_by=staff)
    _office_entries(staff)
    return world


def _office_entries(staff) -> None:
    """One published entry of each support-office feed: an event, a news post, a request."""
    from support_office.news.models import Post
    from tests.office.events.helpers import make_event
    from tests.office.talent.builders import published_request

    office = UserFactory(email="feed-office@example.jp", support_staff=True)
    make_event(created_by=office)
    Post.objects.create(
        title="講座のお知らせ",
        category="event",
        body="本文",
        author=office,
        status=Post.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    published_request(UserFactory(email="feed-poster@example.jp"), office)


def every_feed_url(world) -> list[str]:
    return [
        reverse("calls:call_feed"),
        reverse("feeds:all"),
        *(reverse("feeds:kind", args=[kind.slug]) for kind in feeds.kinds()),
        reverse("feeds:department", args=[world["welfare"].pk]),
        reverse("feeds:department", args=[world["culture"].pk]),
        reverse("feeds:field", args=[1]),
        reverse("feeds:field", args=[2]),
    ]


def test_every_feed_is_valid_atom_with_the_city_as_author(client, settings, world):
    settings.CITY_NAME = "国立市"
    for url in every_feed_url(world):
        feed = parse(client, url)
        assert_valid_atom(feed)
        assert feed.findtext(f"{ATOM}author/{ATOM}name") == "国立市"


@pytest.mark.parametrize("persona", ["anonymous", "city_staff", "support_office", "admin"])
def test_no_feed_shows_a_draft_a_private_row_or_private_text(as_persona, world, persona):
    # A feed is the same for everyone: those who see drafts on the pages do not get them here.
    client = as_persona(persona)
    for url in every_feed_url(world):
        body = client.get(url).content.decode()
        assert SECRET not in body, url
        for hidden in ("下書きの募集", "下書きの提案", "採点中の審査", "報告の段階"):
            assert hidden not in body, (url, hidden)


def test_the_feed_of_everything_holds_each_kind(client, world):
    shown = titles(parse(client, reverse("feeds:all")))
    assert {"募集a", "提案a", "審査a の審査結果", "募集b"} <= set(shown)
    assert any(title.startswith("事業a：") for title in shown)


def test_a_kind_feed_holds_that_kind_only(client, world):
    assert sorted(titles(parse(client, reverse("feeds:kind", args=["proposals"])))) == [
        "提案a",
        "提案b",
    ]
    assert sorted(titles(parse(client, reverse("feeds:kind", args=["results"])))) == [
        "審査a の審査結果",
        "審査b の審査結果",
    ]
    milestones = titles(parse(client, reverse("feeds:kind", args=["projects"])))
    assert sorted(milestones) == [
        "事業a：協定を結び、事業が始まりました",
        "事業b：協定を結び、事業が始まりました",
    ]


def test_a_proposal_entry_carries_its_public_summary_and_proposer(client, world):
    feed = parse(client, reverse("feeds:kind", args=["proposals"]))
    body = ET.tostring(feed, encoding="unicode")
    assert "高齢者の見守りを兼ねたお茶会" in body and "福祉の会" in body


def test_a_department_feed_holds_that_department_only(client, world):
    shown = titles(parse(client, reverse("feeds:department", args=[world["welfare"].pk])))
    assert {"募集a", "提案a", "審査a の審査結果"} <= set(shown)
    assert not [title for title in shown if title.endswith("b") or "b：" in title or "b " in title]


def test_a_field_feed_holds_what_organizations_of_that_field_did(client, world):
    shown = titles(parse(client, reverse("feeds:field", args=[1])))
    assert {"提案a", "審査a の審査結果", "事業a：協定を結び、事業が始まりました"} == set(shown)
    shown = titles(parse(client, reverse("feeds:field", args=[2])))
    assert {"提案b", "審査b の審査結果", "事業b：協定を結び、事業が始まりました"} == set(shown)


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/department/999999/",
        "/feeds/field/99/",
        "/feeds/no-such-kind/",
    ],
)
def test_an_unknown_department_field_or_kind_is_a_404(client, db, url):
    assert client.get(url).status_code == 404


def test_entry_ids_are_stable_tag_uris(client, world):
    first = parse(client, reverse("feeds:all"))
    again = parse(client, reverse("feeds:all"))
    ids = [entry.findtext(f"{ATOM}id") for entry in first.findall(f"{ATOM}entry")]
    assert ids == [entry.findtext(f"{ATOM}id") for entry in again.findall(f"{ATOM}entry")]
    assert all(id_.startswith("tag:") for id_ in ids)


def _grow(department, organization, staff, n: int) -> None:
    now = timezone.now()
    for i in range(n):
        CallFactory(department=department)
        ProposalFactory(submitted=True, organization=organization, department=department)
        ReviewRoundFactory(published=True, department=department, created_by=staff)
        project = ProjectFactory(department=department, partners=[organization])
        ProjectStatusChange.objects.create(
            project=project,
            actor=staff,
            action="start",
            from_status="agreement",
            to_status="active",
            is_public=True,
            created_at=now - datetime.timedelta(minutes=i),
        )


def test_feeds_cost_the_same_queries_however_many_rows(client, django_assert_max_num_queries):
    department = DepartmentFactory(name="福祉課")
    organization = OrganizationFactory(fields=[field(1)])
    staff = UserFactory(city_staff=True, department=department)
    urls = [
        reverse("feeds:all"),
        reverse("feeds:department", args=[department.pk]),
        reverse("feeds:field", args=[1]),
    ]
    _grow(department, organization, staff, 2)
    counts = {}
    for url in urls:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as small:
            client.get(url)
        counts[url] = len(small)
    _grow(department, organization, staff, 8)
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            client.get(url)
        # One per kind of entry, and the department or field looked up.
        assert counts[url] <= len(feeds.kinds()) + 1


def test_a_feed_holds_at_most_the_latest_entries(client, settings, monkeypatch):
    monkeypatch.setattr(feeds, "LATEST", 3)
    department = DepartmentFactory()
    for _ in range(5):
        CallFactory(department=department)
    # LATEST is read when the feed runs, so the bound holds for every kind and scope.
    for url in (reverse("feeds:all"), reverse("feeds:department", args=[department.pk])):
        assert len(titles(parse(client, url))) == 3


def test_the_page_lists_every_feed_and_the_calendar(client, world):
    body = client.get(reverse("feeds:index")).content.decode()
    assert 'type="application/atom+xml"' in body
    for url in every_feed_url(world)[1:]:
        assert f'href="{url}"' in body
    assert reverse("feeds:calendar") in body


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("proposals:proposal_list", ("feeds:kind", ["proposals"])),
        ("review:review_index", ("feeds:kind", ["results"])),
        ("projects:project_list", ("feeds:kind", ["projects"])),
        ("calls:call_list", ("calls:call_feed", [])),
    ],
)
def test_list_pages_name_their_feed_as_alternate(client, db, page, feed):
    body = client.get(reverse(page)).content.decode()
    assert 'type="application/atom+xml" title="' in body
    assert f'href="{reverse(feed[0], args=feed[1])}"' in body


def test_narrowed_pages_name_the_department_or_field_feed(client, db):
    department = CallFactory().department  # the filter offers departments with calls
    body = client.get(reverse("calls:call_list"), {"department": department.pk}).content.decode()
    assert f'href="{reverse("feeds:department", args=[department.pk])}"' in body
    body = client.get(reverse("organizations:directory"), {"field": field(1).pk}).content.decode()
    assert f'href="{reverse("feeds:field", args=[1])}"' in body
