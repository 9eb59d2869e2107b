"""Surveys (調査研究): the public list, answering, the published results (page and CSV), and
the office's screens to write, open, close and publish a survey."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from kunitachi_kyodo.confirm import unless_move_confirmed
from kunitachi_kyodo.lists import ForgivingPaginationMixin
from kunitachi_kyodo.opendata.registry import Column, Type
from kunitachi_kyodo.opendata.writers import csv_bytes
from kunitachi_kyodo.values import values_from
from kunitachi_kyodo.workflow import MoveNotAvailable
from organizations.permissions import require, why_not
from organizations.views import add_form_errors

from . import selectors, services
from .forms import AnswerForm, PublicationForm, QuestionForm, SurveyForm
from .models import Question, Survey
from .permissions import editable_verified_organizations
from .workflow import SURVEY_WORKFLOW


def _visible(request: HttpRequest, pk: int) -> Survey:
    """A survey the person may open; a draft or a closed one is a 404 outside the office."""
    return get_object_or_404(selectors.visible_surveys(request.user), pk=pk)


class SurveyListView(ForgivingPaginationMixin, ListView):
    """調査: the surveys taking answers, then those whose results are published."""

    template_name = "support_office/surveys/survey_list.html"
    paginate_by = 20

    def get_queryset(self):
        return (
            Survey.objects.public()
            .annotate(respondents=Count("responses"))
            .order_by("status", "-published_at", "-opened_at", "-pk")
        )


def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A survey's page: its purpose, and the answer form for whoever may answer now."""
    survey = _visible(request, pk)
    questions = list(survey.questions.prefetch_related("choices"))
    refusal = why_not(request.user, "surveys.answer_survey", survey)
    organizations = (
        editable_verified_organizations(request.user)
        if survey.audience == Survey.Audience.ORGANIZATIONS and request.user.is_authenticated
        else []
    )
    answered = (
        request.user.is_authenticated
        and survey.audience == Survey.Audience.PUBLIC
        and services.already_answered(request.user, survey, None)
    )
    form = None
    if refusal is None and not answered:
        form = AnswerForm(request.POST or None, questions=questions, organizations=organizations)
        if request.method == "POST" and form.is_valid():
            try:
                services.response_submit(
                    user=request.user,
                    survey=survey,
                    answers=form.answers(),
                    organization=form.cleaned_data.get("organization"),
                )
            except ValidationError as error:
                add_form_errors(form, error)
            else:
                messages.success(request, _("回答を受け付けました。ご協力ありがとうございました。"))
                return redirect(survey)
    elif request.method == "POST":
        raise PermissionDenied(
            refusal or _("この調査には、すでに回答しています。回答は1回だけです。")
        )
    return render(
        request,
        "support_office/surveys/survey_detail.html",
        {
            "survey": survey,
            "questions": questions,
            "form": form,
            "refusal": refusal,
            "answered": answered,
            "can_manage": request.user.has_perm("surveys.manage_survey"),
        },
    )


def survey_results(request: HttpRequest, pk: int) -> HttpResponse:
    """The published aggregate: a chart and a table per published question, small counts
    withheld, and the free-text answers the office selected. The office previews it."""
    survey = _visible(request, pk)
    require(request.user, "surveys.view_results", survey)
    return render(
        request,
        "support_office/surveys/survey_results.html",
        {"survey": survey, "results": selectors.results(survey)},
    )


RESULT_COLUMNS = (
    Column(_("問"), "number", Type.INTEGER, "", "1"),
    Column(_("質問"), "question", Type.TEXT, "", ""),
    Column(_("答え方"), "kind", Type.TEXT, "", ""),
    Column(_("選択肢"), "option", Type.TEXT, "", ""),
    Column(_("回答数"), "count", Type.TEXT, "", "12 / 5未満"),
)


def survey_results_csv(request: HttpRequest, pk: int) -> StreamingHttpResponse:
    """The same aggregate as the page, as CSV for Excel (UTF-8 with BOM)."""
    survey = _visible(request, pk)
    require(request.user, "surveys.view_results", survey)
    records = selectors.csv_records(selectors.results(survey))
    response = StreamingHttpResponse(
        csv_bytes(RESULT_COLUMNS, records), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-results.csv"'
    return response


# --- The office ------------------------------------------------------------------------


@login_required
def office_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "surveys.manage_survey")
    surveys = Survey.objects.annotate(respondents=Count("responses")).order_by("-created_at")
    return render(request, "support_office/surveys/office_list.html", {"surveys": surveys[:200]})


@login_required
def survey_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "surveys.manage_survey")
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_save(
                user=request.user, values=values_from(form, services.SurveyValues)
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("調査を作りました。質問を加えてください。"))
            return redirect("support_office:surveys:edit", survey.pk)
    return render(request, "support_office/surveys/survey_form.html", {"form": form})


@login_required
def survey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The office's page of one survey: its text, its questions, its moves, its publication."""
    survey = get_object_or_404(Survey, pk=pk)
    require(request.user, "surveys.manage_survey")
    form = SurveyForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_save(
                user=request.user, survey=survey, values=values_from(form, services.SurveyValues)
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("調査を保存しました。"))
            return redirect("support_office:surveys:edit", survey.pk)
    return _edit_page(request, survey, form=form)


def _edit_page(request, survey, *, form=None, question_form=None, publication_form=None):
    survey.refresh_from_db()
    return render(
        request,
        "support_office/surveys/survey_edit.html",
        {
            "survey": survey,
            "form": form or SurveyForm(instance=survey),
            "questions": survey.questions.prefetch_related("choices"),
            "question_form": question_form or QuestionForm(),
            "publication_form": (
                publication_form or PublicationForm(survey=survey)
                if survey.status == Survey.Status.CLOSED
                else None
            ),
            "moves": SURVEY_WORKFLOW.allowed(request.user, survey),
            "respondents": survey.responses.count(),
            "what_stops": SURVEY_WORKFLOW.what_stops(survey, action="open", actor=request.user)
            if survey.status == Survey.Status.DRAFT
            else [],
        },
    )


@login_required
@require_POST
def question_add(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_object_or_404(Survey, pk=pk)
    require(request.user, "surveys.manage_survey")
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            services.question_add(
                user=request.user,
                survey=survey,
                values=values_from(form, services.QuestionValues),
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("質問を加えました。"))
            return redirect(reverse("support_office:surveys:edit", args=[survey.pk]) + "#questions")
    return _edit_page(request, survey, question_form=form)


@login_required
@require_POST
def question_delete(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    question = get_object_or_404(Question, pk=question_pk, survey_id=pk)
    require(request.user, "surveys.manage_survey")
    try:
        services.question_delete(user=request.user, question=question)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("質問を削除しました。"))
    return redirect(reverse("support_office:surveys:edit", args=[pk]) + "#questions")


@login_required
@require_POST
def survey_move(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    survey = get_object_or_404(Survey, pk=pk)
    require(request.user, "surveys.manage_survey")
    cancel = reverse("support_office:surveys:edit", args=[pk])
    if asked := unless_move_confirmed(request, SURVEY_WORKFLOW, survey, action, cancel_url=cancel):
        return asked
    try:
        services.survey_move(user=request.user, survey=survey, action=action)
    except MoveNotAvailable as refusal:
        messages.error(request, str(refusal))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("「%(title)s」を更新しました。") % {"title": survey.title})
    return redirect("support_office:surveys:edit", pk)


@login_required
@require_POST
def results_choose(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_object_or_404(Survey, pk=pk)
    require(request.user, "surveys.manage_survey")
    form = PublicationForm(request.POST, survey=survey)
    if form.is_valid():
        try:
            services.results_choose(
                user=request.user,
                survey=survey,
                values=services.PublicationValues(
                    published_questions=tuple(form.cleaned_data["published_questions"]),
                    selected_answers=tuple(form.cleaned_data["selected_answers"]),
                    results_summary=form.cleaned_data["results_summary"],
                ),
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(request, _("公開する内容を保存しました。"))
            return redirect(reverse("support_office:surveys:edit", args=[pk]) + "#publication")
    return _edit_page(request, survey, publication_form=form)
