"""Demo data: the office's posts over the past year, organizations' posts (one waiting for
review) and newsletter subscribers. Keyed on titles and addresses; fast and idempotent."""

import datetime

from django.utils import timezone

from kunitachi_kyodo.search.services import reindex_object
from organizations.models import Membership, Organization, User

from .models import Post, Subscriber

OFFICE_POSTS = (
    ("event", "NPO設立講座（全3回）参加者募集", 330),
    ("funding", "市民活動助成金の募集が始まりました", 300),
    ("report", "支援室だより：相談の多かったテーマ", 270),
    ("event", "協働事業提案制度の説明会を開きます", 240),
    ("notice", "年末年始の開室日のお知らせ", 200),
    ("event", "団体の会計講座を開きます", 170),
    ("volunteer", "人材バンクに登録しませんか", 140),
    ("funding", "民間財団の助成金情報（まとめ）", 100),
    ("report", "支援室だより：交流会のご報告", 70),
    ("event", "NPOと市職員の交流会を開きます", 40),
    ("notice", "相談の予約をオンラインでも受け付けます", 20),
    ("event", "チラシづくり講座の参加者募集", 5),
)
OFFICE_BODY = (
    "NPO活動支援室からのお知らせです。\n\n"
    "## 内容\n\n- 日時：決まりしだいお知らせします\n- 場所：支援室（市役所3階）\n\n"
    "ご不明な点は、[支援室のページ](/office/)からお問い合わせください。"
)
ORG_POSTS = (
    ("activity", "子ども食堂の新しい会場が決まりました", Post.Status.PUBLISHED, 90),
    ("volunteer", "花壇の手入れのボランティアを募集します", Post.Status.PUBLISHED, 45),
    ("activity", "防災ワークショップを開きました", Post.Status.PUBLISHED, 15),
    ("event", "多文化交流の料理教室を開きます", Post.Status.SUBMITTED, 2),
)
ORG_BODY = (
    "私たちの団体の活動をお知らせします。\n\n"
    "**参加費は無料**です。どなたでもお気軽にご参加ください。"
)
SUBSCRIBERS = 36


def seed(command) -> None:
    office = User.objects.filter(email="office@example.jp").first()
    if office is None:
        return
    now = timezone.now()
    titles = set(Post.objects.values_list("title", flat=True))
    new = [
        Post(
            title=title,
            category=category,
            body=OFFICE_BODY,
            author=office,
            status=Post.Status.PUBLISHED,
            published_at=now - datetime.timedelta(days=days_ago),
            created_at=now - datetime.timedelta(days=days_ago + 1),
        )
        for category, title, days_ago in OFFICE_POSTS
        if title not in titles
    ]
    editors = list(
        Membership.objects.filter(
            role=Membership.Role.REPRESENTATIVE,
            organization__in=Organization.objects.public(),
        )
        .select_related("organization", "user")
        .order_by("organization__pk")[: len(ORG_POSTS)]
    )
    for (category, title, status, days_ago), membership in zip(ORG_POSTS, editors, strict=False):
        if title in titles:
            continue
        published = status == Post.Status.PUBLISHED
        new.append(
            Post(
                title=title,
                category=category,
                body=ORG_BODY,
                organization=membership.organization,
                author=membership.user,
                status=status,
                published_at=now - datetime.timedelta(days=days_ago) if published else None,
                created_at=now - datetime.timedelta(days=days_ago + 3),
            )
        )
    # Bulk, without workflow history; bulk writes send no post_save, so the search rows of
    # the published ones are written here.
    for post in Post.objects.bulk_create(new):
        if post.is_public and post.pk:
            reindex_object(post)
    emails = {f"reader{n:02d}@example.jp" for n in range(1, SUBSCRIBERS + 1)}
    known = set(Subscriber.objects.filter(email__in=emails).values_list("email", flat=True))
    Subscriber.objects.bulk_create(
        Subscriber(
            email=email,
            # A few asked and never confirmed: they receive nothing.
            confirmed_at=None
            if email.endswith(("07@example.jp", "19@example.jp"))
            else now - datetime.timedelta(days=30),
        )
        for email in sorted(emails - known)
    )
    command.stdout.write(f"お知らせ: {len(new)}件、購読者: {len(emails - known)}件を追加")
