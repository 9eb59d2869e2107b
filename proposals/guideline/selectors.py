"""Page-level reads of the guideline (協働のガイドライン)."""

from django.db.models import Prefetch, QuerySet

from proposals.guideline.models import GuidelinePage, GuidelineRevision, ProjectForm


def pages_with_published_revisions() -> QuerySet[GuidelinePage]:
    """Every page with its published revisions, newest first, as `published_revisions`."""
    return GuidelinePage.objects.prefetch_related(
        Prefetch(
            "revisions",
            queryset=GuidelineRevision.objects.published().order_by("-number"),
            to_attr="published_revisions",
        )
    )


def published_pages() -> list[GuidelinePage]:
    """The pages with at least one published revision, for the guideline's table of contents."""
    return [page for page in pages_with_published_revisions() if page.published_revisions]


def active_top_level_forms() -> QuerySet[ProjectForm]:
    """The forms of collaboration in use, top level only, with their kinds (the forms page)."""
    return ProjectForm.objects.filter(is_active=True).top_level()


def published_revisions() -> QuerySet[GuidelineRevision]:
    """Published revisions with their page (an older revision's page)."""
    return GuidelineRevision.objects.published().select_related("page")


def latest_revision_of(page: GuidelinePage) -> GuidelineRevision | None:
    """A page's newest published revision, against which an older one is marked as old."""
    return GuidelineRevision.objects.published().filter(page=page).order_by("-number").first()
