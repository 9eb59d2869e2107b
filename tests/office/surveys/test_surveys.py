"""Surveys (調査研究): the office builds and opens a questionnaire, people answer once, and
only the aggregate the office chooses is published, with small counts withheld."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kunitachi_kyodo.charts import Withheld
from kunitachi_kyodo.search.services import rebuild
from organizations.models import Membership
from support_office.surveys import services
from support_office.surveys.models import Answer, Question, Response, Survey
from support_office.surveys.selectors import results, withhold
from tests.conftest import client_for
from tests.factories import MembershipFactory, UserFactory

from .factories import choice, make_survey, questions_of

pytestmark = pytest.mark.django_db


def answer(survey, user, *, single="はい", multiple=("福祉",), scale=4, text="", organization=None):
    q1, q2, q3, q4 = questions_of(survey)
    return services.response_submit(
        user=user,
        survey=survey,
        organization=organization,
        answers={
            q1.pk: choice(q1, single),
            q2.pk: [choice(q2, label) for label in multiple],
            q3.pk: scale,
            q4.pk: text,
        },
    )


def post_answer(client, survey, **overrides):
    q1, q2, q3, q4 = questions_of(survey)
    data = {
        f"q{q1.pk}": choice(q1, "はい"),
        f"q{q2.pk}": [choice(q2, "福祉")],
        f"q{q3.pk}": "4",
        f"q{q4.pk}": "",
    }
    data.update({f"q{[q1, q2, q3, q4][int(k[1]) - 1].pk}": v for k, v in overrides.items()})
    return client.post(survey.get_absolute_url(), data)


# --- The office builds it -----------------------------------------------------------------


def test_a_survey_opens_only_with_questions_that_can_be_answered(users):
    office = users["support_office"]
    survey = make_survey(office, status="draft", questions=[])
    with pytest.raises(ValidationError, match="質問を1つ以上"):
        services.survey_move(user=office, survey=survey, action="open")
    with pytest.raises(ValidationError) as refused:
        services.question_add(
            user=office,
            survey=survey,
            values=services.QuestionValues(
                kind=Question.Kind.SINGLE, text="一つだけ", choices=("A",)
            ),
        )
    assert "選択肢を2つ以上" in str(refused.value)
    services.question_add(
        user=office,
        survey=survey,
        values=services.QuestionValues(kind=Question.Kind.SCALE, text="満足度"),
    )
    services.survey_move(user=office, survey=survey, action="open")
    survey.refresh_from_db()
    assert survey.status == Survey.Status.OPEN and survey.opened_at is not None


def test_questions_are_fixed_once_answers_are_taken(users):
    survey = make_survey(users["support_office"])
    with pytest.raises(ValidationError, match="受付を始める前だけ"):
        services.question_delete(user=users["support_office"], question=survey.questions.first())


@pytest.mark.parametrize("persona", ["citizen", "member", "city_staff"])
def test_only_the_office_builds_surveys(users, persona):
    with pytest.raises(PermissionDenied):
        make_survey(users[persona], status="draft")
    page = client_for(users[persona]).get(reverse("support_office:surveys:office_list"))
    assert page.status_code == 403


def test_the_office_writes_a_survey_in_the_browser_form(users):
    client = client_for(users["support_office"])
    page = client.post(
        reverse("support_office:surveys:create"),
        {"title": "", "description": "目的", "audience": "public"},
    )
    assert "このフィールドは必須です。" in page.content.decode()
    assert "目的" in page.content.decode()  # the input is kept
    assert not Survey.objects.exists()
    page = client.post(
        reverse("support_office:surveys:create"),
        {"title": "団体の運営に関する調査", "description": "目的", "audience": "organizations"},
    )
    survey = Survey.objects.get()
    assert page["Location"] == reverse("support_office:surveys:edit", args=[survey.pk])
    page = client.post(
        reverse("support_office:surveys:question_add", args=[survey.pk]),
        {"kind": "single", "text": "法人格", "required": "on", "choices": "NPO法人\n"},
    )
    assert "選択肢を2つ以上" in page.content.decode()
    assert "法人格" in page.content.decode()  # kept
    client.post(
        reverse("support_office:surveys:question_add", args=[survey.pk]),
        {"kind": "single", "text": "法人格", "required": "on", "choices": "NPO法人\n任意団体\n"},
    )
    assert [c.label for c in survey.questions.get().choices.all()] == ["NPO法人", "任意団体"]


# --- People answer once ---------------------------------------------------------------------


def test_a_person_answers_once(users):
    survey = make_survey(users["support_office"])
    client = client_for(users["citizen"])
    assert post_answer(client, survey).status_code == 302
    assert Response.objects.filter(survey=survey, respondent=users["citizen"]).count() == 1
    page = client.get(survey.get_absolute_url())
    assert "回答済み" in page.content.decode()
    assert post_answer(client, survey).status_code == 403
    with pytest.raises(ValidationError, match="すでに回答"):
        answer(survey, users["citizen"])
    assert Response.objects.filter(survey=survey).count() == 1


def test_signing_in_is_needed_to_answer(users, client):
    survey = make_survey(users["support_office"])
    page = client.get(survey.get_absolute_url())
    assert "ログインして回答する" in page.content.decode()
    assert post_answer(client, survey).status_code == 403
    assert not Response.objects.exists()


def test_a_missing_or_foreign_answer_is_said_next_to_its_question_and_nothing_is_saved(users):
    survey = make_survey(users["support_office"])
    q1, q2, q3, q4 = questions_of(survey)
    client = client_for(users["citizen"])
    page = post_answer(client, survey, q1="", q3="9", q4="意見です")
    html = page.content.decode()
    assert page.status_code == 200
    assert "この質問に答えてください。" in html  # 問1, next to it
    assert "選択肢から選んでください。" in html  # 問3: 9 is not on the 5-point scale
    assert "意見です" in html  # the free text is kept
    assert not Response.objects.exists()
    other = make_survey(users["support_office"])
    foreign = other.questions.order_by("order").first().choices.first().pk
    page = post_answer(client, survey, q1=str(foreign))
    assert page.status_code == 200 and "選択肢から選んでください。" in page.content.decode()
    assert not Response.objects.exists()


def test_an_organizations_survey_takes_one_answer_per_organization(users, organization):
    survey = make_survey(users["support_office"], audience=Survey.Audience.ORGANIZATIONS)
    colleague = UserFactory(email="colleague@example.jp")
    MembershipFactory(user=colleague, organization=organization, role=Membership.Role.EDITOR)
    answer(survey, users["member"], organization=organization)
    with pytest.raises(ValidationError, match="すでに回答"):
        answer(survey, colleague, organization=organization)
    with pytest.raises(PermissionDenied):
        answer(survey, users["citizen"])  # belongs to no organization
    with pytest.raises(PermissionDenied):  # cannot answer for someone else's organization
        answer(survey, users["other_member"], organization=organization)


def test_answers_after_the_survey_closed_are_refused(users):
    survey = make_survey(users["support_office"], status="closed")
    with pytest.raises(PermissionDenied, match="受け付けていません"):
        answer(survey, users["citizen"])


# --- Results -------------------------------------------------------------------------------


def test_withhold_hides_small_counts_and_what_would_give_them_away():
    shown = withhold([30, 2, 0], adds_up=True)
    assert shown[0] == Withheld("非公開") and shown[1] == Withheld("5未満") and shown[2] == 0
    assert withhold([30, 2, 3], adds_up=True)[0] == 30  # two withheld: neither can be worked out
    assert withhold([30, 2, 0], adds_up=False) == [30, Withheld("5未満"), 0]
    assert withhold([5, 6, 0], adds_up=True) == [5, 6, 0]


def test_results_are_not_shown_before_publication(users):
    survey = make_survey(users["support_office"], status="closed")
    for persona in ("anonymous", "citizen", "member", "city_staff", "reviewer"):
        client = client_for(users[persona])
        for name in ("results", "results_csv"):
            url = reverse(f"support_office:surveys:{name}", args=[survey.pk])
            assert client.get(url).status_code == 404, (persona, name)  # a closed survey is hidden
    office = client_for(users["support_office"])
    preview = office.get(reverse("support_office:surveys:results", args=[survey.pk]))
    assert preview.status_code == 200 and "まだ公開されていません" in preview.content.decode()


def test_a_draft_is_seen_by_the_office_only(users):
    survey = make_survey(users["support_office"], status="draft")
    assert client_for(users["citizen"]).get(survey.get_absolute_url()).status_code == 404
    assert (
        client_for(None)
        .get(reverse("support_office:surveys:list"))
        .content.decode()
        .count(survey.title)
        == 0
    )
    assert client_for(users["support_office"]).get(survey.get_absolute_url()).status_code == 200


def _published_with_answers(users, *, texts=()):
    office = users["support_office"]
    survey = make_survey(office)
    for index in range(12):
        person = UserFactory(email=f"r{index}@example.jp")
        single = "はい" if index < 10 else "いいえ"  # いいえ: 2 people
        text = texts[index] if index < len(texts) else ""
        answer(
            survey,
            person,
            single=single,
            multiple=("福祉", "防災") if index < 6 else ("福祉",),
            scale=5 if index % 2 else 3,
            text=text,
        )
    services.survey_move(user=office, survey=survey, action="close")
    return survey


def test_published_results_withhold_fewer_than_five_and_show_only_chosen_parts(users):
    survey = _published_with_answers(
        users, texts=["<script>alert(1)</script>子育て支援を", "私は富士見台の山田です"]
    )
    q1, q2, q3, q4 = questions_of(survey)
    kept = Answer.objects.get(question=q4, text__startswith="<script>")
    services.results_choose(
        user=users["support_office"],
        survey=survey,
        values=services.PublicationValues(
            published_questions=(q1.pk, q3.pk, q4.pk),  # 関心のある分野 stays unpublished
            selected_answers=(kept.pk,),
            results_summary="参加している人が多数でした。",
        ),
    )
    services.survey_move(user=users["support_office"], survey=survey, action="publish")

    html = (
        client_for(None)
        .get(reverse("support_office:surveys:results", args=[survey.pk]))
        .content.decode()
    )
    assert "回答 12件" in html
    assert "5未満" in html  # いいえ: 2
    assert "非公開" in html  # はい: 10, else 12 − 10 would give いいえ away
    assert "関心のある分野" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;子育て支援を" in html
    assert "<script>alert(1)" not in html
    assert "山田" not in html  # not selected
    assert "平均 4.0" in html

    csv = client_for(None).get(reverse("support_office:surveys:results_csv", args=[survey.pk]))
    body = b"".join(csv.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff問,質問,答え方,選択肢,回答数\r\n")
    assert "いいえ,5未満" in body and "はい,非公開" in body
    assert "関心のある分野" not in body and "山田" not in body and "子育て支援" not in body


def test_the_results_page_reads_a_bounded_number_of_queries(users, django_assert_max_num_queries):
    survey = _published_with_answers(users)
    services.survey_move(user=users["support_office"], survey=survey, action="publish")
    with django_assert_max_num_queries(12):
        page = client_for(None).get(reverse("support_office:surveys:results", args=[survey.pk]))
    assert page.status_code == 200
    for index in range(12, 30):
        Response.objects.create(survey=survey, respondent=UserFactory(email=f"x{index}@example.jp"))
    with django_assert_max_num_queries(12):
        client_for(None).get(reverse("support_office:surveys:results", args=[survey.pk]))
    assert results(survey).respondents == 30


def test_the_search_finds_published_surveys_only(users):
    make_survey(users["support_office"], status="draft")
    published = _published_with_answers(users)
    services.survey_move(user=users["support_office"], survey=published, action="publish")
    Survey.objects.filter(pk=published.pk).update(title="子育て世帯の協働意識調査")
    rebuild()
    page = client_for(None).get(reverse("search:search"), {"q": "意識調査"}).content.decode()
    assert "子育て世帯の協働意識調査" in page
    assert page.count("市民活動に関する意識調査") == 0  # the draft's title
