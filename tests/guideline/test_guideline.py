import pytest
from django.urls import reverse

from proposals.guideline.models import (
    CollaborationRule,
    GuidelinePage,
    GuidelineRevision,
    ProjectForm,
)

pytestmark = pytest.mark.django_db

SIX_RULES = [
    "協働に参画できる機会を平等に有する。",
    "互いの特性や自主性を尊重し、信頼し合い、対等な関係を保つ。",
    "まちの課題や目標を常に共に確認し、共有する。",
    "互いの特性に応じた役割と責任を明確にし、分担する。",
    "協働のあらゆる段階において情報を公開し、また発信する。",
    "評価、見直しを行う。",
]


def test_the_six_rules_are_seeded_verbatim_in_order():
    assert list(CollaborationRule.objects.values_list("text", flat=True)) == SIX_RULES


def test_project_forms_are_seeded_with_the_kinds_of_cooperation():
    names = set(ProjectForm.objects.filter(parent__isnull=True).values_list("name", flat=True))
    assert {"委託", "補助", "事業協力", "共催", "後援", "実行委員会", "情報の発信・共有"} <= names
    kinds = ProjectForm.objects.get(code="cooperation").kinds.values_list("name", flat=True)
    assert list(kinds) == ["経費負担", "人的支援", "備品貸与", "助言"]


def test_rules_page_is_built_from_the_rule_rows(client):
    CollaborationRule.objects.filter(number=6).update(text="評価、見直しを定期的に行う。")
    body = client.get(reverse("guideline:guideline_page", args=["rules"])).content.decode()
    for text in SIX_RULES[:5]:
        assert text in body
    assert "評価、見直しを定期的に行う。" in body


def test_forms_page_lists_forms_and_their_kinds(client):
    body = client.get(reverse("guideline:guideline_page", args=["forms"])).content.decode()
    for name in [
        "委託",
        "補助",
        "事業協力",
        "経費負担",
        "人的支援",
        "備品貸与",
        "助言",
        "共催",
        "後援",
    ]:
        assert name in body


def test_guideline_index_lists_every_page(client):
    body = client.get(reverse("guideline:guideline_index")).content.decode()
    for page in GuidelinePage.objects.all():
        assert page.title in body


def test_a_new_revision_replaces_the_text_and_the_old_one_stays_readable(client):
    page = GuidelinePage.objects.get(slug="about")
    GuidelineRevision.objects.create(
        page=page, number=2, body="## 協働とは\n\n改訂後の本文です。", note="令和8年度の見直し"
    )
    current = client.get(page.get_absolute_url()).content.decode()
    assert "改訂後の本文です。" in current
    old = client.get(reverse("guideline:guideline_revision", args=["about", 1])).content.decode()
    assert "暮らしやすいまちを共に目指して" in old
    assert "現在の版ではありません" in old
    history = client.get(reverse("guideline:guideline_history", args=["about"])).content.decode()
    assert "令和8年度の見直し" in history
    assert "指針の策定（初版）" in history


def test_an_unpublished_revision_is_not_shown(client):
    page = GuidelinePage.objects.get(slug="about")
    GuidelineRevision.objects.create(
        page=page, number=2, body="下書きの本文", note="検討中", is_published=False
    )
    assert "下書きの本文" not in client.get(page.get_absolute_url()).content.decode()
    assert client.get(reverse("guideline:guideline_revision", args=["about", 2])).status_code == 404


def test_markdown_in_a_revision_is_sanitized(client):
    page = GuidelinePage.objects.get(slug="about")
    GuidelineRevision.objects.create(
        page=page,
        number=2,
        body="本文<script>alert(1)</script> [link](javascript:alert(1))",
        note="x",
    )
    body = client.get(page.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "javascript:alert" not in body
