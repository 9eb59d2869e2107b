"""Properties of a round's results read from the database, checked by hypothesis against a
plain reference.

The results come from scoring.compute, fed by selectors.scoring_entries with the round's
submitted sheets and conflicts; here every example builds a round in the database, reads
its results through the selector the pages use, and compares.
"""

from fractions import Fraction

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proposals.guideline.models import Criterion, CriterionSet
from proposals.guideline.scoring import shown
from proposals.review.models import ReviewEntry, ReviewRound, Score, ScoreSheet
from proposals.review.selectors import round_results
from tests.factories import ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db

weights_strategy = st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=6)


@st.composite
def review(draw):
    weights = draw(weights_strategy)
    reviewers = draw(st.integers(min_value=1, max_value=4))
    sheets = [
        draw(st.lists(st.integers(0, 5), min_size=len(weights), max_size=len(weights)))
        for _ in range(reviewers)
    ]
    conflicted = draw(st.lists(st.booleans(), min_size=reviewers, max_size=reviewers))
    return weights, sheets, conflicted


def reference_total(weights, sheets, conflicted):
    counted = [sheet for sheet, conflict in zip(sheets, conflicted, strict=True) if not conflict]
    if not counted:
        return None
    weighted = sum(w * v for sheet in counted for w, v in zip(weights, sheet, strict=True))
    return Fraction(100 * weighted, 5 * sum(weights) * len(counted))


def compute(weights, sheets, conflicted, *, reverse=False):
    """Build one round in the database (rolled back afterwards) and return its result."""
    with transaction.atomic():
        criterion_set = CriterionSet.objects.create(name="property", pass_line=50)
        criteria = [
            Criterion.objects.create(
                criterion_set=criterion_set, name=f"c{i}", max_points=w, order=i
            )
            for i, w in enumerate(weights)
        ]
        staff = UserFactory(city_staff=True)
        review_round = ReviewRound.objects.create(
            title="p",
            fiscal_year=2026,
            criterion_set=criterion_set,
            department=staff.department,
            created_by=staff,
            status="scoring",
        )
        proposal = ProposalFactory(open_review=True, proposer=staff)
        ReviewEntry.objects.create(round=review_round, proposal=proposal)
        order = list(zip(sheets, conflicted, strict=True))
        for values, conflict in reversed(order) if reverse else order:
            if conflict:
                continue  # a conflicted reviewer has no sheet
            reviewer = UserFactory(reviewer=True)
            sheet = ScoreSheet.objects.create(
                round=review_round,
                proposal=proposal,
                reviewer=reviewer,
                submitted_at="2026-11-20T10:00:00+09:00",
            )
            Score.objects.bulk_create(
                Score(sheet=sheet, criterion=c, value=v, comment="理由" if v <= 1 else "")
                for c, v in zip(criteria, values, strict=True)
            )
        [row] = round_results(review_round).rows
        transaction.set_rollback(True)
    return row.result


PROPERTY_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY_SETTINGS
@given(review())
def test_total_matches_the_weighted_reference_and_stays_within_0_and_100(example):
    weights, sheets, conflicted = example
    result = compute(weights, sheets, conflicted)
    expected = reference_total(weights, sheets, conflicted)
    if expected is None:
        assert result.on_100 is None and result.scored_by == 0
    else:
        assert 0 <= result.on_100 <= 100
        assert result.on_100 == shown(expected, 1)
        assert result.scored_by == conflicted.count(False)


@PROPERTY_SETTINGS
@given(review())
def test_total_does_not_depend_on_the_order_of_reviewers(example):
    weights, sheets, conflicted = example
    forward = compute(weights, sheets, conflicted).on_100
    backward = compute(weights, sheets, conflicted, reverse=True).on_100
    assert forward == backward


@PROPERTY_SETTINGS
@given(review(), st.integers(min_value=0, max_value=5))
def test_a_conflicted_reviewers_marks_never_change_the_total(example, extreme):
    weights, sheets, conflicted = example
    # Whatever a conflicted reviewer would have given, the total is that of the others.
    changed = [
        [extreme] * len(weights) if conflict else sheet
        for sheet, conflict in zip(sheets, conflicted, strict=True)
    ]
    assert (
        compute(weights, sheets, conflicted).on_100 == compute(weights, changed, conflicted).on_100
    )


@PROPERTY_SETTINGS
@given(weights_strategy, st.integers(min_value=0, max_value=len(range(6)) - 1))
def test_weights_are_respected(weights, favoured):
    favoured %= len(weights)
    # A reviewer gives 5 on one criterion and 0 elsewhere: the total is that criterion's share.
    sheet = [5 if i == favoured else 0 for i in range(len(weights))]
    result = compute(weights, [sheet], [False])
    assert result.on_100 == shown(Fraction(100 * weights[favoured], sum(weights)), 1)
