"""Questions about a call (質問と回答): private until the city side answers, public without
the asker; only the call's department, the support office and coordinators answer."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kunitachi_kyodo.notifications.models import Notification
from proposals.calls import services
from proposals.calls.models import CallQuestion, CallQuestionStatusChange
from tests.conftest import PERSONAS, client_for
from tests.factories import CallFactory

pytestmark = pytest.mark.django_db

ASKED = "説明会に参加していない団体も応募できますか。私は富士見台3丁目の国立花子です。"
REWORDED = "説明会に参加していない団体も応募できますか。"
ANSWER = "説明会への参加は応募の条件ではありません。資料は募集のページから入手できます。"
ANSWERERS = {"city_staff", "support_office", "coordinator", "admin"}


@pytest.fixture
def call(users):
    return CallFactory(
        title="高齢者の見守りネットワークづくり", department=users["city_staff"].department
    )


def ask(call, user, text=ASKED) -> CallQuestion:
    return services.question_ask(call=call, user=user, values=services.QuestionValues(text=text))


def answer(question, user, text=ANSWER, public_text="") -> CallQuestion:
    return services.question_answer(
        question=question,
        user=user,
        values=services.AnswerValues(answer=text, public_text=public_text),
    )


def page(persona_user, call) -> str:
    response = client_for(persona_user).get(call.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


# --- Asking ---------------------------------------------------------------------------


def test_a_signed_in_person_asks_and_the_department_hears_of_it(call, users):
    response = client_for(users["citizen"]).post(
        reverse("calls:question_ask", args=[call.pk]), {"text": ASKED}
    )
    assert response.status_code == 302 and response["Location"].endswith("#questions")
    question = CallQuestion.objects.get()
    assert (question.asked_by, question.text, question.status) == (
        users["citizen"],
        ASKED,
        CallQuestion.Status.WAITING,
    )
    told = set(Notification.objects.values_list("user", flat=True))
    department_staff = {call.created_by.pk, users["city_staff"].pk}
    assert told == department_staff  # not another department's staff, nor the asker
    note = Notification.objects.filter(user=users["city_staff"]).get()
    assert note.url == reverse("calls:question_answer", args=[question.pk])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "質問を入力してください。"),
        ("   ", "質問を入力してください。"),
        ("あ" * 2001, "2,000字以内で入力してください（いま2,001字）。"),
    ],
)
def test_an_empty_or_too_long_question_is_said_next_to_the_field(call, users, text, message):
    response = client_for(users["citizen"]).post(
        reverse("calls:question_ask", args=[call.pk]), {"text": text}
    )
    assert response.status_code == 400
    assert response.context["question_form"].errors["text"] == [message]
    body = response.content.decode()
    assert message in body
    if text.strip():
        assert text in body  # the input is kept
    assert not CallQuestion.objects.exists()


def test_the_service_refuses_a_too_long_question_that_never_passed_a_form(call, users):
    with pytest.raises(ValidationError) as refused:
        ask(call, users["citizen"], "あ" * 2001)
    assert refused.value.message_dict["text"] == ["2,000字以内で入力してください（いま2,001字）。"]


@pytest.mark.parametrize("trait", ["ended", "upcoming"])
def test_a_call_not_open_takes_no_question(users, trait):
    call = CallFactory(department=users["city_staff"].department, **{trait: True})
    assert "この募集について質問する" not in page(users["citizen"], call)
    response = client_for(users["citizen"]).post(
        reverse("calls:question_ask", args=[call.pk]), {"text": ASKED}
    )
    assert response.status_code == 400
    assert "この募集は、いま質問を受け付けていません" in response.content.decode()
    assert not CallQuestion.objects.exists()


def test_anonymous_visitors_are_asked_to_sign_in(call, client):
    assert "ログインして質問する" in page(None, call)
    response = client.post(reverse("calls:question_ask", args=[call.pk]), {"text": ASKED})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not CallQuestion.objects.exists()


def test_a_draft_call_takes_no_question_and_does_not_exist_for_the_public(users):
    draft = CallFactory(draft=True, department=users["city_staff"].department)
    response = client_for(users["citizen"]).post(
        reverse("calls:question_ask", args=[draft.pk]), {"text": ASKED}
    )
    assert response.status_code == 404


# --- Who sees what ------------------------------------------------------------------------


@pytest.fixture
def three_questions(call, users):
    """One waiting, one answered (reworded for publication), one hidden; all asked by the member."""
    asker = users["member"]
    waiting = ask(call, asker, "公開前の質問です：事業費に人件費を含めてよいですか。")
    answered = answer(ask(call, asker), users["city_staff"], public_text=REWORDED)
    hidden = services.question_hide(
        question=ask(call, asker, "隠された質問です：担当者の携帯番号を教えてください。"),
        user=users["city_staff"],
        reason="個人の連絡先に関するお問い合わせのため",
    )
    return waiting, answered, hidden


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_answered_questions_are_public_and_never_who_asked(
    call, three_questions, users, persona
):
    waiting, answered, hidden = three_questions
    body = page(users[persona], call)
    assert REWORDED in body and ANSWER in body
    asker = users["member"]
    if persona != "member":  # the asker is shown their own questions, as asked
        assert ASKED not in body  # the original wording (with a name and an address) is private
        assert waiting.text not in body and hidden.text not in body
        assert asker.full_name not in body and asker.email not in body
        assert "あなたが送った質問" not in body


def test_the_asker_sees_their_own_questions_in_every_state(call, three_questions, users):
    waiting, answered, hidden = three_questions
    body = page(users["member"], call)
    assert "あなたが送った質問" in body
    assert waiting.text in body and hidden.text in body
    assert "回答待ち" in body and "非公開" in body


def test_answered_questions_appear_as_qa_in_order(call, users):
    first = answer(ask(call, users["citizen"], "一つ目の質問"), users["city_staff"], "一つ目の回答")
    second = answer(
        ask(call, users["member"], "二つ目の質問"), users["support_office"], "二つ目の回答"
    )
    body = page(None, call)
    assert body.index(first.answer) < body.index(second.answer)
    assert 'id="question-' in body and "<time datetime=" in body


# --- Answering --------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_department_the_office_and_coordinators_answer(call, users, persona):
    question = ask(call, users["citizen"])
    client = client_for(users[persona])
    url = reverse("calls:question_answer", args=[question.pk])
    response = client.post(url, {"answer": ANSWER, "public_text": ""})
    question.refresh_from_db()
    if persona in ANSWERERS:
        assert response.status_code == 302
        assert question.status == CallQuestion.Status.ANSWERED
        assert question.answered_by == users[persona]
    else:
        expected = {"anonymous": 302, "other_department_staff": 404}.get(persona, 403)
        assert response.status_code == expected
        assert question.status == CallQuestion.Status.WAITING
        if persona != "anonymous":
            with pytest.raises(PermissionDenied):
                answer(question, users[persona])


def test_answering_keeps_the_original_publishes_and_tells_the_asker(
    call, users, django_capture_on_commit_callbacks
):
    question = ask(call, users["citizen"])
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(users["city_staff"]).post(
            reverse("calls:question_answer", args=[question.pk]),
            {"answer": ANSWER, "public_text": REWORDED},
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.text, question.public_text, question.answer) == (ASKED, REWORDED, ANSWER)
    assert question.published_text == REWORDED
    note = Notification.objects.get()
    assert note.user == users["citizen"] and note.url.endswith("#questions")
    (sent,) = mail.outbox
    assert sent.to == [users["citizen"].email] and ANSWER in sent.body
    change = CallQuestionStatusChange.objects.get(question=question)
    assert (change.action, change.actor, change.is_public) == ("answer", users["city_staff"], False)


def test_an_empty_answer_is_said_next_to_the_field(call, users):
    question = ask(call, users["citizen"])
    response = client_for(users["city_staff"]).post(
        reverse("calls:question_answer", args=[question.pk]),
        {"answer": "", "public_text": REWORDED},
    )
    assert response.status_code == 400
    assert response.context["answer_form"].errors["answer"] == ["回答を入力してください。"]
    assert REWORDED in response.content.decode()
    question.refresh_from_db()
    assert question.status == CallQuestion.Status.WAITING


def test_answering_twice_says_why(call, users):
    question = answer(ask(call, users["citizen"]), users["city_staff"])
    response = client_for(users["city_staff"]).post(
        reverse("calls:question_answer", args=[question.pk]), {"answer": "別の回答"}, follow=True
    )
    assert "今の状態（回答済み（公開））では、この操作はできません。" in response.content.decode()
    question.refresh_from_db()
    assert question.answer == ANSWER


def test_hiding_needs_a_reason_and_tells_the_asker(call, users):
    question = ask(call, users["citizen"])
    client = client_for(users["support_office"])
    url = reverse("calls:question_hide", args=[question.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code == 400
    assert "公開しない理由を入力してください。" in response.content.decode()
    response = client.post(url, {"comment": "募集と関係のない内容のため"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == CallQuestion.Status.HIDDEN
    assert question.status_changes.get().comment == "募集と関係のない内容のため"
    note = Notification.objects.get(user=users["citizen"])
    assert "公開しないことになりました" in note.message
    assert question.text not in page(None, call)


def test_the_staff_list_shows_waiting_questions_of_ones_own_department(call, users):
    mine = ask(call, users["citizen"], "自分の課への質問")
    other_call = CallFactory(department=users["other_department_staff"].department)
    theirs = ask(other_call, users["citizen"], "他の課への質問")
    answered = answer(ask(call, users["citizen"], "回答済みの質問"), users["city_staff"])
    url = reverse("calls:question_queue")

    listed = client_for(users["city_staff"]).get(url).content.decode()
    assert mine.text in listed and theirs.text not in listed and answered.text not in listed
    office = client_for(users["support_office"]).get(url).content.decode()
    assert mine.text in office and theirs.text in office
    every = client_for(users["city_staff"]).get(url, {"status": ""}).content.decode()
    assert answered.text in every
    assert client_for(users["citizen"]).get(url).status_code == 403


def test_staff_mypage_lists_questions_waiting_for_an_answer(call, users):
    ask(call, users["citizen"])
    ask(call, users["member"])
    for persona, expected in [("city_staff", True), ("support_office", True)]:
        body = client_for(users[persona]).get(reverse("mypage")).content.decode()
        assert ("回答を待つ質問" in body) is expected
        assert reverse("calls:question_queue") in body
    for persona in ("other_department_staff", "citizen"):
        body = client_for(users[persona]).get(reverse("mypage")).content.decode()
        assert "回答を待つ質問" not in body


# --- The call page's queries do not grow with its briefings and questions ------------------


def test_call_page_query_count_does_not_grow(call, users, django_assert_max_num_queries):
    staff = users["city_staff"]

    def add(n):
        for i in range(n):
            question = ask(call, users["member"], f"質問{i}")
            answer(question, staff, f"回答{i}")
            ask(call, users["member"], f"待っている質問{i}")
            services.briefing_save(
                call=call,
                values=services.BriefingValues(
                    starts_at=call.opens_at, ends_at=call.closes_at, place=f"会場{i}"
                ),
                user=staff,
            )

    add(1)
    for persona in ("anonymous", "member", "city_staff"):
        client = client_for(users[persona])
        with django_assert_max_num_queries(40) as few:
            client.get(call.get_absolute_url())
        add(3)
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(call.get_absolute_url())
