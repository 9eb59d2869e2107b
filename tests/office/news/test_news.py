"""News: organizations' posts are published after the office's review; Markdown is sanitized;
only published posts reach the list, the feed and the search; the newsletter is opt-in."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from support_office.news import services
from support_office.news.models import Newsletter, Post, Subscriber
from support_office.news.workflow import POST_WORKFLOW, TRANSITIONS
from tests.conftest import PERSONAS, client_for
from tests.factories import CallFactory, MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def org_post(users, organization, **changes) -> Post:
    return services.post_save(
        user=users["member"],
        values=services.PostValues(
            title=changes.pop("title", "子ども食堂のボランティア募集"),
            category="volunteer",
            body=changes.pop("body", "毎週土曜日に**調理**を手伝ってくださる方を募集します。"),
            organization=organization,
        ),
    )


def office_post(users, **changes) -> Post:
    post = services.post_save(
        user=users["support_office"],
        values=services.PostValues(
            title=changes.pop("title", "NPO設立講座のご案内"),
            category="event",
            body=changes.pop("body", "NPO法人の設立を考えている方向けの講座です。"),
        ),
    )
    services.post_transition(post=post, action="publish", actor=users["support_office"])
    post.refresh_from_db()
    return post


def test_script_and_event_handlers_in_a_post_are_removed(users):
    post = office_post(
        users,
        body=(
            "# 見出し\n\n<script>alert('x')</script>\n\n"
            '<img src="x" onerror="alert(1)">\n\n[リンク](javascript:alert(1))\n\n'
            '<a href="https://example.jp" onclick="alert(2)">外部</a>'
        ),
    )
    body = client_for(None).get(post.get_absolute_url()).content.decode()
    article = body.split('<div class="post-body">')[1].split("</div>")[0]
    assert "<script" not in article
    assert "onerror" not in article and "onclick" not in article
    assert "javascript:" not in article
    assert "<img" not in article
    assert 'href="https://example.jp"' in article
    assert 'rel="noopener noreferrer nofollow"' in article


def test_an_organizations_post_waits_for_the_office_then_is_public(users, organization):
    post = org_post(users, organization)
    anonymous = client_for(None)
    assert anonymous.get(post.get_absolute_url()).status_code == 404
    assert post.title not in anonymous.get(reverse("support_office:news:list")).content.decode()
    member = client_for(users["member"])
    member.post(reverse("support_office:news:act", args=[post.pk, "submit"]))
    post.refresh_from_db()
    assert post.status == Post.Status.SUBMITTED
    office = client_for(users["support_office"])
    queue = office.get(reverse("support_office:news:review_queue")).content.decode()
    assert post.title in queue
    # Returning needs a reason, said next to the field; nothing moves without it.
    response = office.post(reverse("support_office:news:act", args=[post.pk, "return"]))
    assert response.status_code == 400
    assert "このフィールドは必須です。" in response.content.decode()
    post.refresh_from_db()
    assert post.status == Post.Status.SUBMITTED
    office.post(
        reverse("support_office:news:act", args=[post.pk, "return"]),
        {"comment": "日時を書いてください。"},
    )
    page = member.get(post.get_absolute_url()).content.decode()
    assert "日時を書いてください。" in page
    member.post(
        reverse("support_office:news:edit", args=[post.pk]),
        {"category": "volunteer", "title": post.title, "body": "毎週土曜日 10時から。"},
    )
    member.post(reverse("support_office:news:act", args=[post.pk, "submit"]))
    office.post(reverse("support_office:news:act", args=[post.pk, "publish"]))
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED and post.published_at
    assert post.title in anonymous.get(reverse("support_office:news:list")).content.decode()
    assert anonymous.get(post.get_absolute_url()).status_code == 200


def test_a_submitted_post_cannot_be_rewritten_by_its_organization(users, organization):
    post = org_post(users, organization)
    services.post_transition(post=post, action="submit", actor=users["member"])
    with pytest.raises(PermissionDenied):
        services.post_save(
            user=users["member"],
            values=services.PostValues(title="変更", category="notice", body="変更"),
            post=post,
        )


def test_an_unverified_organizations_editor_cannot_post(db):
    pending = OrganizationFactory(pending=True)
    editor = UserFactory(email="pending-editor@example.jp")
    MembershipFactory(user=editor, organization=pending)
    client = client_for(editor)
    assert client.get(reverse("support_office:news:create")).status_code == 403
    with pytest.raises(PermissionDenied):
        services.post_save(
            user=editor,
            values=services.PostValues(
                title="t", category="notice", body="b", organization=pending
            ),
        )


def test_a_member_cannot_post_for_another_organization(users, organization, other_organization):
    with pytest.raises(ValidationError):
        services.post_save(
            user=users["member"],
            values=services.PostValues(
                title="t", category="notice", body="b", organization=other_organization
            ),
        )


def test_bad_input_is_said_next_to_the_field_and_kept(users, organization):
    client = client_for(users["member"])
    response = client.post(
        reverse("support_office:news:create"),
        {
            "organization": organization.pk,
            "category": "notice",
            "title": "",
            "body": "本文の下書き",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "このフィールドは必須です。" in body and "本文の下書き" in body
    assert not Post.objects.exists()


def test_only_published_posts_reach_the_feed_and_the_search(users, organization):

    published = office_post(users, title="公開した講座の案内")
    draft = org_post(users, organization, title="まだ下書きの投稿")
    feed = client_for(None).get(reverse("support_office:news:feed"))
    root = ET.fromstring(feed.content)
    assert root.find(f"{ATOM}author/{ATOM}name").text
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert titles == [published.title]
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}id").text.startswith("tag:")
    assert entry.find(f"{ATOM}updated") is not None
    everything = client_for(None).get(reverse("feeds:all")).content.decode()
    assert published.title in everything and draft.title not in everything
    found = client_for(None).get(reverse("search:search"), {"q": "講座の案内"}).content.decode()
    assert published.get_absolute_url() in found
    hidden = client_for(None).get(reverse("search:search"), {"q": "まだ下書き"}).content.decode()
    assert draft.get_absolute_url() not in hidden


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: f"{t.source}-{t.action}")
@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
def test_every_move_by_every_persona(transition, persona, users, organization):
    office_move = transition.actors == {"office_author"}
    post = Post.objects.create(
        title="t",
        category="notice",
        body="b",
        organization=None if office_move else organization,
        author=users["support_office" if office_move else "member"],
        status=transition.source,
        published_at=timezone.now() if transition.source == Post.Status.PUBLISHED else None,
    )
    allowed = {"member"} if transition.actors == {"org_writer"} else {"support_office", "admin"}
    if persona == "admin" and transition.actors == {"org_writer"}:
        allowed = {"member"}  # a superuser is not the organization's editor
    actor = users[persona]
    if persona in allowed:
        services.post_transition(post=post, action=transition.action, actor=actor, comment="理由")
        post.refresh_from_db()
        assert post.status == transition.target
    else:
        with pytest.raises(PermissionDenied):
            services.post_transition(
                post=post, action=transition.action, actor=actor, comment="理由"
            )
        post.refresh_from_db()
        assert post.status == transition.source
    assert POST_WORKFLOW.transition_for(transition.source, transition.action) == transition


def confirm_link(message) -> str:
    return re.search(r"https?://\S+/office/news/subscribe/\S+/", message.body).group(0)


def test_subscription_is_confirmed_before_any_newsletter(
    users, settings, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("support_office:news:subscribe"), {"email": "Reader@Example.jp"})
    (message,) = mail.outbox
    assert message.to == ["reader@example.jp"]
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is None
    assert not Subscriber.objects.receiving().exists()
    path = confirm_link(message).split(settings.SITE_URL.rstrip("/"))[1]
    assert client.get(path).status_code == 200
    assert Subscriber.objects.receiving().count() == 1
    assert client.get(path.replace("/subscribe/", "/subscribe/x")).status_code == 400


def test_the_newsletter_goes_once_to_each_confirmed_subscriber_with_its_own_unsubscribe_link(
    users, settings, django_capture_on_commit_callbacks
):
    now = timezone.now()
    month = timezone.localdate().replace(day=1)
    office_post(users, title="今月の講座のご案内")
    # A public date ahead (a call's deadline), found through the public_dates registry.
    CallFactory(title="見守り事業の募集", closes_at=now + datetime.timedelta(days=10))
    Subscriber.objects.create(email="a@example.jp", confirmed_at=now)
    Subscriber.objects.create(email="b@example.jp", confirmed_at=now)
    Subscriber.objects.create(email="unconfirmed@example.jp")
    Subscriber.objects.create(email="left@example.jp", confirmed_at=now, unsubscribed_at=now)
    mail.outbox.clear()
    client = client_for(users["support_office"])
    preview = client.get(
        reverse("support_office:news:newsletter_preview", args=[month.year, month.month])
    ).content.decode()
    assert "今月の講座のご案内" in preview and "見守り事業の募集" in preview
    with pytest.raises(PermissionDenied):
        services.newsletter_send(month=month, user=users["member"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("support_office:news:newsletter_send", args=[month.year, month.month]))
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.jp", "b@example.jp"]
    links = {re.search(r"/office/news/unsubscribe/\S+/", m.body).group(0) for m in mail.outbox}
    assert len(links) == 2
    assert all("今月の講座のご案内" in m.body and "見守り事業の募集" in m.body for m in mail.outbox)
    assert Newsletter.objects.get().recipient_count == 2
    with pytest.raises(ValidationError):
        services.newsletter_send(month=month, user=users["support_office"])
    # Unsubscribing: a GET (a mail scanner) changes nothing; the button does.
    link = next(iter(links))
    anonymous = client_for(None)
    assert anonymous.get(link).status_code == 200
    assert Subscriber.objects.receiving().count() == 2
    anonymous.post(link)
    assert Subscriber.objects.receiving().count() == 1
    # A confirmation token does not unsubscribe, nor the reverse.
    confirm = services.token_for("b@example.jp", "confirm")
    assert (
        anonymous.post(reverse("support_office:news:unsubscribe", args=[confirm])).status_code
        == 400
    )


def test_the_public_list_costs_the_same_for_many_posts(users, django_assert_max_num_queries):
    for n in range(25):
        office_post(users, title=f"お知らせ{n}")
    with django_assert_max_num_queries(4):
        assert client_for(None).get(reverse("support_office:news:list")).status_code == 200


def test_the_office_is_told_of_a_submission_and_the_writers_of_the_decision(
    users, organization, django_capture_on_commit_callbacks
):
    post = org_post(users, organization)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_transition(post=post, action="submit", actor=users["member"])
    assert [m.to for m in mail.outbox] == [["office@example.jp"]]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_transition(
            post=post, action="return", actor=users["support_office"], comment="日時を追記して"
        )
    (message,) = mail.outbox
    assert message.to == ["member@example.jp"]
    assert "日時を追記して" in message.body


def test_the_subscription_form_cannot_flood_an_inbox(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _n in range(services.CONFIRMATIONS_PER_HOUR + 3):
            services.subscription_request(email="target@example.jp")
    assert len(mail.outbox) == services.CONFIRMATIONS_PER_HOUR
    assert Subscriber.objects.count() == 1
