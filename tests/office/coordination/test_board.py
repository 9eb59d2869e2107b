"""The coordination board: posting, the office's review, responses through the portal, the
match and its outcome, contacts never public, staleness, the 成立率."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kunitachi_kyodo.metrics import metric
from kunitachi_kyodo.worklist import tasks_of
from support_office.coordination import services
from support_office.coordination.models import CoordinationRequest, Response
from support_office.coordination.workflow import REQUEST_WORKFLOW
from tests.conftest import HEADER_TASK_QUERIES, client_for
from tests.office.talent.builders import published_request, request_values

pytestmark = pytest.mark.django_db

CONTACT = "秘密連絡先 042-000-0000"
RESPONDER_CONTACT = "応答者連絡先 090-1111-2222"


def _detail(client, item):
    return client.get(reverse("support_office:coordination:request_detail", args=[item.pk]))


def test_a_post_waits_for_the_office_before_the_board_shows_it(users):
    item = services.request_save(user=users["citizen"], values=request_values())
    services.request_transition(request=item, action="submit", actor=users["citizen"])
    board = client_for(None).get(reverse("support_office:coordination:board")).content.decode()
    assert item.title not in board
    assert _detail(client_for(users["member"]), item).status_code == 404
    services.request_transition(request=item, action="publish", actor=users["support_office"])
    board = client_for(None).get(reverse("support_office:coordination:board")).content.decode()
    assert item.title in board


def test_the_contact_is_never_public(users):
    item = published_request(users["citizen"], users["support_office"])
    services.request_respond(
        request=item, user=users["member"], message="調理室を貸せます", contact=RESPONDER_CONTACT
    )
    for persona in ("anonymous", "member", "other_member", "city_staff"):
        client = client_for(users[persona])
        bodies = [
            _detail(client, item).content.decode(),
            client.get(reverse("support_office:coordination:board")).content.decode(),
            client.get(reverse("support_office:coordination:feed")).content.decode(),
            client.get(reverse("feeds:all")).content.decode(),
            client.get(reverse("search:search") + "?q=秘密連絡先").content.decode(),
        ]
        body = "\n".join(bodies)
        assert CONTACT not in body, persona
        if persona != "member":  # the responder knows their own contact, but is not shown it
            assert RESPONDER_CONTACT not in body, persona
    # The poster and the office see the responder's contact through the portal.
    assert RESPONDER_CONTACT in _detail(client_for(users["citizen"]), item).content.decode()
    office = _detail(client_for(users["support_office"]), item).content.decode()
    assert RESPONDER_CONTACT in office and CONTACT in office


def test_a_response_with_missing_fields_says_so_next_to_them_and_keeps_the_input(users):
    item = published_request(users["citizen"], users["support_office"])
    response = client_for(users["member"]).post(
        reverse("support_office:coordination:request_respond", args=[item.pk]),
        {"message": "日曜日なら貸せます", "contact": ""},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "連絡先を入力してください。" in body
    assert "日曜日なら貸せます" in body
    assert not Response.objects.exists()


def test_the_poster_cannot_respond_to_their_own_request(users):
    item = published_request(users["citizen"], users["support_office"])
    response = client_for(users["citizen"]).post(
        reverse("support_office:coordination:request_respond", args=[item.pk]),
        {"message": "自分です", "contact": "x"},
    )
    assert response.status_code == 403
    assert not Response.objects.exists()


def test_one_response_per_person(users):
    item = published_request(users["citizen"], users["support_office"])
    services.request_respond(request=item, user=users["member"], message="a", contact="b")
    with pytest.raises(Exception) as error:
        services.request_respond(request=item, user=users["member"], message="a", contact="b")
    assert "すでに応答" in str(error.value)
    assert Response.objects.count() == 1


def test_match_then_outcome_with_reason_and_a_worklist_item_between(users):
    office = users["support_office"]
    item = published_request(users["citizen"], office)
    answer = services.request_respond(
        request=item, user=users["member"], message="貸せます", contact="c"
    )
    services.request_transition(request=item, action="match", actor=office, response=answer)
    waiting = {task.label: task.count for task in tasks_of(office)}
    assert waiting["成立・不成立の記録を待つマッチング"] == 1
    # The outcome needs its reason: nothing is written without it.
    with pytest.raises(Exception) as error:
        services.request_transition(request=item, action="record_matched", actor=office)
    assert "理由を入力してください" in str(error.value)
    item.refresh_from_db()
    assert item.status == CoordinationRequest.Status.MATCHED
    services.request_transition(
        request=item, action="record_matched", actor=office, comment="毎月の会場が決まった"
    )
    item.refresh_from_db()
    assert (item.status, item.outcome, item.outcome_reason) == (
        "closed",
        "matched",
        "毎月の会場が決まった",
    )
    assert item.matched_response == answer
    assert "成立・不成立の記録を待つマッチング" not in {t.label for t in tasks_of(office)}
    # The outcome and its reason are on the public timeline.
    public = _detail(client_for(None), item).content.decode()
    assert "マッチングが成立しました" in public and "毎月の会場が決まった" in public


@pytest.mark.parametrize("persona", ["anonymous", "citizen", "member", "city_staff"])
def test_only_the_office_matches_and_records_outcomes(users, persona):
    item = published_request(users["citizen"], users["support_office"])
    response = client_for(users[persona]).post(
        reverse("support_office:coordination:request_act", args=[item.pk, "match"]), {}
    )
    assert response.status_code in (302, 403)
    if users[persona] is not None:
        assert response.status_code == 403
    item.refresh_from_db()
    assert item.status == CoordinationRequest.Status.PUBLISHED


def test_the_poster_closes_with_a_reason(users):
    item = published_request(users["citizen"], users["support_office"])
    url = reverse("support_office:coordination:request_act", args=[item.pk, "close"])
    refused = client_for(users["citizen"]).post(url, {"comment": ""})
    assert refused.status_code == 400
    assert "理由を入力してください。" in refused.content.decode()
    client_for(users["citizen"]).post(url, {"comment": "自分で見つかった"})
    item.refresh_from_db()
    assert (item.status, item.outcome) == ("closed", "closed")


def test_a_stale_request_is_warned_first_then_closed(users, django_capture_on_commit_callbacks):
    item = published_request(users["citizen"], users["support_office"])
    today = timezone.localdate()
    CoordinationRequest.objects.filter(pk=item.pk).update(
        open_until=today + datetime.timedelta(days=3)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.close_stale_requests(today=today) == (1, 0)
    assert any("まもなく募集期限" in m.subject for m in mail.outbox)
    assert services.close_stale_requests(today=today) == (0, 0)  # warned once
    mail.outbox.clear()
    call_command("close_stale_requests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    later = today + datetime.timedelta(days=4)
    assert services.close_stale_requests(today=later) == (0, 1)
    item.refresh_from_db()
    assert (item.status, item.outcome) == ("closed", "closed")
    change = item.status_changes.last()
    assert change.action == "expire" and change.actor.email == "system@portal.invalid"


def test_expire_is_not_a_move_anyone_can_make_on_a_page(users):
    item = published_request(users["citizen"], users["support_office"])
    for persona in ("citizen", "support_office", "admin"):
        assert "expire" not in {t.action for t in REQUEST_WORKFLOW.allowed(users[persona], item)}


def test_match_rate_per_fiscal_year(users):
    office = users["support_office"]
    outcomes = ["record_matched", "record_matched", "record_not_matched"]
    for n, action in enumerate(outcomes):
        item = published_request(users["citizen"], office, title=f"依頼{n}")
        services.request_transition(request=item, action="match", actor=office)
        services.request_transition(request=item, action=action, actor=office, comment="理由")
    closed = published_request(users["citizen"], office, title="終了")
    services.request_transition(request=closed, action="close", actor=office, comment="取り下げ")
    rows = metric("coordination-match-rate").rows()
    assert len(rows) == 1
    assert str(rows[0].values[0]) == "50.0"  # 2 of 4 outcomes
    assert metric("coordination-outcomes").rows()[0].values == (2, 1, 1)


def test_the_board_filters_and_its_query_count_does_not_grow(users, django_assert_max_num_queries):
    for n in range(3):
        published_request(users["citizen"], users["support_office"], title=f"会場{n}")
    published_request(
        users["citizen"], users["support_office"], title="寄付します", kind="offering_donation"
    )
    client = client_for(users["citizen"])
    url = reverse("support_office:coordination:board")
    with django_assert_max_num_queries(12 + HEADER_TASK_QUERIES):
        body = client.get(url + "?kind=offering_donation").content.decode()
    assert "寄付します" in body and "会場0" not in body
    body = client.get(url + "?kind=nonsense").content.decode()
    assert "正しく選択してください。 nonsense は候補にありません。" in body  # next to the field


def test_the_system_account_cannot_sign_in_and_passes_the_models_checks(users):
    from support_office.talent.services import system_actor

    actor = system_actor()
    actor.full_clean()
    assert not actor.has_usable_password() and not actor.is_active


def test_a_linked_proposal_shows_only_once_it_is_public(users):
    from tests.factories import ProposalFactory

    office = users["support_office"]
    draft = ProposalFactory(proposer=users["member"], title="まだ下書きの提案")
    item = published_request(users["citizen"], office)
    services.request_transition(request=item, action="match", actor=office)
    services.request_transition(
        request=item, action="record_matched", actor=office, comment="提案に", proposal=draft
    )
    assert "まだ下書きの提案" not in _detail(client_for(None), item).content.decode()
    type(draft).objects.filter(pk=draft.pk).update(submitted_at=timezone.now())
    assert "まだ下書きの提案" in _detail(client_for(None), item).content.decode()
