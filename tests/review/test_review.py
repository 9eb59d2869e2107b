"""Open review services: scoring rules, conflicts, decisions, publication in one act, freezing."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from proposals.guideline.models import Criterion
from proposals.guideline.scoring import MEETS
from proposals.proposals.models import Proposal, StatusChange
from proposals.review import services
from proposals.review.models import ReviewEntry, ReviewRound, Score, ScoreSheet
from proposals.review.selectors import missing_sheets, round_results
from tests.factories import ProposalFactory, ReviewRoundFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(users):
    """A round in scoring with two proposals and two reviewers."""
    staff = users["city_staff"]
    # Proposals of the staff's department: its staff decide them, so put them in its round.
    first = ProposalFactory(open_review=True, title="見守りのお茶会", department=staff.department)
    second = ProposalFactory(open_review=True, title="河川敷の清掃", department=staff.department)
    review_round = ReviewRoundFactory(created_by=staff)
    for proposal in (first, second):
        services.round_add_proposal(round=review_round, proposal=proposal, user=staff)
    reviewers = [
        users["reviewer"],
        UserFactory(email="reviewer2@example.jp", full_name="審査 七子", reviewer=True),
    ]
    for reviewer in reviewers:
        services.reviewer_assign(round=review_round, reviewer=reviewer, user=staff, kind="external")
    services.round_start_scoring(round=review_round, user=staff)
    criteria = list(Criterion.objects.filter(criterion_set=review_round.criterion_set))
    return {
        "round": review_round,
        "proposals": [first, second],
        "reviewers": reviewers,
        "criteria": criteria,
        "staff": staff,
    }


def all_scores(criteria, value, comment=""):
    return {c.pk: (value, comment) for c in criteria}


def test_a_reviewer_scores_and_submits(setup):
    sheet = services.sheet_save(
        round=setup["round"],
        proposal=setup["proposals"][0],
        reviewer=setup["reviewers"][0],
        scores=all_scores(setup["criteria"], 4),
        submit=True,
    )
    assert sheet.submitted_at is not None
    assert sheet.scores.count() == 6


@pytest.mark.parametrize("value", [-1, 6, None])
def test_a_score_out_of_range_or_missing_is_refused(setup, value):
    scores = all_scores(setup["criteria"], 3)
    scores[setup["criteria"][0].pk] = (value, "")
    with pytest.raises(ValidationError):
        services.sheet_save(
            round=setup["round"],
            proposal=setup["proposals"][0],
            reviewer=setup["reviewers"][0],
            scores=scores,
            submit=True,
        )
    assert not Score.objects.exists()


def test_low_scores_need_a_comment(setup):
    scores = all_scores(setup["criteria"], 3)
    scores[setup["criteria"][0].pk] = (1, "")
    with pytest.raises(ValidationError, match="コメントが必要"):
        services.sheet_save(
            round=setup["round"],
            proposal=setup["proposals"][0],
            reviewer=setup["reviewers"][0],
            scores=scores,
        )


def test_the_database_refuses_a_low_score_without_comment_and_out_of_range_values(setup):
    sheet = ScoreSheet.objects.create(
        round=setup["round"], proposal=setup["proposals"][0], reviewer=setup["reviewers"][0]
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.create(sheet=sheet, criterion=setup["criteria"][0], value=0, comment="")
    # The scale lives on the criterion (sheet_save checks it); the database bounds every scale.
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.create(sheet=sheet, criterion=setup["criteria"][0], value=101, comment="x")


def test_a_second_sheet_for_the_same_reviewer_and_proposal_is_refused_by_the_database(setup):
    ScoreSheet.objects.create(
        round=setup["round"], proposal=setup["proposals"][0], reviewer=setup["reviewers"][0]
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ScoreSheet.objects.create(
            round=setup["round"], proposal=setup["proposals"][0], reviewer=setup["reviewers"][0]
        )


def test_scoring_a_proposal_one_is_not_assigned_to_is_refused(setup, users):
    with pytest.raises(PermissionDenied):
        services.sheet_save(
            round=setup["round"],
            proposal=setup["proposals"][0],
            reviewer=users["citizen"],
            scores=all_scores(setup["criteria"], 3),
        )
    outsider = ProposalFactory(open_review=True)
    with pytest.raises(PermissionDenied):
        services.sheet_save(
            round=setup["round"],
            proposal=outsider,
            reviewer=setup["reviewers"][0],
            scores=all_scores(setup["criteria"], 3),
        )


def test_a_conflicted_reviewer_cannot_score_and_is_left_out_of_the_total(setup):
    review_round, (first, _second), (reviewer, other), criteria = (
        setup["round"],
        setup["proposals"],
        setup["reviewers"],
        setup["criteria"],
    )
    services.conflict_declare(
        round=review_round, proposal=first, reviewer=reviewer, reason="理事を務めています"
    )
    with pytest.raises(PermissionDenied):
        services.sheet_save(
            round=review_round, proposal=first, reviewer=reviewer, scores=all_scores(criteria, 5)
        )
    services.sheet_save(
        round=review_round,
        proposal=first,
        reviewer=other,
        scores=all_scores(criteria, 3),
        submit=True,
    )
    row = next(r for r in round_results(review_round).rows if r.entry.proposal == first)
    assert (row.result.scored_by, row.result.conflicts) == (1, 1)
    assert row.result.on_100 == Decimal("60.0")
    assert (reviewer, first) not in missing_sheets(review_round)


def test_declaring_a_conflict_after_submitting_is_refused(setup):
    review_round, first, reviewer = setup["round"], setup["proposals"][0], setup["reviewers"][0]
    services.sheet_save(
        round=review_round,
        proposal=first,
        reviewer=reviewer,
        scores=all_scores(setup["criteria"], 3),
        submit=True,
    )
    with pytest.raises(ValidationError, match="提出した後"):
        services.conflict_declare(
            round=review_round, proposal=first, reviewer=reviewer, reason="後から気づいた"
        )


def test_a_submitted_sheet_cannot_be_changed(setup):
    args = {
        "round": setup["round"],
        "proposal": setup["proposals"][0],
        "reviewer": setup["reviewers"][0],
    }
    services.sheet_save(**args, scores=all_scores(setup["criteria"], 3), submit=True)
    with pytest.raises(ValidationError, match="提出済み"):
        services.sheet_save(**args, scores=all_scores(setup["criteria"], 5))
    assert set(Score.objects.values_list("value", flat=True)) == {3}


def test_weights_and_ranks(setup):
    review_round, (first, second), reviewers, criteria = (
        setup["round"],
        setup["proposals"],
        setup["reviewers"],
        setup["criteria"],
    )
    for reviewer in reviewers:
        services.sheet_save(
            round=review_round,
            proposal=first,
            reviewer=reviewer,
            scores=all_scores(criteria, 5),
            submit=True,
        )
        # 公益性 (20 points) gets 0, everything else 5: 80 points.
        scores = all_scores(criteria, 5)
        scores[criteria[0].pk] = (0, "公益性が見えにくい")
        services.sheet_save(
            round=review_round, proposal=second, reviewer=reviewer, scores=scores, submit=True
        )
    table = round_results(review_round)
    results = {r.entry.proposal: r.result for r in table.rows}
    assert results[first].on_100 == Decimal("100.0")
    assert results[second].on_100 == Decimal("80.0")
    assert (results[first].rank, results[second].rank) == (1, 2)
    public_benefit = next(c.key for c in table.columns if c.name == "公益性")
    assert results[second].criterion_points[public_benefit] == 0
    assert results[second].verdict == MEETS


def test_publishing_with_unfinished_sheets_is_refused_with_the_list_unless_closed_explicitly(setup):
    review_round, (first, _second), reviewers, criteria, staff = (
        setup["round"],
        setup["proposals"],
        setup["reviewers"],
        setup["criteria"],
        setup["staff"],
    )
    services.sheet_save(
        round=review_round,
        proposal=first,
        reviewer=reviewers[0],
        scores=all_scores(criteria, 4),
        submit=True,
    )
    for entry in review_round.entries.all():
        services.entry_decide(
            entry=entry, decision="adopt", reason="地域の課題に合っている", user=staff
        )
    with pytest.raises(ValidationError) as refused:
        services.round_publish(round=review_round, user=staff)
    assert "審査 七子：見守りのお茶会" in refused.value.messages
    assert Proposal.objects.filter(status=Proposal.Status.ADOPTED).count() == 0

    services.round_publish(round=review_round, user=staff, close_incomplete=True)
    review_round.refresh_from_db()
    assert review_round.is_published and review_round.closed_incomplete


def test_publication_applies_every_decision_at_once_with_reasons_and_freezes(setup, users):
    review_round, (first, second), reviewers, criteria, staff = (
        setup["round"],
        setup["proposals"],
        setup["reviewers"],
        setup["criteria"],
        setup["staff"],
    )
    for reviewer in reviewers:
        for proposal in (first, second):
            services.sheet_save(
                round=review_round,
                proposal=proposal,
                reviewer=reviewer,
                scores=all_scores(criteria, 3),
                submit=True,
            )
    entry_first, entry_second = ReviewEntry.objects.filter(round=review_round).order_by(
        "presentation_order"
    )
    services.entry_decide(
        entry=entry_first, decision="adopt", reason="協働の効果が大きい", user=staff
    )
    # Nothing changes for the proposer until the round is published.
    first.refresh_from_db()
    assert first.status == Proposal.Status.OPEN_REVIEW
    services.entry_decide(
        entry=entry_second, decision="not_adopt", reason="予算の根拠が不足", user=staff
    )
    services.round_publish(round=review_round, user=staff)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Proposal.Status.ADOPTED, Proposal.Status.NOT_ADOPTED)
    decision = StatusChange.objects.get(proposal=second, to_status=Proposal.Status.NOT_ADOPTED)
    assert (
        decision.comment == "予算の根拠が不足" and decision.is_public and decision.comment_is_public
    )

    with pytest.raises(ValidationError, match="公表済み"):
        services.entry_decide(
            entry=entry_first, decision="not_adopt", reason="やり直し", user=staff
        )
    with pytest.raises(ValidationError, match="公表済み"):
        services.conflict_declare(
            round=review_round, proposal=first, reviewer=reviewers[0], reason="x"
        )


def test_only_city_staff_decide_and_publish(setup, users):
    entry = ReviewEntry.objects.filter(round=setup["round"]).first()
    for name in ("citizen", "reviewer", "support_office", "member"):
        with pytest.raises(PermissionDenied):
            services.entry_decide(entry=entry, decision="adopt", reason="x", user=users[name])
        with pytest.raises(PermissionDenied):
            services.round_publish(round=setup["round"], user=users[name], close_incomplete=True)


def test_a_decision_needs_a_reason_and_a_decision_of_the_stage(setup):
    entry = ReviewEntry.objects.filter(round=setup["round"]).first()
    with pytest.raises(ValidationError):
        services.entry_decide(entry=entry, decision="adopt", reason="  ", user=setup["staff"])
    with pytest.raises(ValidationError):
        services.entry_decide(entry=entry, decision="pass", reason="一次通過", user=setup["staff"])


def test_only_proposals_in_the_rounds_stage_can_join(users):
    review_round = ReviewRoundFactory(created_by=users["city_staff"])
    with pytest.raises(ValidationError, match="入れられません"):
        services.round_add_proposal(
            round=review_round,
            proposal=ProposalFactory(submitted=True, department=users["city_staff"].department),
            user=users["city_staff"],
        )
    assert not ReviewRound.objects.get().entries.exists()
