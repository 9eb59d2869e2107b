"""Scoring schemes of real cities (proposals.scoring).

- properties of each rule, checked by hypothesis against plain reference computations;
- the pass-line finding: the verdict follows the number as shown (50.0 is never 「未満」);
- the seeded default set means what the portal's former SQL totals meant, and the database
  path (selectors.round_results) gives the pure computation's results;
- published tables, written out as a city could publish them (eight reviewers, criteria
  out of different maxima, ties), reproduced under each scheme with totals, ranks and
  decisions worked out by hand.
"""

import json
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from proposals.guideline.models import CriterionSet
from proposals.guideline.scoring import (
    AGGREGATIONS,
    BELOW,
    CONFLICT_RULES,
    EXCLUDE,
    MEAN,
    MEETS,
    NO_LINE,
    OTHERS_MEAN,
    REQUESTED_AMOUNT,
    SUM,
    TOTALS,
    TRIMMED,
    UNSCORED,
    VETOED,
    CriterionSpec,
    Entry,
    EntryResult,
    IncomparableTotals,
    Scheme,
    VetoRule,
    compute,
    format_points,
    format_total,
    shown,
    weighted_scheme,
)
from proposals.review.models import (
    ConflictOfInterest,
    ReviewEntry,
    ReviewRound,
    Score,
    ScoreSheet,
)
from proposals.review.selectors import round_results
from tests.factories import ProposalFactory, UserFactory

PROPERTIES = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


# --- strategies and plain references ------------------------------------------------------


@st.composite
def schemes(draw, **fixed):
    """Any scheme: 1–4 criteria on 0–3/5/10 scales worth 3–20 points, every rule drawn."""
    criteria = []
    for i in range(draw(st.integers(1, 4))):
        scale = draw(st.sampled_from([3, 5, 10]))
        max_points = draw(st.sampled_from([scale, 3, 5, 10, 20]))
        criteria.append(CriterionSpec(f"c{i}", f"項目{i}", scale, max_points))
    keys = [c.key for c in criteria]
    values = {
        "aggregation": draw(st.sampled_from(AGGREGATIONS)),
        "total_as": draw(st.sampled_from(TOTALS)),
        "converts_to_100": draw(st.booleans()),
        "conflict": draw(st.sampled_from(CONFLICT_RULES)),
        "decimals": draw(st.integers(0, 2)),
        "on_100_decimals": draw(st.integers(0, 2)),
    }
    values.update(fixed)
    if "veto" not in fixed and draw(st.booleans()):
        spec = draw(st.sampled_from(criteria))
        values["veto"] = VetoRule(spec.key, draw(st.integers(0, spec.scale - 1)))
    if "tie_break" not in fixed:
        tie_break = draw(st.lists(st.sampled_from(keys), unique=True))
        values["tie_break"] = tuple(tie_break) + (
            (REQUESTED_AMOUNT,) if draw(st.booleans()) else ()
        )
    if "pass_line" not in fixed and draw(st.booleans()):
        sheet_max = sum(c.max_points for c in criteria)
        upper = 100 if values["converts_to_100"] else sheet_max * 8
        values["pass_line"] = Decimal(draw(st.integers(0, upper * 10))) / 10
    return Scheme(criteria=tuple(criteria), **values)


def marks(scheme):
    return st.fixed_dictionaries({c.key: st.integers(0, c.scale) for c in scheme.criteria})


@st.composite
def rounds(draw, scheme, max_entries=5):
    """Entries scored by a panel of 1–8 reviewers; some declare conflicts, some tie.

    A conflicted reviewer's marks are sometimes passed in anyway (they must never count).
    Sums in points without conversion compare only over equal panels, so with "exclude"
    such a round has no conflicts.
    """
    reviewers = [f"r{i}" for i in range(draw(st.integers(1, 8)))]
    fixed_panel = scheme.total_as == SUM and not scheme.converts_to_100
    conflicts_allowed = not (fixed_panel and scheme.conflict == EXCLUDE)
    amounts = st.sampled_from([None, 100_000, 300_000, 500_000])
    entries = []
    for i in range(draw(st.integers(1, max_entries))):
        conflicts = frozenset(
            draw(st.sets(st.sampled_from(reviewers))) if conflicts_allowed else ()
        )
        sheets = {
            reviewer: draw(marks(scheme))
            for reviewer in reviewers
            if reviewer not in conflicts or draw(st.booleans())
        }
        entries.append(Entry(f"e{i}", sheets, conflicts, draw(amounts)))
    # Ties: the same sheets again, under another key, with the same or another amount.
    for entry in draw(st.lists(st.sampled_from(entries), max_size=2, unique_by=id)):
        entries.append(replace(entry, key=f"{entry.key}'", requested_amount=draw(amounts)))
    return entries


@st.composite
def cases(draw, **fixed):
    scheme = draw(schemes(**fixed))
    return scheme, draw(rounds(scheme))


def sheet_points(scheme, sheet):
    return [Fraction(sheet[c.key] * c.max_points, c.scale) for c in scheme.criteria]


def real_sheets(entry):
    return [m for r, m in entry.sheets.items() if r not in entry.conflicts]


def reference_total(scheme, entry):
    """(total, max) in points by the plain rule, or None without a counted sheet."""
    totals = [sum(sheet_points(scheme, m)) for m in real_sheets(entry)]
    if not totals:
        return None
    if scheme.conflict == OTHERS_MEAN:
        totals += [sum(totals) / len(totals)] * len(entry.conflicts)
    if scheme.aggregation == TRIMMED and len(totals) >= 3:
        totals = sorted(totals)[1:-1]
    if scheme.total_as == SUM:
        return sum(totals), scheme.sheet_max * len(totals)
    return sum(totals) / len(totals), scheme.sheet_max


def half_up(value, places):
    """Rounding half up by the decimal module, as an independent check of scoring.shown."""
    with localcontext() as context:
        context.prec = 80
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def run(scheme, entries):
    return {r.key: r for r in compute(scheme, entries)}


# --- properties -----------------------------------------------------------------------------


@PROPERTIES
@given(st.fractions(min_value=0, max_value=1000), st.integers(0, 4))
def test_shown_numbers_are_rounded_half_up_exactly(value, places):
    assert shown(value, places) == half_up(value, places)
    assert shown(Fraction(5, 100), 1) == Decimal("0.1")
    assert shown(Fraction(4995, 100), 1) == Decimal("50.0")


@PROPERTIES
@given(cases())
def test_totals_stay_within_zero_and_the_maximum(case):
    scheme, entries = case
    for result in compute(scheme, entries):
        if result.verdict == UNSCORED:
            assert result.points is result.max_points is result.on_100 is result.rank is None
            continue
        assert 0 <= result.points <= result.max_points
        assert (result.on_100 is not None) == scheme.converts_to_100
        if scheme.converts_to_100:
            assert 0 <= result.on_100 <= 100
        per_criterion = result.sheets if scheme.total_as == SUM else 1
        for spec in scheme.criteria:
            assert 0 <= result.criterion_points[spec.key] <= spec.max_points * per_criterion


@pytest.mark.parametrize("aggregation", AGGREGATIONS)
@PROPERTIES
@given(data=st.data())
def test_the_total_equals_a_plain_reference(aggregation, data):
    """Plain mean, or trimmed: each entry's highest and lowest sheet total dropped (≥ 3 sheets)."""
    scheme, entries = data.draw(cases(aggregation=aggregation))
    results = run(scheme, entries)
    for entry in entries:
        result, reference = results[entry.key], reference_total(scheme, entry)
        if reference is None:
            assert result.verdict == UNSCORED
            continue
        total, max_points = reference
        assert result.points == half_up(total, scheme.decimals)
        assert result.max_points == max_points
        if scheme.converts_to_100:
            assert result.on_100 == half_up(100 * total / max_points, scheme.on_100_decimals)
        panel = len(real_sheets(entry)) + (
            len(entry.conflicts) if scheme.conflict == OTHERS_MEAN else 0
        )
        assert result.trimmed == (2 if aggregation == TRIMMED and panel >= 3 else 0)
        assert result.sheets == panel - result.trimmed


@PROPERTIES
@given(cases(), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_the_order_of_reviewers_or_entries(case, rnd):
    scheme, entries = case
    renamed = {}

    def rename(reviewer):
        return renamed.setdefault(reviewer, f"委員{rnd.randrange(10**9)}-{len(renamed)}")

    shuffled = []
    for entry in entries:
        items = list(entry.sheets.items())
        rnd.shuffle(items)
        shuffled.append(
            replace(
                entry,
                sheets={rename(r): dict(reversed(m.items())) for r, m in items},
                conflicts=frozenset(rename(r) for r in entry.conflicts),
            )
        )
    rnd.shuffle(shuffled)
    assert run(scheme, shuffled) == run(scheme, entries)


@PROPERTIES
@given(st.data())
def test_a_conflicted_reviewers_marks_never_count(data):
    scheme, entries = data.draw(cases())
    changed = []
    for entry in entries:
        sheets = {r: m for r, m in entry.sheets.items() if r not in entry.conflicts}
        for reviewer in entry.conflicts:
            if data.draw(st.booleans()):
                sheets[reviewer] = data.draw(marks(scheme))
        changed.append(replace(entry, sheets=sheets))
    assert run(scheme, changed) == run(scheme, entries)


@PROPERTIES
@given(st.data())
def test_others_mean_keeps_the_maximum_of_a_full_panel(data):
    """The conflicted reviewer counts as if they had scored: same maximum, same sheets."""
    scheme = data.draw(schemes(conflict=OTHERS_MEAN))
    [entry] = data.draw(rounds(scheme, max_entries=1))[:1]
    assume(entry.conflicts and real_sheets(entry))
    full_panel = replace(
        entry,
        sheets={**entry.sheets, **{r: data.draw(marks(scheme)) for r in entry.conflicts}},
        conflicts=frozenset(),
    )
    [with_conflicts] = compute(scheme, [entry])
    [without] = compute(scheme, [full_panel])
    assert with_conflicts.max_points == without.max_points
    assert with_conflicts.sheets == without.sheets
    assert with_conflicts.conflicts == len(entry.conflicts)


@PROPERTIES
@given(st.data())
def test_others_mean_equals_the_plain_mean_when_the_other_sheets_are_equal(data):
    scheme = data.draw(schemes(conflict=OTHERS_MEAN))
    sheet = data.draw(marks(scheme))
    others = data.draw(st.integers(1, 7))
    conflicted = data.draw(st.integers(1, 8 - others))
    entry = Entry(
        "e",
        sheets={f"r{i}": sheet for i in range(others)},
        conflicts=frozenset(f"c{i}" for i in range(conflicted)),
    )
    [result] = compute(scheme, [entry])
    sheet_total = sum(sheet_points(scheme, sheet))
    n = result.sheets
    assert n == others + conflicted - result.trimmed
    factor = n if scheme.total_as == SUM else 1
    assert result.points == half_up(sheet_total * factor, scheme.decimals)
    assert result.max_points == scheme.sheet_max * factor
    for spec, points in zip(scheme.criteria, sheet_points(scheme, sheet), strict=True):
        assert result.criterion_points[spec.key] == half_up(points * factor, scheme.decimals)
    if scheme.converts_to_100:
        expected = half_up(100 * sheet_total / scheme.sheet_max, scheme.on_100_decimals)
        assert result.on_100 == expected


@PROPERTIES
@given(cases(aggregation=MEAN, total_as=MEAN))
def test_a_plain_mean_sheet_is_the_same_whether_a_conflict_excludes_or_takes_the_mean(case):
    scheme, entries = case
    excluded = run(replace(scheme, conflict=EXCLUDE), entries)
    for key, result in run(replace(scheme, conflict=OTHERS_MEAN), entries).items():
        other = excluded[key]
        assert (result.points, result.on_100, result.criterion_points, result.max_points) == (
            other.points,
            other.on_100,
            other.criterion_points,
            other.max_points,
        )


@PROPERTIES
@given(st.data())
def test_the_veto_decides_alone(data):
    """More than half of the reviewers at or below the veto value: vetoed, whatever the rest."""
    scheme, entries = data.draw(cases(veto=None))
    spec = data.draw(st.sampled_from(scheme.criteria))
    scheme = replace(scheme, veto=VetoRule(spec.key, data.draw(st.integers(0, spec.scale - 1))))
    results = run(scheme, entries)
    # The same entries with every other criterion at its top: the veto does not move.
    best = [
        replace(
            e,
            sheets={
                r: {c.key: m[c.key] if c.key == spec.key else c.scale for c in scheme.criteria}
                for r, m in e.sheets.items()
            },
        )
        for e in entries
    ]
    best_results = run(scheme, best)
    for entry in entries:
        result = results[entry.key]
        votes = [m[spec.key] <= scheme.veto.max_value for m in real_sheets(entry)]
        assert result.vetoed == (2 * sum(votes) > len(votes))
        assert (result.verdict == VETOED) == result.vetoed
        assert best_results[entry.key].vetoed == result.vetoed
        if result.vetoed:
            assert best_results[entry.key].verdict == VETOED


@PROPERTIES
@given(cases())
def test_the_verdict_is_the_shown_number_against_the_pass_line(case):
    scheme, entries = case
    for result in compute(scheme, entries):
        if result.verdict == UNSCORED:
            assert result.passes is None and not result.vetoed
        elif scheme.pass_line is None:
            assert result.passes is None
            assert result.verdict == (VETOED if result.vetoed else NO_LINE)
        else:
            assert result.passes == (result.headline >= scheme.pass_line)
            expected = MEETS if result.passes else BELOW
            assert result.verdict == (VETOED if result.vetoed else expected)
        assert result.headline == (result.on_100 if scheme.converts_to_100 else result.points)


@PROPERTIES
@given(cases(pass_line=None))
def test_a_pass_line_equal_to_the_shown_number_is_met_and_one_step_above_is_not(case):
    """At the boundary, where the unrounded total may be just below or above the line."""
    scheme, entries = case
    for result in compute(scheme, entries):
        if result.headline is None:
            continue
        step = Decimal(1).scaleb(
            -(scheme.on_100_decimals if scheme.converts_to_100 else scheme.decimals)
        )
        for line, passes in ((result.headline, True), (result.headline + step, False)):
            if scheme.converts_to_100 and line > 100:
                continue
            [again] = [
                r for r in compute(replace(scheme, pass_line=line), entries) if r.key == result.key
            ]
            assert again.passes is passes


@PROPERTIES
@given(cases())
def test_ranks_follow_the_shown_totals_and_ties_share_a_rank(case):
    scheme, entries = case
    results = compute(scheme, entries)
    ranked = [r for r in results if r.rank is not None]
    assert results[len(ranked) :] == [r for r in results if r.verdict == UNSCORED]
    # Competition ranking (1, 2, 2, 4), in the order of the list.
    for position, result in enumerate(ranked, start=1):
        assert result.rank in (position, ranked[position - 2].rank if position > 1 else 1)
        assert result.rank == 1 + sum(1 for other in ranked if other.rank < result.rank)
    for a in ranked:
        for b in ranked:
            if a.headline > b.headline:
                assert a.rank < b.rank
    # An entry scored exactly like another, asking the same amount, shares its rank.
    by_key = {r.key: r for r in results}
    for entry in entries:
        twin = next(
            (
                e
                for e in entries
                if e.key != entry.key
                and (e.sheets, e.conflicts, e.requested_amount)
                == (entry.sheets, entry.conflicts, entry.requested_amount)
            ),
            None,
        )
        if twin is not None:
            assert by_key[twin.key].rank == by_key[entry.key].rank


@PROPERTIES
@given(cases(aggregation=MEAN))
def test_tie_breaks_order_equal_totals_as_declared(case):
    """Equal shown totals: the first tie-break that differs decides, else the rank is shared.

    A criterion compares its exact mean per counted sheet (with a plain mean, that of the
    reviewers' own sheets), higher first; the requested amount, smaller first.
    """
    scheme, entries = case
    results = run(scheme, entries)

    def tie_key(entry):
        sheets = real_sheets(entry)
        key = []
        for tie_break in scheme.tie_break:
            if tie_break == REQUESTED_AMOUNT:
                amount = entry.requested_amount
                key.append(float("inf") if amount is None else amount)
            else:
                spec = scheme.criterion(tie_break)
                key.append(-sum(Fraction(m[spec.key], spec.scale) for m in sheets) / len(sheets))
        return key

    scored = [e for e in entries if results[e.key].rank is not None]
    for a in scored:
        for b in scored:
            if results[a.key].headline != results[b.key].headline:
                continue
            if tie_key(a) < tie_key(b):
                assert results[a.key].rank < results[b.key].rank
            elif tie_key(a) == tie_key(b):
                assert results[a.key].rank == results[b.key].rank


@PROPERTIES
@given(st.data())
def test_sums_in_points_out_of_different_maxima_are_refused(data):
    scheme = data.draw(schemes(total_as=SUM, converts_to_100=False, conflict=EXCLUDE))
    entries = [
        Entry(f"e{i}", {f"r{j}": data.draw(marks(scheme)) for j in range(n)})
        for i, n in enumerate(data.draw(st.lists(st.integers(0, 5), min_size=1, max_size=4)))
    ]
    maxima = {reference_total(scheme, e)[1] for e in entries if e.sheets}
    if len(maxima) > 1:
        with pytest.raises(IncomparableTotals):
            compute(scheme, entries)
    else:
        compute(scheme, entries)


@PROPERTIES
@given(cases())
def test_schemes_and_results_survive_json(case):
    scheme, entries = case
    frozen = json.loads(json.dumps(scheme.to_dict()))
    assert Scheme.from_dict(frozen) == scheme
    results = compute(scheme, entries)
    stored = json.loads(json.dumps([r.to_dict() for r in results]))
    assert [EntryResult.from_dict(r) for r in stored] == results


def test_trimming_between_equal_totals_does_not_depend_on_the_order_of_the_sheets():
    # Two highest sheets of 12, split differently: which one is dropped is fixed by the
    # points, not by the reviewers' names or order, so the per-criterion columns are too.
    scheme = Scheme(
        criteria=(CriterionSpec.out_of("a", "A", 10), CriterionSpec.out_of("b", "B", 10)),
        aggregation=TRIMMED,
        total_as=SUM,
        decimals=0,
    )
    sheets = [{"a": 10, "b": 2}, {"a": 2, "b": 10}, {"a": 5, "b": 5}, {"a": 1, "b": 1}]
    seen = set()
    for names in (["w", "x", "y", "z"], ["z", "y", "x", "w"]):
        for ordered in (sheets, sheets[::-1]):
            [result] = compute(scheme, [Entry("e", dict(zip(names, ordered, strict=True)))])
            seen.add((result.points, tuple(result.criterion_points.items())))
    # (10, 2) sorts after (2, 10): it is the one dropped; (2, 10) and (5, 5) remain.
    assert seen == {(Decimal(22), (("a", Decimal(7)), ("b", Decimal(15))))}


def test_totals_are_written_the_way_cities_write_them():
    assert format_points(Decimal(315), 424) == "315点／424点満点"
    assert format_points(Decimal("39.4"), 53) == "39.4点／53点満点"
    assert format_points(None, None) == "—"
    result = EntryResult("e", MEETS, rank=1, points=Decimal(315), max_points=424)
    assert format_total(result) == "315点／424点満点"
    result = replace(result, on_100=Decimal("74.3"))
    assert format_total(result) == "315点／424点満点（100点換算 74.3点）"
    assert format_total(EntryResult("e", UNSCORED)) == "—"


def test_schemes_refuse_what_they_cannot_mean():
    ten = CriterionSpec.out_of("public", "公益性", 10)
    with pytest.raises(ValueError):
        Scheme(criteria=())
    with pytest.raises(ValueError):
        Scheme(criteria=(ten, ten))
    with pytest.raises(ValueError):
        Scheme(criteria=(ten,), aggregation="median")
    with pytest.raises(ValueError):
        Scheme(criteria=(ten,), veto=VetoRule("public", 10))  # every value would veto
    with pytest.raises(ValueError):
        Scheme(criteria=(ten,), tie_break=(REQUESTED_AMOUNT, "public"))
    with pytest.raises(ValueError):
        Scheme(criteria=(ten,), tie_break=("budget",))
    with pytest.raises(ValueError):
        Scheme(criteria=(ten,), converts_to_100=True, pass_line=Decimal(101))
    with pytest.raises(ValueError):
        Scheme(criteria=(ten,), pass_line=49.95)  # a float is not the number a city wrote
    scheme = Scheme(criteria=(ten,))
    with pytest.raises(ValueError):
        compute(scheme, [Entry("e", {"r": {"public": 11}})])
    with pytest.raises(ValueError):
        compute(scheme, [Entry("e", {"r": {}})])
    with pytest.raises(ValueError):
        compute(scheme, [Entry("e", {}), Entry("e", {})])


# --- the pass-line finding -------------------------------------------------------------------

# A city weighting six 0–5 criteria 20, 20, 20, 15, 12, 13 (100 in all), pass line 50:
# total = Σ(value × weight) / (5 × reviewers), on 100.
FINDING_SCHEME = weighted_scheme(
    [
        ("public", "公益性", 20),
        ("need", "協働の必要性", 20),
        ("feasible", "実現性", 20),
        ("novel", "先駆性", 15),
        ("budget", "予算の妥当性", 12),
        ("growth", "継続性", 13),
    ],
    pass_line=50,
)


def finding_entry(last_sheet):
    # Seven sheets worth 250 (50.0 each: 40 + 40 + 40 + 30 + 48 + 52) and one more, 8 in all.
    keys = ["public", "need", "feasible", "novel", "budget", "growth"]
    fifty = dict(zip(keys, [2, 2, 2, 2, 4, 4], strict=True))
    sheets = {f"r{i}": fifty for i in range(7)}
    sheets["r7"] = dict(zip(fifty, last_sheet, strict=True))
    return Entry("e", sheets)


def test_a_total_shown_as_50_0_meets_a_pass_line_of_50():
    # The last sheet is worth 20 + 60 + 60 + 45 + 24 + 39 = 248: Σ = 7 × 250 + 248 = 1998,
    # total 1998 / (5 × 8) = 49.95 exactly.
    entry = finding_entry([1, 3, 3, 3, 2, 3])
    assert reference_total(FINDING_SCHEME, entry)[0] == Fraction(4995, 100)
    [result] = compute(FINDING_SCHEME, [entry])
    assert result.on_100 == Decimal("50.0")
    assert result.passes is True
    assert result.verdict == MEETS


def test_a_total_shown_as_49_9_is_below_a_pass_line_of_50():
    # The last sheet is worth 20 + 60 + 60 + 45 + 36 + 26 = 247: total 1997 / 40 = 49.925.
    entry = finding_entry([1, 3, 3, 3, 3, 2])
    assert reference_total(FINDING_SCHEME, entry)[0] == Fraction(49925, 1000)
    [result] = compute(FINDING_SCHEME, [entry])
    assert result.on_100 == Decimal("49.9")
    assert result.passes is False
    assert result.verdict == BELOW


# --- the seeded default set -----------------------------------------------------------------------

DEFAULT_CRITERIA = [
    ("公益性", 20),
    ("協働の必要性・効果", 20),
    ("実現性", 20),
    ("先駆性・独自性", 15),
    ("予算の妥当性", 10),
    ("継続性・発展性", 15),
]

# Per proposal, per reviewer: the six values, or None for a declared conflict (no sheet).
SQL_EXAMPLES = {
    "見守り茶話会": [[4, 5, 4, 3, 4, 4], [3, 4, 4, 4, 3, 3], [5, 5, 4, 4, 4, 5]],
    "河川敷の清掃": [[2, 3, 3, 2, 3, 2], None, [3, 3, 2, 2, 2, 3]],
    "子ども食堂": [[1, 2, 2, 1, 3, 2], [2, 2, 3, 1, 2, 2], [2, 1, 1, 2, 3, 1]],
}


@pytest.mark.django_db
def test_the_seeded_default_set_keeps_the_former_scheme_and_the_database_path_agrees(users):
    """The seeded 標準の審査基準 means what the former SQL computed: 0–5 × 20, 20, 20, 15, 10,
    15, the mean sheet on 100, pass line 50, conflicted reviewers excluded."""
    criterion_set = CriterionSet.objects.get(is_default=True)
    criteria = list(criterion_set.criteria.all())
    assert [(c.name, c.scale, c.max_points) for c in criteria] == [
        (n, 5, w) for n, w in DEFAULT_CRITERIA
    ]
    scheme = weighted_scheme([(str(c.pk), c.name, c.max_points) for c in criteria], pass_line=50)
    assert criterion_set.scheme() == scheme
    assert criterion_set.scheme().to_dict()["pass_line"] == "50"

    review_round = ReviewRound.objects.create(
        title="旧方式",
        fiscal_year=2026,
        criterion_set=criterion_set,
        created_by=users["city_staff"],
        department=users["city_staff"].department,
        status="scoring",
    )
    reviewers = [UserFactory(reviewer=True) for _ in range(3)]
    entries = []
    for title, rows in SQL_EXAMPLES.items():
        proposal = ProposalFactory(open_review=True, title=title)
        ReviewEntry.objects.create(round=review_round, proposal=proposal)
        sheets, conflicts = {}, set()
        for reviewer, values in zip(reviewers, rows, strict=True):
            if values is None:
                conflicts.add(reviewer.pk)
                ConflictOfInterest.objects.create(
                    round=review_round, proposal=proposal, reviewer=reviewer, reason="理事"
                )
                continue
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
            sheets[reviewer.pk] = {str(c.pk): v for c, v in zip(criteria, values, strict=True)}
        entries.append(Entry(proposal.pk, sheets, frozenset(conflicts)))

    # Read from the database by the selector the pages use: the same as the pure computation.
    from_database = [row.result for row in round_results(review_round).rows]
    assert from_database == compute(scheme, entries)
    # By hand, Σ(value × weight) / (5 × reviewers), the former SQL's totals: 1215 / 15,
    # 505 / 10, 535 / 15.
    assert [(r.on_100, r.rank, r.verdict, r.scored_by) for r in from_database] == [
        (Decimal("81.0"), 1, MEETS, 3),
        (Decimal("50.5"), 2, MEETS, 2),
        (Decimal("35.7"), 3, BELOW, 3),  # 35.67
    ]


# --- published tables ------------------------------------------------------------------------


def table(text, keys):
    """Rows such as 'A  16  8  7  4  3  2   # 40' → {'A': {key: value, ...}}."""
    sheets = {}
    for line in text.strip().splitlines():
        reviewer, *values = line.split("#")[0].split()
        sheets[reviewer] = dict(zip(keys, map(int, values), strict=True))
    return sheets


def published(results):
    return [(r.key, r.rank, format_total(r), r.verdict) for r in results]


# A city scoring in points: 公益性 out of 20, 協働の必要性 and 実現性 out of 10, 先駆性 and
# 予算の妥当性 out of 5, 団体の体制 out of 3 — 53 points a sheet, 424 for eight reviewers.
POINTS_CRITERIA = (
    CriterionSpec.out_of("public", "公益性", 20),
    CriterionSpec.out_of("need", "協働の必要性", 10),
    CriterionSpec.out_of("feasible", "実現性", 10),
    CriterionSpec.out_of("novel", "先駆性", 5),
    CriterionSpec.out_of("budget", "予算の妥当性", 5),
    CriterionSpec.out_of("team", "団体の体制", 3),
)
POINTS_KEYS = [c.key for c in POINTS_CRITERIA]

# Eight reviewers A–H; columns in the order above; the row total after #.
POINTS_SHEETS = {
    "P1": """
        A  16  8  7  4  3  2   # 40
        B  16  8  8  4  3  2   # 41
        C  15  7  8  4  3  2   # 39
        D  14  8  7  4  3  2   # 38
        E  16  7  8  4  3  2   # 40
        F  15  8  7  4  3  2   # 39
        G  15  8  8  4  3  2   # 40
        H  14  7  8  4  3  2   # 38
    """,  # 315; 公益性 121
    "P2": """
        A  20 10  9  5  4  2   # 50
        B  12  6  6  3  2  1   # 30
        C  15  7  7  3  2  2   # 36
        D  15  7  7  4  2  2   # 37
        E  15  7  6  4  2  2   # 36
        F  16  7  7  4  2  2   # 38
        G  15  7  7  4  2  2   # 37
        H  15  7  6  4  2  2   # 36
    """,  # 300; 公益性 123
    "P3": """
        A  14  9  9  4  4  3   # 43
        B  12  8  8  3  3  2   # 36
        C  14  8  9  4  3  2   # 40
        D  13  8  8  3  3  2   # 37
        E  14  8  8  4  4  2   # 40
        F  13  8  8  4  3  2   # 38
        G  12  7  7  3  2  2   # 33
        H  12  7  7  3  2  2   # 33
    """,  # 300; 公益性 104
    "P4": """
        A  13  7  7  4  3  2   # 36
        B  12  7  7  3  3  2   # 34
        C  13  7  6  3  3  2   # 34
        D  12  7  7  4  3  2   # 35
        E  13  8  7  4  3  2   # 37
        F  12  6  6  3  3  2   # 32
        G  13  7  7  4  3  2   # 36
        H  12  7  7  4  4  2   # 36
    """,  # 280; 公益性 100
    "P5": """
        A  16  9  8  5  4  3   # 45
        B   8  5  5  3  2  1   # 24
        C  12  7  7  4  3  2   # 35
        D  13  7  7  3  3  2   # 35
        E  12  8  7  4  3  2   # 36
        F  13  7  6  3  3  2   # 34
        G  13  7  7  4  3  2   # 36
        H  13  6  6  4  3  3   # 35
    """,  # 280; 公益性 100
    "P6": """
        A  12  6  6  3  3  2   # 32
        B  11  6  6  3  3  2   # 31
        C  12  6  5  3  3  2   # 31
        D  11  6  6  3  2  2   # 30
        E  12  6  6  3  3  2   # 32
        F  11  6  6  3  3  2   # 31
        G  12  6  6  3  3  2   # 32
        H  11  6  6  3  3  2   # 31
    """,  # 250; 公益性 92
    "P7": """
        A  12  5  7  3  3  2   # 32
        B  11  7  5  3  3  2   # 31
        C  12  5  6  3  3  2   # 31
        D  11  6  6  2  3  2   # 30
        E  12  6  6  3  2  3   # 32
        F  11  6  6  3  3  2   # 31
        G  12  6  6  3  3  2   # 32
        H  11  6  6  3  3  2   # 31
    """,  # 250; 公益性 92
}
POINTS_AMOUNTS = {
    "P1": 900_000,
    "P2": 700_000,
    "P3": 500_000,
    "P4": 800_000,
    "P5": 500_000,
    "P6": 300_000,
    "P7": 300_000,
}


def points_round(conflicts=None):
    conflicts = conflicts or {}
    return [
        Entry(
            key,
            table(text, POINTS_KEYS),
            frozenset(conflicts.get(key, ())),
            POINTS_AMOUNTS[key],
        )
        for key, text in POINTS_SHEETS.items()
    ]


POINTS_SCHEME = Scheme(
    criteria=POINTS_CRITERIA,
    aggregation=MEAN,
    total_as=SUM,
    decimals=0,
    tie_break=("public", REQUESTED_AMOUNT),
)


def test_a_city_publishing_sums_in_points_without_a_pass_line():
    results = compute(POINTS_SCHEME, points_round())
    assert published(results) == [
        ("P1", 1, "315点／424点満点", NO_LINE),
        ("P2", 2, "300点／424点満点", NO_LINE),  # 公益性 123 over P3's 104
        ("P3", 3, "300点／424点満点", NO_LINE),
        ("P5", 4, "280点／424点満点", NO_LINE),  # 公益性 100 each: 500,000円 before 800,000円
        ("P4", 5, "280点／424点満点", NO_LINE),
        ("P6", 6, "250点／424点満点", NO_LINE),  # 公益性 92 each, 300,000円 each: shared
        ("P7", 6, "250点／424点満点", NO_LINE),
    ]
    p1 = results[0]
    assert p1.criterion_points == {
        "public": Decimal(121),
        "need": Decimal(61),
        "feasible": Decimal(61),
        "novel": Decimal(32),
        "budget": Decimal(24),
        "team": Decimal(16),
    }
    assert (p1.sheets, p1.scored_by, p1.trimmed, p1.on_100, p1.passes) == (8, 8, 0, None, None)
    assert format_points(p1.criterion_points["public"], 20 * 8) == "121点／160点満点"

    # The same city with a pass line of 280 points: reached exactly counts.
    with_line = compute(replace(POINTS_SCHEME, pass_line=Decimal(280)), points_round())
    assert [(r.key, r.verdict) for r in with_line] == [
        ("P1", MEETS),
        ("P2", MEETS),
        ("P3", MEETS),
        ("P5", MEETS),
        ("P4", MEETS),
        ("P6", BELOW),
        ("P7", BELOW),
    ]


def test_a_city_publishing_the_mean_sheet():
    scheme = replace(POINTS_SCHEME, total_as=MEAN, decimals=2)
    assert published(compute(scheme, points_round())) == [
        ("P1", 1, "39.38点／53点満点", NO_LINE),  # 315 / 8 = 39.375, half up
        ("P2", 2, "37.50点／53点満点", NO_LINE),
        ("P3", 3, "37.50点／53点満点", NO_LINE),
        ("P5", 4, "35.00点／53点満点", NO_LINE),
        ("P4", 5, "35.00点／53点満点", NO_LINE),
        ("P6", 6, "31.25点／53点満点", NO_LINE),
        ("P7", 6, "31.25点／53点満点", NO_LINE),
    ]


def test_a_city_dropping_each_proposals_highest_and_lowest_reviewer():
    """Six of eight sheets count (318 points), pass line 191 (six tenths)."""
    scheme = replace(POINTS_SCHEME, aggregation=TRIMMED, pass_line=Decimal(191))
    results = compute(scheme, points_round())
    assert published(results) == [
        ("P1", 1, "236点／318点満点", MEETS),  # 315 − 41 − 38
        ("P3", 2, "224点／318点満点", MEETS),  # 300 − 43 − 33
        ("P2", 3, "220点／318点満点", MEETS),  # 300 − 50 − 30: the outliers no longer lift it
        ("P5", 4, "211点／318点満点", MEETS),  # 280 − 45 − 24; 公益性 76 …
        ("P4", 5, "211点／318点満点", MEETS),  # 280 − 37 − 32; … over 75
        ("P6", 6, "188点／318点満点", BELOW),  # 250 − 32 − 30
        ("P7", 6, "188点／318点満点", BELOW),
    ]
    assert {r.key: r.criterion_points["public"] for r in results}["P5"] == Decimal(76)
    assert {r.key: r.criterion_points["public"] for r in results}["P4"] == Decimal(75)
    assert all((r.sheets, r.trimmed, r.scored_by) == (6, 2, 8) for r in results)


def test_a_conflicted_reviewer_excluded_or_given_the_others_mean():
    # Reviewer C declared a conflict on P2; a sheet entered for C anyway is ignored.
    conflicted = points_round(conflicts={"P2": {"C"}})

    # Given the mean of the other seven (264 / 7): P2 counts 8 × 264 / 7 = 301.71… of 424.
    others_mean = compute(replace(POINTS_SCHEME, conflict=OTHERS_MEAN), conflicted)
    assert published(others_mean)[:3] == [
        ("P1", 1, "315点／424点満点", NO_LINE),
        ("P2", 2, "302点／424点満点", NO_LINE),
        ("P3", 3, "300点／424点満点", NO_LINE),
    ]
    p2 = others_mean[1]
    assert (p2.sheets, p2.scored_by, p2.conflicts) == (8, 7, 1)
    assert p2.criterion_points["public"] == Decimal(123)  # 108 × 8 / 7 = 123.43

    # Excluded: P2's sum is out of 371, which cannot be ranked against sums out of 424 …
    with pytest.raises(IncomparableTotals):
        compute(POINTS_SCHEME, conflicted)
    # … unless the city converts to 100: 264 / 371 = 71.16 %.
    converted = replace(POINTS_SCHEME, converts_to_100=True, pass_line=Decimal(60))
    assert published(compute(converted, conflicted)) == [
        ("P1", 1, "315点／424点満点（100点換算 74.3点）", MEETS),
        ("P2", 2, "264点／371点満点（100点換算 71.2点）", MEETS),
        ("P3", 3, "300点／424点満点（100点換算 70.8点）", MEETS),  # 70.75…
        ("P5", 4, "280点／424点満点（100点換算 66.0点）", MEETS),
        ("P4", 5, "280点／424点満点（100点換算 66.0点）", MEETS),
        ("P6", 6, "250点／424点満点（100点換算 59.0点）", BELOW),  # 58.96
        ("P7", 6, "250点／424点満点（100点換算 59.0点）", BELOW),
    ]
    # Converted, both rules agree: the others' mean is the same share of a larger maximum.
    both = compute(replace(converted, conflict=OTHERS_MEAN), conflicted)
    assert [(r.key, r.on_100, r.rank) for r in both] == [
        (r.key, r.on_100, r.rank) for r in compute(converted, conflicted)
    ]

    # Trimmed, the rules differ. Excluded, P2 keeps 5 of its 7 sheets, without 50 and 30:
    # 37 + 36 + 38 + 37 + 36 = 184 of 265. Given the mean, C's 264 / 7 = 37.71 joins the
    # panel and P2 keeps 6 of 8: 184 + 37.71 = 221.71 of 318.
    trimmed = replace(converted, aggregation=TRIMMED)
    excluded_p2 = run(trimmed, conflicted)["P2"]
    assert (excluded_p2.points, excluded_p2.max_points, excluded_p2.on_100) == (
        Decimal(184),
        265,
        Decimal("69.4"),  # 69.43 %
    )
    mean_p2 = run(replace(trimmed, conflict=OTHERS_MEAN), conflicted)["P2"]
    assert (mean_p2.points, mean_p2.max_points, mean_p2.on_100) == (
        Decimal(222),
        318,
        Decimal("69.7"),  # 69.72 %
    )
    assert (mean_p2.sheets, mean_p2.trimmed, mean_p2.scored_by) == (6, 2, 7)


# A city scoring each criterion 0–5, weighted: 公益性 ×15, 協働の必要性 and 実現性 ×10,
# 先駆性, 予算の妥当性 and 継続性 ×5 — a sheet is worth 3a + 2b + 2c + d + e + f, out of 50.
# It shows the mean sheet and converts it to 100 (Σ sheets / 4 for eight reviewers);
# pass line 60 on 100.
WEIGHTED_CRITERIA = (
    CriterionSpec.weighted("public", "公益性", 15),
    CriterionSpec.weighted("need", "協働の必要性", 10),
    CriterionSpec.weighted("feasible", "実現性", 10),
    CriterionSpec.weighted("novel", "先駆性", 5),
    CriterionSpec.weighted("budget", "予算の妥当性", 5),
    CriterionSpec.weighted("growth", "継続性", 5),
)
WEIGHTED_KEYS = [c.key for c in WEIGHTED_CRITERIA]
WEIGHTED_SHEETS = {
    "Q1": """
        A  5 4 4 4 4 3   # 42
        B  5 4 4 3 3 3   # 40
        C  5 5 4 4 4 3   # 44
        D  5 4 4 4 3 3   # 41
        E  5 4 4 3 3 2   # 39
        F  5 5 4 4 3 3   # 43
        G  5 4 4 3 3 3   # 40
        H  4 5 5 3 3 3   # 41
    """,  # 330
    "Q2": """
        A  2 5 5 4 4 4   # 38
        B  2 4 4 4 4 4   # 34
        C  1 4 4 3 3 3   # 28
        D  2 5 4 4 4 4   # 36
        E  2 4 4 3 3 3   # 31
        F  4 4 4 3 3 3   # 37
        G  4 4 4 4 3 3   # 38
        H  3 4 4 3 3 3   # 34
    """,  # 276; 公益性 1–2 from five of eight
    "Q3": """
        A  4 4 4 3 3 3   # 37
        B  4 4 3 3 3 3   # 35
        C  3 4 4 3 3 3   # 34
        D  4 3 3 3 3 3   # 33
        E  4 4 4 3 3 2   # 36
        F  3 3 3 3 3 3   # 30
        G  4 4 4 3 3 3   # 37
        H  3 4 4 4 2 3   # 34
    """,  # 276
    "Q4": """
        A  2 4 4 3 3 3   # 31
        B  2 4 4 3 3 3   # 31
        C  2 4 3 3 3 3   # 29
        D  1 4 4 3 3 3   # 28
        E  4 3 3 2 2 2   # 30
        F  4 3 3 3 3 2   # 32
        G  3 4 3 2 2 2   # 29
        H  4 3 3 2 2 2   # 30
    """,  # 240; 公益性 1–2 from four of eight: not a majority
    "Q5": """
        A  3 4 4 3 3 3   # 34
        B  3 3 3 3 3 3   # 30
        C  3 3 3 3 3 3   # 30
        D  3 3 3 3 3 3   # 30
        E  3 3 3 3 3 3   # 30
        F  3 3 3 3 3 3   # 30
        G  2 3 3 3 3 3   # 27
        H  2 4 3 3 3 3   # 29
    """,  # 240
    "Q6": """
        A  3 3 3 3 3 3   # 30
        B  3 3 3 3 3 3   # 30
        C  3 3 3 3 3 3   # 30
        D  3 3 3 3 3 3   # 30
        E  3 3 3 3 3 3   # 30
        F  3 3 3 3 3 3   # 30
        G  3 3 3 3 3 3   # 30
        H  2 4 3 3 3 3   # 29
    """,  # 239
}
WEIGHTED_AMOUNTS = {
    "Q1": 1_200_000,
    "Q2": 500_000,
    "Q3": 900_000,
    "Q4": 1_000_000,
    "Q5": 600_000,
    "Q6": 400_000,
}
WEIGHTED_ROUND = [
    Entry(key, table(text, WEIGHTED_KEYS), frozenset(), WEIGHTED_AMOUNTS[key])
    for key, text in WEIGHTED_SHEETS.items()
]
WEIGHTED_SCHEME = Scheme(
    criteria=WEIGHTED_CRITERIA,
    aggregation=MEAN,
    total_as=MEAN,
    converts_to_100=True,
    pass_line=Decimal(60),
    tie_break=("public", REQUESTED_AMOUNT),
    decimals=1,
    on_100_decimals=1,
)


def test_a_city_weighting_0_to_5_scores_and_converting_to_100():
    results = compute(WEIGHTED_SCHEME, WEIGHTED_ROUND)
    assert published(results) == [
        ("Q1", 1, "41.3点／50点満点（100点換算 82.5点）", MEETS),  # 41.25, half up
        ("Q3", 2, "34.5点／50点満点（100点換算 69.0点）", MEETS),  # 公益性 29 × 3 / 8 = 10.9 …
        ("Q2", 3, "34.5点／50点満点（100点換算 69.0点）", MEETS),  # … over 20 × 3 / 8 = 7.5
        ("Q5", 4, "30.0点／50点満点（100点換算 60.0点）", MEETS),  # 公益性 equal, 600,000円 …
        ("Q4", 5, "30.0点／50点満点（100点換算 60.0点）", MEETS),  # … before 1,000,000円
        ("Q6", 6, "29.9点／50点満点（100点換算 59.8点）", BELOW),  # 29.875 and 59.75
    ]
    by_key = {r.key: r for r in results}
    assert by_key["Q3"].criterion_points["public"] == Decimal("10.9")  # 10.875
    assert by_key["Q2"].criterion_points["public"] == Decimal("7.5")
    assert by_key["Q1"].criterion_points == {
        "public": Decimal("14.6"),  # 39 × 3 / 8 = 14.625
        "need": Decimal("8.8"),  # 35 × 2 / 8 = 8.75
        "feasible": Decimal("8.3"),  # 33 × 2 / 8 = 8.25
        "novel": Decimal("3.5"),  # 28 / 8
        "budget": Decimal("3.3"),  # 26 / 8 = 3.25
        "growth": Decimal("2.9"),  # 23 / 8 = 2.875
    }


def test_a_city_with_a_veto_on_public_benefit():
    """公益性 at 1–2 from a majority of the reviewers: 不採択 whatever the total."""
    scheme = replace(WEIGHTED_SCHEME, veto=VetoRule("public", 2))
    results = compute(scheme, WEIGHTED_ROUND)
    assert [(r.key, r.rank, r.on_100, r.passes, r.vetoed, r.verdict) for r in results] == [
        ("Q1", 1, Decimal("82.5"), True, False, MEETS),
        ("Q3", 2, Decimal("69.0"), True, False, MEETS),
        ("Q2", 3, Decimal("69.0"), True, True, VETOED),  # five of eight: vetoed
        ("Q5", 4, Decimal("60.0"), True, False, MEETS),
        ("Q4", 5, Decimal("60.0"), True, False, MEETS),  # four of eight: not a majority
        ("Q6", 6, Decimal("59.8"), False, False, BELOW),
    ]
