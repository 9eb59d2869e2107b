"""What the search finds of surveys: those taking answers and those with published results."""

from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.search.registry import Document, indexes

from .models import Survey


@indexes(kind="survey", label=_("調査"), model=Survey, public=Survey.objects.public)
def survey_document(survey: Survey) -> Document:
    return Document(
        title=survey.title,
        url=survey.get_absolute_url(),
        snippet=survey.description,
        text="\n".join([survey.title, survey.description, survey.results_summary]),
        updated_at=survey.published_at or survey.opened_at or survey.created_at,
    )
