from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from organizations.models import Kind
from proposals.guideline import selectors
from proposals.guideline.models import CollaborationRule, GuidelinePage


def _data_panel_context(page: GuidelinePage) -> dict:
    if page.data_panel == GuidelinePage.Section.RULES:
        return {"rules": CollaborationRule.objects.all()}
    if page.data_panel == GuidelinePage.Section.FORMS:
        return {"forms": selectors.active_top_level_forms()}
    if page.data_panel == GuidelinePage.Section.ORGANIZATION_KINDS:
        return {"organization_kinds": Kind.choices}
    return {}


def guideline_index(request: HttpRequest) -> HttpResponse:
    return render(request, "guideline/guideline_index.html", {"pages": selectors.published_pages()})


def guideline_page(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(selectors.pages_with_published_revisions(), slug=slug)
    if not page.published_revisions:
        raise Http404
    return render(
        request,
        "guideline/guideline_page.html",
        {
            "page": page,
            "revision": page.published_revisions[0],
            "is_current": True,
            "pages": selectors.published_pages(),
            **_data_panel_context(page),
        },
    )


def guideline_history(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(selectors.pages_with_published_revisions(), slug=slug)
    if not page.published_revisions:
        raise Http404
    return render(
        request,
        "guideline/guideline_history.html",
        {"page": page, "revisions": page.published_revisions},
    )


def guideline_revision(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    revision = get_object_or_404(selectors.published_revisions(), page__slug=slug, number=number)
    latest = selectors.latest_revision_of(revision.page)
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
