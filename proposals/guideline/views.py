from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from organizations.models import Kind
from proposals.guideline.models import (
    CollaborationRule,
    GuidelinePage,
    GuidelineRevision,
    ProjectForm,
)


def _pages_with_current_revision():
    return GuidelinePage.objects.prefetch_related(
        Prefetch(
            "revisions",
            queryset=GuidelineRevision.objects.published().order_by("-number"),
            to_attr="published_revisions",
        )
    )


def _data_panel_context(page: GuidelinePage) -> dict:
    if page.data_panel == GuidelinePage.Section.RULES:
        return {"rules": CollaborationRule.objects.all()}
    if page.data_panel == GuidelinePage.Section.FORMS:
        return {"forms": ProjectForm.objects.filter(is_active=True).top_level()}
    if page.data_panel == GuidelinePage.Section.ORGANIZATION_KINDS:
        return {"organization_kinds": Kind.choices}
    return {}


def guideline_index(request: HttpRequest) -> HttpResponse:
    pages = [p for p in _pages_with_current_revision() if p.published_revisions]
    return render(request, "guideline/guideline_index.html", {"pages": pages})


def guideline_page(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(_pages_with_current_revision(), slug=slug)
    if not page.published_revisions:
        raise Http404
    pages = [p for p in _pages_with_current_revision() if p.published_revisions]
    return render(
        request,
        "guideline/guideline_page.html",
        {
            "page": page,
            "revision": page.published_revisions[0],
            "is_current": True,
            "pages": pages,
            **_data_panel_context(page),
        },
    )


def guideline_history(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(_pages_with_current_revision(), slug=slug)
    if not page.published_revisions:
        raise Http404
    return render(
        request,
        "guideline/guideline_history.html",
        {"page": page, "revisions": page.published_revisions},
    )


def guideline_revision(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    revision = get_object_or_404(
        GuidelineRevision.objects.published().select_related("page"), page__slug=slug, number=number
    )
    latest = (
        GuidelineRevision.objects.published().filter(page=revision.page).order_by("-number").first()
    )
    return render(
        request,
        "guideline/guideline_page.html",
        {
            "page": revision.page,
            "revision": revision,
            "is_current": revision == latest,
            "current_revision": latest,
        },
    )
