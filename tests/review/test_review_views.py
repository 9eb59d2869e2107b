"""Open review pages: who may open what, the score sheet, secrecy before publication, the
results, the session page and its iCalendar, the staff's page, and query counts."""

import re
from datetime import datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from kunitachi_kyodo.ical import ical_fold
from proposals.guideline.models import Criterion
from proposals.proposals.models import Proposal
from proposals.review import services
from proposals.review.models import (
    ConflictOfInterest,
    ReviewEntry,
    ReviewRound,
    ReviewSession,
    ScoreSheet,
)
from tests.conftest import CONFIRMED, client_for
from tests.factories import ProposalFactory, ReviewRoundFactory, UserFactory

pytestmark = pytest.mark.django_db

TOKYO = ZoneInfo("Asia/Tokyo")
SECRET_COMMENT = "提案書の収支計画に独自の工夫が見られるが人件費の根拠が薄い"
SECRET_REASON = "地域の見守りの担い手づくりとして効果が高く実現性もあるため"
# Reviewer 1 gives 4 everywhere (80 points), reviewer 2 gives [5, 4, 3, 4, 2, 5] on the
# default criteria weighted 20/20/20/15/10/15 (79 points): the first proposal's total is
# 79.5, a number that appears nowhere else.
SECOND_VALUES = [5, 4, 3, 4, 2, 5]
FIRST_TOTAL = "79.5"


@pytest.fixture
def setup(users, organization):
    """A round in scoring: two proposals in open review, two reviewers, one session."""
    staff = users["city_staff"]
    review_round = ReviewRoundFactory(title="令和8年度 協働事業提案 公開審査", created_by=staff)
    first = ProposalFactory(
        open_review=True,
        title="こども食堂と見守りの地域ネットワーク",
        organization=organization,
        proposer=users["member"],
        department=staff.department,  # the staff's department decides it, in its round
    )
    second = ProposalFactory(
        open_review=True, title="多摩川河川敷の清掃と自然観察会", department=staff.department
    )
    for proposal in (first, second):
        services.round_add_proposal(round=review_round, proposal=proposal, user=staff)
    other = UserFactory(email="reviewer2@example.jp", full_name="審査 七子", reviewer=True)
    services.reviewer_assign(
        round=review_round,
        reviewer=users["reviewer"],
        user=staff,
        kind="external",
        title="東京都立大学 教授",
    )
    services.reviewer_assign(round=review_round, reviewer=other, user=staff, kind="internal")
    services.round_start_scoring(round=review_round, user=staff)
    session = ReviewSession.objects.create(
        round=review_round,
        starts_at=datetime(2026, 12, 5, 13, 30, tzinfo=TOKYO),
        ends_at=datetime(2026, 12, 5, 16, 0, tzinfo=TOKYO),
        place="くにたち市民協働センター, 3階; 第1会議室",
        description="傍聴はどなたでもできます。\n事前の申し込みは要りません。",
        is_announced=True,
    )
    review_round.refresh_from_db()
    return SimpleNamespace(
        round=review_round,
        first=first,
        second=second,
        staff=staff,
        reviewer=users["reviewer"],
        other=other,
        session=session,
        criteria=list(Criterion.objects.filter(criterion_set=review_round.criterion_set)),
    )


def scores(criteria, values, comment=""):
    if isinstance(values, int):
        values = [values] * len(criteria)
    return {c.pk: (v, comment) for c, v in zip(criteria, values, strict=True)}


def submit_sheet(setup, reviewer, proposal, values, comment=""):
    return services.sheet_save(
        round=setup.round,
        proposal=proposal,
        reviewer=reviewer,
        scores=scores(setup.criteria, values, comment),
        overall_comment="",
        submit=True,
    )


def score_everything_and_decide(setup):
    submit_sheet(setup, setup.reviewer, setup.first, 4)
    submit_sheet(setup, setup.reviewer, setup.second, 3)
    submit_sheet(setup, setup.other, setup.first, SECOND_VALUES, SECRET_COMMENT)
    submit_sheet(setup, setup.other, setup.second, 2)
    for proposal, decision, reason in [
        (setup.first, "adopt", SECRET_REASON),
        (setup.second, "not_adopt", "事業の継続の見通しが十分に示されていないため"),
    ]:
        services.entry_decide(
            entry=ReviewEntry.objects.get(round=setup.round, proposal=proposal),
            decision=decision,
            reason=reason,
            user=setup.staff,
        )


def sheet_url(setup, proposal):
    return reverse("review:score_sheet", args=[setup.round.pk, proposal.pk])


def sheet_post(criteria, values, *, comments=None, action="save", overall=""):
    """A score sheet's POST; a submission as confirmed on the question page that precedes it."""
    data = {"action": action, "overall_comment": overall}
    if action == "submit":
        data |= CONFIRMED
    for index, (criterion, value) in enumerate(zip(criteria, values, strict=True)):
        if value is not None:
            data[f"score_{criterion.pk}"] = str(value)
        data[f"comment_{criterion.pk}"] = (comments or {}).get(index, "")
    return data


# --- Who may open the score sheet -------------------------------------------------


def test_a_reviewer_not_assigned_to_the_round_gets_403(setup, users):
    stranger = UserFactory(email="reviewer3@example.jp", full_name="審査 八郎", reviewer=True)
    for user in (stranger, users["city_staff"], users["admin"], users["member"]):
        client = client_for(user)
        assert client.get(sheet_url(setup, setup.first)).status_code == 403
        response = client.post(
            reverse("review:conflict_declare", args=[setup.round.pk, setup.first.pk]),
            {"reason": "知人です"},
        )
        assert response.status_code == 403
    # A proposal outside the round does not tell a stranger it exists either: still 403.
    outside = ProposalFactory(open_review=True)
    assert client_for(stranger).get(sheet_url(setup, outside)).status_code == 403
    assert not ConflictOfInterest.objects.exists()


def test_a_proposal_not_in_the_round_is_a_404(setup):
    outside = ProposalFactory(open_review=True)
    client = client_for(setup.reviewer)
    assert client.get(sheet_url(setup, outside)).status_code == 404
    missing = reverse("review:score_sheet", args=[setup.round.pk, 999999])
    assert client.get(missing).status_code == 404


def test_a_conflicted_reviewer_gets_403_on_the_sheet(setup):
    client = client_for(setup.reviewer)
    url = reverse("review:conflict_declare", args=[setup.round.pk, setup.first.pk])

    response = client.post(url, {"reason": "  "})
    assert response.status_code == 400
    assert "利害関係の内容" in response.content.decode()
    assert not ConflictOfInterest.objects.exists()

    response = client.post(url, {"reason": "提案団体の理事を務めています"})
    assert response.status_code == 302
    assert response["Location"] == reverse("review:my_reviews")
    assert ConflictOfInterest.objects.filter(reviewer=setup.reviewer).count() == 1
    assert client.get(sheet_url(setup, setup.first)).status_code == 403
    data = sheet_post(setup.criteria, [4] * 6, action="submit")
    assert client.post(sheet_url(setup, setup.first), data).status_code == 403
    assert not ScoreSheet.objects.filter(reviewer=setup.reviewer).exists()
    # The other proposal is still theirs to score, and their list says so.
    assert client.get(sheet_url(setup, setup.second)).status_code == 200
    body = client.get(reverse("review:my_reviews")).content.decode()
    assert "利害関係あり（採点しない）" in body
    assert "残り 1件" in body


def test_get_on_post_only_review_actions_is_405(setup):
    client = client_for(setup.staff)
    entry = ReviewEntry.objects.get(round=setup.round, proposal=setup.first)
    for url in [
        reverse("review:conflict_declare", args=[setup.round.pk, setup.first.pk]),
        reverse("review:round_add_proposal", args=[setup.round.pk]),
        reverse("review:round_assign_reviewer", args=[setup.round.pk]),
        reverse("review:round_start_scoring", args=[setup.round.pk]),
        reverse("review:entry_decide", args=[setup.round.pk, entry.pk]),
        reverse("review:round_publish", args=[setup.round.pk]),
    ]:
        assert client.get(url).status_code == 405, url


@pytest.mark.parametrize("persona", ["citizen", "member", "reviewer", "support_office"])
def test_only_city_staff_act_on_a_round(setup, as_persona, persona):
    client = as_persona(persona)
    entry = ReviewEntry.objects.get(round=setup.round, proposal=setup.first)
    for url, data in [
        (reverse("review:round_manage", args=[setup.round.pk]), None),
        (reverse("review:staff_round_list"), None),
        (reverse("review:session_create", args=[setup.round.pk]), None),
        (reverse("review:session_edit", args=[setup.session.pk]), None),
        (
            reverse("review:round_publish", args=[setup.round.pk]),
            {"publish-close_incomplete": "on"},
        ),
        (
            reverse("review:entry_decide", args=[setup.round.pk, entry.pk]),
            {"decision": "adopt", "reason": "よい"},
        ),
        (reverse("review:round_start_scoring", args=[setup.round.pk]), {}),
    ]:
        response = client.get(url) if data is None else client.post(url, data)
        assert response.status_code == 403, url
    setup.round.refresh_from_db()
    assert setup.round.status == ReviewRound.Status.SCORING
    entry.refresh_from_db()
    assert entry.decision == ""


# --- The score sheet ------------------------------------------------------------------


def test_the_sheet_has_a_fieldset_per_criterion_with_radios_and_two_buttons(setup):
    body = client_for(setup.reviewer).get(sheet_url(setup, setup.first)).content.decode()
    assert body.count("<fieldset") == len(setup.criteria)
    assert "<legend" in body and "公益性（0〜5点・配点20点）" in body
    for criterion in setup.criteria:
        for value in range(6):
            assert f'name="score_{criterion.pk}" value="{value}"' in body
        assert f'name="comment_{criterion.pk}"' in body
    assert "一時保存" in body
    assert "提出する（提出後は変更できません）" in body
    assert 'action="/review/rounds/' in body  # the conflict declaration form


def test_a_low_score_without_comment_is_refused_next_to_its_criterion_and_input_is_kept(setup):
    client = client_for(setup.reviewer)
    low = setup.criteria[2]
    data = sheet_post(
        setup.criteria,
        [5, 4, 1, 3, 2, 4],
        comments={0: "地域に広く開かれた事業です"},
        action="submit",
        overall="全体として丁寧な計画です",
    )
    response = client.post(sheet_url(setup, setup.first), data)
    assert response.status_code == 400
    body = response.content.decode()
    fieldset = re.search(rf'<fieldset id="criterion-{low.pk}".*?</fieldset>', body, re.S).group(0)
    assert "0点・1点には、理由のコメントが必要です。" in fieldset
    assert f'href="#criterion-{low.pk}"' in body  # the summary links to the criterion
    # Everything typed is still there.
    assert re.search(rf'name="score_{low.pk}" value="1"[^>]*checked', body)
    assert re.search(rf'name="score_{setup.criteria[0].pk}" value="5"[^>]*checked', body)
    assert "地域に広く開かれた事業です" in body
    assert "全体として丁寧な計画です" in body
    assert not ScoreSheet.objects.exists()


def test_submitting_an_incomplete_sheet_names_the_missing_criteria(setup):
    data = sheet_post(setup.criteria, [4, 4, 4, None, 4, 4], action="submit")
    response = client_for(setup.reviewer).post(sheet_url(setup, setup.first), data)
    assert response.status_code == 400
    assert "すべての審査項目を採点してください。" in response.content.decode()


def test_a_draft_is_kept_then_submitted_then_read_only(setup):
    client = client_for(setup.reviewer)
    url = sheet_url(setup, setup.first)
    response = client.post(url, sheet_post(setup.criteria, [4, 4, 3, None, None, None]))
    assert response.status_code == 302
    sheet = ScoreSheet.objects.get(reviewer=setup.reviewer, proposal=setup.first)
    assert sheet.submitted_at is None
    body = client.get(url).content.decode()
    assert re.search(rf'name="score_{setup.criteria[2].pk}" value="3"[^>]*checked', body)

    response = client.post(url, sheet_post(setup.criteria, [4, 4, 3, 4, 3, 4], action="submit"))
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.submitted_at is not None
    body = client.get(url).content.decode()
    assert "あなたの採点（提出済み）" in body
    assert 'name="score_' not in body
    # A late change is refused, said, and nothing moves.
    response = client.post(url, sheet_post(setup.criteria, [0] * 6, action="submit"), follow=True)
    assert "提出済みの採点票は変更できません。" in response.content.decode()
    assert sheet.scores.filter(value=0).count() == 0
    # Nor can a conflict be declared after submitting.
    response = client.post(
        reverse("review:conflict_declare", args=[setup.round.pk, setup.first.pk]),
        {"reason": "後から気づきました"},
        follow=True,
    )
    assert "採点票を提出した後は、利害関係を申告できません。" in response.content.decode()
    assert not ConflictOfInterest.objects.exists()


def test_others_scores_are_hidden_until_ones_own_submission(setup):
    submit_sheet(setup, setup.other, setup.first, SECOND_VALUES, SECRET_COMMENT)
    client = client_for(setup.reviewer)
    url = sheet_url(setup, setup.first)

    body = client.get(url).content.decode()
    assert SECRET_COMMENT not in body
    assert setup.other.full_name not in body
    # A draft is not enough.
    client.post(url, sheet_post(setup.criteria, [4] * 6))
    body = client.get(url).content.decode()
    assert SECRET_COMMENT not in body
    assert setup.other.full_name not in body

    client.post(url, sheet_post(setup.criteria, [4] * 6, action="submit"))
    body = client.get(url).content.decode()
    assert "ほかの委員の採点（提出済みのもの）" in body
    assert setup.other.full_name in body
    assert SECRET_COMMENT in body
    # The other reviewer, who submitted first, now sees this reviewer's sheet too.
    other_body = client_for(setup.other).get(url).content.decode()
    assert setup.reviewer.full_name in other_body


def test_a_reviewer_cannot_score_before_scoring_starts(users):
    staff = users["city_staff"]
    review_round = ReviewRoundFactory(created_by=staff)
    proposal = ProposalFactory(open_review=True, department=staff.department)
    services.round_add_proposal(round=review_round, proposal=proposal, user=staff)
    services.reviewer_assign(
        round=review_round, reviewer=users["reviewer"], user=staff, kind="external"
    )
    client = client_for(users["reviewer"])
    url = reverse("review:score_sheet", args=[review_round.pk, proposal.pk])
    body = client.get(url).content.decode()
    assert "まだ採点を受け付けていません" in body
    assert 'name="score_' not in body


def test_my_reviews_lists_rounds_and_what_is_left(setup):
    submit_sheet(setup, setup.reviewer, setup.first, 4)
    body = client_for(setup.reviewer).get(reverse("review:my_reviews")).content.decode()
    assert setup.round.title in body
    assert "提出済み" in body and "未採点" in body
    assert "残り 1件" in body
    assert sheet_url(setup, setup.second) in body
    # Someone with no assignment sees an empty list.
    body = client_for(UserFactory()).get(reverse("review:my_reviews")).content.decode()
    assert "割り当てられた審査はありません。" in body


def test_the_reviewer_my_page_counts_sheets_left_in_constant_queries(
    setup, users, django_assert_max_num_queries
):
    client = client_for(setup.reviewer)
    url = reverse("mypage")
    with django_assert_max_num_queries(30) as few:
        body = client.get(url).content.decode()
    assert setup.round.title in body
    assert "残り 2件" in body
    for _ in range(4):
        extra = ReviewRoundFactory(created_by=setup.staff)
        services.round_add_proposal(
            round=extra,
            proposal=ProposalFactory(open_review=True, department=setup.staff.department),
            user=setup.staff,
        )
        services.reviewer_assign(
            round=extra, reviewer=setup.reviewer, user=setup.staff, kind="external"
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


# --- Nothing of the scores is public before publication --------------------------


def public_pages(setup):
    return [
        reverse("review:review_index"),
        reverse("review:session_detail", args=[setup.session.pk]),
        reverse("review:session_ical", args=[setup.session.pk]),
        reverse("calls:call_feed"),
        reverse("calls:call_list"),
        reverse("proposals:proposal_list"),
        setup.first.get_absolute_url(),
        setup.second.get_absolute_url(),
        reverse("home"),
    ]


@pytest.mark.parametrize("persona", ["anonymous", "citizen", "member", "other_member"])
def test_no_score_or_comment_is_public_before_publication(setup, users, persona):
    score_everything_and_decide(setup)
    client = client_for(users[persona])
    for url in public_pages(setup):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for secret in (SECRET_COMMENT, SECRET_REASON, FIRST_TOTAL, "審査の結果を見る"):
            assert secret not in body, (url, secret)
        assert "合計点" not in body, url
    assert client.get(setup.round.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("persona", ["anonymous", "citizen", "reviewer", "city_staff", "admin"])
def test_the_results_page_is_a_404_for_everyone_before_publication(setup, users, persona):
    score_everything_and_decide(setup)
    response = client_for(users[persona]).get(setup.round.get_absolute_url())
    assert response.status_code == 404


def test_after_publication_the_results_are_public_but_not_who_gave_which_score(setup, users):
    score_everything_and_decide(setup)
    services.round_publish(round=setup.round, user=setup.staff)
    client = client_for(None)

    response = client.get(setup.round.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert FIRST_TOTAL in body
    assert SECRET_REASON in body
    assert "1位" in body and "2位" in body
    assert "採択" in body and "不採択" in body
    assert setup.first.title in body and setup.first.organization.name in body
    # 公益性 for the first proposal in the city's points: (4 + 5) / 2 of 5, worth 20 → 18.0.
    assert "18.0" in body
    assert setup.reviewer.full_name in body and "東京都立大学 教授" in body
    assert setup.other.full_name in body
    # Comments are the reviewers' own; never public.
    assert SECRET_COMMENT not in body
    # The chart is an image named by its caption, and the same numbers are in a table.
    assert re.search(r'<svg role="img" aria-labelledby="chart-caption"', body)
    assert 'id="chart-caption"' in body
    assert body.index("<svg") < body.index("<table")

    detail = client.get(setup.first.get_absolute_url()).content.decode()
    assert "審査の結果" in detail
    assert FIRST_TOTAL in detail
    assert "2件中 1位" in detail
    assert SECRET_REASON in detail
    assert setup.round.get_absolute_url() in detail
    assert SECRET_COMMENT not in detail

    index = client.get(reverse("review:review_index")).content.decode()
    assert setup.round.get_absolute_url() in index
    assert SECRET_COMMENT not in client.get(reverse("calls:call_feed")).content.decode()


def test_results_page_query_count_does_not_grow_with_entries(
    setup, users, django_assert_max_num_queries
):
    score_everything_and_decide(setup)
    services.round_publish(round=setup.round, user=setup.staff)
    client = client_for(None)
    with django_assert_max_num_queries(12) as few:
        client.get(setup.round.get_absolute_url())
    for _ in range(6):
        proposal = ProposalFactory(open_review=True)
        ReviewEntry.objects.create(
            round=setup.round, proposal=proposal, decision="adopt", reason="理由"
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(setup.round.get_absolute_url())
    assert response.content.decode().count("<rect") == 8


# --- The session page and its calendar ---------------------------------------------


def test_the_session_page_shows_time_in_tokyo_order_and_published_minutes(setup, users):
    client = client_for(None)
    url = setup.session.get_absolute_url()
    body = client.get(url).content.decode()
    assert "2026年12月5日" in body and "13:30" in body and "16:00" in body
    assert body.index(setup.first.title) < body.index(setup.second.title)
    assert "議事録" not in body

    setup.session.minutes = "## 質疑応答\n\n- 参加者の見込みについて質問がありました。"
    setup.session.save()
    assert "質疑応答" not in client.get(url).content.decode()
    setup.session.minutes_published = True
    setup.session.save()
    body = client.get(url).content.decode()
    assert "<h2>質疑応答</h2>" in body
    assert "<li>参加者の見込みについて質問がありました。</li>" in body


@pytest.mark.parametrize(
    "persona,status",
    [
        ("anonymous", 404),
        ("citizen", 404),
        ("reviewer", 404),
        ("other_department_staff", 404),  # the round is another department's
        ("city_staff", 200),
        ("coordinator", 200),
    ],
)
def test_a_session_not_announced_is_seen_by_staff_only(setup, users, persona, status):
    setup.session.is_announced = False
    setup.session.save()
    client = client_for(users[persona])
    assert client.get(setup.session.get_absolute_url()).status_code == status
    ical = reverse("review:session_ical", args=[setup.session.pk])
    assert client.get(ical).status_code == status
    index = client.get(reverse("review:review_index")).content.decode()
    assert setup.session.get_absolute_url() not in index


def unfold(body: str) -> list[str]:
    return body.replace("\r\n ", "").split("\r\n")


def test_the_ical_is_a_valid_event(setup, settings):
    settings.SITE_URL = "https://kyodo.example.jp"
    setup.session.description = (
        "傍聴はどなたでもできます。\n"
        "会場は、くにたち市民協働センター（国立市富士見台2丁目）です; 車での来場はご遠慮ください。"
        * 2
    )
    setup.session.save()
    response = client_for(None).get(reverse("review:session_ical", args=[setup.session.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # every line ends in CRLF
    physical = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in physical)
    assert any(line.startswith(b" ") for line in physical)  # the long description was folded
    for line in physical:
        line.decode("utf-8")  # never folded inside a character

    lines = unfold(raw.decode())
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "VERSION:2.0" in lines and "BEGIN:VEVENT" in lines and "END:VEVENT" in lines
    fields = dict(line.split(":", 1) for line in lines if ":" in line)
    assert fields["DTSTART"] == "20261205T043000Z"  # 13:30 in Tokyo
    assert fields["DTEND"] == "20261205T070000Z"
    assert re.fullmatch(r"\d{8}T\d{6}Z", fields["DTSTAMP"])
    assert fields["UID"] == f"review-session-{setup.session.pk}@kyodo.example.jp"
    assert fields["SUMMARY"] == "令和8年度 協働事業提案 公開審査 公開審査会"
    assert fields["LOCATION"] == "くにたち市民協働センター\\, 3階\\; 第1会議室"
    assert fields["DESCRIPTION"].startswith("傍聴はどなたでもできます。\\n会場は、")
    assert "です\\; 車での" in fields["DESCRIPTION"]
    assert "\\," not in fields["DESCRIPTION"].replace("、", "")  # only ASCII commas are escaped
    assert fields["URL"] == "http://testserver" + setup.session.get_absolute_url()


def test_folding_counts_octets_and_never_splits_a_character():
    line = "DESCRIPTION:" + "あ" * 60
    folded = ical_fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join([parts[0], *[p[1:] for p in parts[1:]]]) == line
    assert ical_fold("SUMMARY:short") == "SUMMARY:short"


# --- The staff's pages -------------------------------------------------------------


def test_staff_create_a_round_and_set_it_up(users):
    staff = users["city_staff"]
    client = client_for(staff)
    proposal = ProposalFactory(
        open_review=True, title="公園の花壇づくり", department=staff.department
    )
    ProposalFactory(screening=True, title="一次審査中の提案", department=staff.department)

    response = client.post(
        reverse("review:staff_round_list"),
        {"title": "", "stage": "open_review", "fiscal_year": "2026", "criterion_set": ""},
    )
    assert response.status_code == 400
    assert "このフィールドは必須です。" in response.content.decode()

    default_set = Criterion.objects.first().criterion_set
    response = client.post(
        reverse("review:staff_round_list"),
        {
            "title": "令和8年度 公開審査",
            "stage": "open_review",
            "fiscal_year": "2026",
            "criterion_set": default_set.pk,
        },
    )
    review_round = ReviewRound.objects.get(title="令和8年度 公開審査")
    assert response.status_code == 302
    assert review_round.created_by == staff
    assert review_round.status == ReviewRound.Status.PREPARING
    manage = reverse("review:round_manage", args=[review_round.pk])

    body = client.get(manage).content.decode()
    assert "公園の花壇づくり" in body
    assert "一次審査中の提案" not in body  # the stage takes proposals in open review only

    client.post(
        reverse("review:round_add_proposal", args=[review_round.pk]),
        {"add-proposal": proposal.pk},
    )
    assert review_round.entries.get().proposal == proposal
    client.post(
        reverse("review:round_assign_reviewer", args=[review_round.pk]),
        {
            "assign-reviewer": users["reviewer"].pk,
            "assign-kind": "external",
            "assign-title": "教授",
        },
    )
    assert review_round.assignments.get().reviewer == users["reviewer"]
    # A citizen is not a reviewer: not in the list, and refused.
    response = client.post(
        reverse("review:round_assign_reviewer", args=[review_round.pk]),
        {"assign-reviewer": users["citizen"].pk, "assign-kind": "external"},
    )
    assert response.status_code == 400
    client.post(reverse("review:round_start_scoring", args=[review_round.pk]))
    review_round.refresh_from_db()
    assert review_round.status == ReviewRound.Status.SCORING
    body = client.get(manage).content.decode()
    assert "未" in body and users["reviewer"].full_name in body


def test_the_decision_select_offers_only_the_stages_decisions_and_needs_a_reason(setup):
    client = client_for(setup.staff)
    manage = reverse("review:round_manage", args=[setup.round.pk])
    body = client.get(manage).content.decode()
    assert 'value="adopt"' in body and 'value="not_adopt"' in body
    assert 'value="pass"' not in body
    entry = ReviewEntry.objects.get(round=setup.round, proposal=setup.first)
    url = reverse("review:entry_decide", args=[setup.round.pk, entry.pk])

    response = client.post(url, {"decision": "pass", "reason": "よい"})
    assert response.status_code == 400
    response = client.post(url, {"decision": "adopt", "reason": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert f'id="id_entry{entry.pk}_reason"' in body
    entry.refresh_from_db()
    assert entry.decision == ""
    response = client.post(url, {"decision": "adopt", "reason": SECRET_REASON})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.decision, entry.reason) == ("adopt", SECRET_REASON)


def test_publishing_lists_what_is_missing_then_closes_only_when_asked(setup):
    client = client_for(setup.staff)
    url = reverse("review:round_publish", args=[setup.round.pk])
    submit_sheet(setup, setup.reviewer, setup.first, 4)
    for entry in setup.round.entries.all():
        services.entry_decide(entry=entry, decision="adopt", reason="理由です", user=setup.staff)

    response = client.post(url, {})
    assert response.status_code == 400
    body = response.content.decode()
    assert "未提出の採点票があります。" in body
    assert f"{setup.other.full_name}：{setup.first.title}" in body
    setup.round.refresh_from_db()
    assert setup.round.status == ReviewRound.Status.SCORING

    response = client.post(url, {"publish-close_incomplete": "on", **CONFIRMED})
    assert response.status_code == 302
    setup.round.refresh_from_db()
    assert setup.round.is_published and setup.round.closed_incomplete
    assert Proposal.objects.get(pk=setup.first.pk).status == Proposal.Status.ADOPTED

    body = client.get(reverse("review:round_manage", args=[setup.round.pk])).content.decode()
    assert "公表しました" in body
    # No form is left: nothing posts to the round's actions any more.
    assert 'action="/office/review/' not in body
    assert 'name="decision"' not in body


def test_the_manage_page_shows_progress_and_the_private_preview(setup):
    submit_sheet(setup, setup.reviewer, setup.first, 4)
    services.sheet_save(
        round=setup.round,
        proposal=setup.second,
        reviewer=setup.reviewer,
        scores=scores(setup.criteria, 3),
    )
    services.conflict_declare(
        round=setup.round, proposal=setup.first, reviewer=setup.other, reason="理事です"
    )
    body = (
        client_for(setup.staff)
        .get(reverse("review:round_manage", args=[setup.round.pk]))
        .content.decode()
    )
    for label in ("提出済み", "一時保存", "利害関係", "未"):
        assert f">{label}</td>" in body
    assert "80.0" in body  # the preview of the first proposal's total
    assert "未提出の採点票：2件" in body


def test_manage_page_query_count_does_not_grow_with_entries(setup, django_assert_max_num_queries):
    client = client_for(setup.staff)
    url = reverse("review:round_manage", args=[setup.round.pk])
    submit_sheet(setup, setup.reviewer, setup.first, 4)
    department = setup.staff.department
    ProposalFactory(open_review=True, department=department)  # a candidate for the add form
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for _ in range(6):
        services.round_add_proposal(
            round=setup.round,
            proposal=ProposalFactory(open_review=True, department=department),
            user=setup.staff,
        )
    # Candidates for the add form.
    ProposalFactory.create_batch(3, open_review=True, department=department)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("決定を記録する") == 8


def test_staff_add_and_edit_a_session_in_tokyo_time(setup):
    client = client_for(setup.staff)
    url = reverse("review:session_create", args=[setup.round.pk])
    data = {
        "starts_at": "2027-01-16T10:00",
        "ends_at": "2027-01-16T09:00",
        "place": "国立市役所 第1・第2会議室",
        "description": "",
        "is_announced": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "終了日時は開始日時より後にしてください。" in response.content.decode()
    assert (
        response.content.decode().count("終了日時は開始日時より後にしてください。") == 2
    )  # summary + field

    response = client.post(url, {**data, "ends_at": "2027-01-16T12:00"})
    assert response.status_code == 302
    session = ReviewSession.objects.get(place="国立市役所 第1・第2会議室")
    assert session.round == setup.round
    assert timezone.localtime(session.starts_at).hour == 10
    assert session.starts_at == datetime(2027, 1, 16, 1, 0, tzinfo=ZoneInfo("UTC"))

    edit = reverse("review:session_edit", args=[session.pk])
    assert 'value="2027-01-16T10:00"' in client.get(edit).content.decode()
    response = client.post(
        edit, {**data, "ends_at": "2027-01-16T12:00", "minutes_published": "on", "minutes": ""}
    )
    assert response.status_code == 400
    assert "議事録を公開するには" in response.content.decode()


def test_the_staff_menu_and_the_public_menu_link_to_open_review(users):
    staff_body = client_for(users["city_staff"]).get(reverse("review:staff_round_list"))
    assert reverse("review:staff_round_list") in staff_body.content.decode()
    public_body = client_for(None).get(reverse("home")).content.decode()
    assert reverse("review:review_index") in public_body


def test_the_index_lists_sessions_upcoming_and_past(setup):
    past = ReviewSession.objects.create(
        round=setup.round,
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=30, hours=-2),
        place="くにたち福祉会館",
        is_announced=True,
    )
    body = client_for(None).get(reverse("review:review_index")).content.decode()
    upcoming_at = body.index("これからの公開審査会")
    past_at = body.index("これまでの公開審査会")
    assert upcoming_at < body.index(setup.session.get_absolute_url()) < past_at
    assert body.index(past.get_absolute_url()) > past_at


def test_submitting_a_sheet_is_asked_first_and_the_scores_are_kept_as_a_draft_meanwhile(setup):
    client = client_for(setup.reviewer)
    url = sheet_url(setup, setup.first)
    data = sheet_post(setup.criteria, [4] * 6, action="submit")
    del data["confirmed"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "この操作は取り消せません。" in response.content.decode()
    sheet = ScoreSheet.objects.get(reviewer=setup.reviewer, proposal=setup.first)
    assert sheet.submitted_at is None and sheet.scores.count() == 6  # a draft, nothing lost
    client.post(url, {**data, **CONFIRMED})
    sheet.refresh_from_db()
    assert sheet.submitted_at is not None
