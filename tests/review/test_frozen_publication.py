"""Frozen publication and scoring schemes as data (issue 8, findings 1 and 4).

- a published round keeps the scheme and the results it was judged by: editing the shared
  criterion set afterwards (in the admin or otherwise) changes nothing published;
- the verdict is the shown number against the pass line (49.95 shows as 50.0 and 基準以上);
- a call names its criterion set, shows it, and its round scores with it;
- published review tables of real cities, reproduced through the services and the public
  results page: points out of different maxima, eight reviewers, ties, sums and means,
  trimmed means, a veto, conflicts excluded or given the others' mean;
- the admin leaves a published round's numbers alone.
"""

from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from proposals.guideline.models import Criterion, CriterionSet
from proposals.guideline.scoring import Scheme
from proposals.proposals.models import Proposal
from proposals.review import services
from proposals.review.models import ReviewEntry, ReviewRound, Score, ScoreSheet
from tests.conftest import client_for
from tests.factories import CallFactory, ProposalFactory, UserFactory
from tests.guideline.test_scoring import (
    POINTS_AMOUNTS,
    POINTS_CRITERIA,
    POINTS_KEYS,
    POINTS_SHEETS,
    WEIGHTED_AMOUNTS,
    WEIGHTED_CRITERIA,
    WEIGHTED_KEYS,
    WEIGHTED_SHEETS,
    table,
)

pytestmark = pytest.mark.django_db


class _Table(HTMLParser):
    """The rows of the results table: (rank, title, total, verdict or None, decision)."""

    def __init__(self):
        super().__init__()
        self.rows, self.headers = [], []
        self._in_table = self._in_body = False
        self._cell = None
        self._row = []

    def handle_starttag(self, tag, attrs):
        if tag == "table" and "results-table" in (dict(attrs).get("class") or ""):
            self._in_table = True
        elif self._in_table and tag == "tbody":
            self._in_body = True
        elif self._in_table and tag == "tr":
            self._row = []
        elif self._in_table and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if not self._in_table:
            return
        if tag in ("td", "th") and self._cell is not None:
            text = " ".join(" ".join(self._cell).split())
            (self._row if self._in_body else self.headers).append(text)
            self._cell = None
        elif tag == "tr" and self._in_body:
            self.rows.append(self._row)
        elif tag == "table":
            self._in_table = self._in_body = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def results_table(body: str) -> tuple[list[str], list[list[str]]]:
    parser = _Table()
    parser.feed(body)
    return parser.headers, parser.rows


def criterion_set_for(name, specs, **rules) -> CriterionSet:
    """A criterion set built as an administrator would, from scoring.CriterionSpec rows."""
    criterion_set = CriterionSet.objects.create(name=name, **rules)
    for order, spec in enumerate(specs, start=1):
        Criterion.objects.create(
            criterion_set=criterion_set,
            name=spec.name,
            scale=spec.scale,
            max_points=spec.max_points,
            order=order,
        )
    return criterion_set


def run_round(staff, criterion_set, sheets, *, amounts=None, conflicts=None, decide=None):
    """Set up, score and decide a round through the services; reviewers are named A, B, ….

    `sheets` is {proposal key: {reviewer: {criterion name: value}}}; the round is left for
    the caller to publish. Returns the round and {proposal key: proposal}.
    """
    review_round = services.round_create(
        title=f"{criterion_set.name}の公開審査",
        stage=ReviewRound.Stage.OPEN_REVIEW,
        fiscal_year=2026,
        criterion_set=criterion_set,
        user=staff,
    )
    proposals = {}
    for key in sheets:
        proposal = ProposalFactory(
            open_review=True,
            title=f"提案{key}",
            department=staff.department,
            # The smaller requested amount (補助・委託希望額) breaks a tie.
            requested_amount=amounts[key] if amounts else None,
        )
        services.round_add_proposal(round=review_round, proposal=proposal, user=staff)
        proposals[key] = proposal
    names = sorted({reviewer for rows in sheets.values() for reviewer in rows})
    reviewers = {name: UserFactory(reviewer=True, full_name=f"委員{name}") for name in names}
    for reviewer in reviewers.values():
        services.reviewer_assign(round=review_round, reviewer=reviewer, user=staff, kind="external")
    services.round_start_scoring(round=review_round, user=staff)
    for key, name in (conflicts or {}).items():
        services.conflict_declare(
            round=review_round, proposal=proposals[key], reviewer=reviewers[name], reason="役員"
        )
    criteria = {c.name: c.pk for c in criterion_set.criteria.all()}
    for key, rows in sheets.items():
        for name, marks in rows.items():
            if not marks or (conflicts or {}).get(key) == name:
                continue
            services.sheet_save(
                round=review_round,
                proposal=proposals[key],
                reviewer=reviewers[name],
                scores={criteria[c]: (v, "理由を書きました") for c, v in marks.items()},
                submit=True,
            )
    for key, proposal in proposals.items():
        services.entry_decide(
            entry=ReviewEntry.objects.get(round=review_round, proposal=proposal),
            decision=(decide or {}).get(key, "adopt"),
            reason="審査の結果による",
            user=staff,
        )
    return review_round, proposals


def by_name(specs, keys, text):
    names = {spec.key: spec.name for spec in specs}
    return {
        reviewer: {names[k]: v for k, v in marks.items()}
        for reviewer, marks in table(text, keys).items()
    }


def points_sheets():
    return {key: by_name(POINTS_CRITERIA, POINTS_KEYS, text) for key, text in POINTS_SHEETS.items()}


def weighted_sheets():
    return {
        key: by_name(WEIGHTED_CRITERIA, WEIGHTED_KEYS, text)
        for key, text in WEIGHTED_SHEETS.items()
    }


def public_rows(review_round):
    response = client_for(None).get(review_round.get_absolute_url())
    assert response.status_code == 200
    headers, rows = results_table(response.content.decode())
    return headers, rows, response.content.decode()


# --- Finding 1: published results do not move ---------------------------------------------

# Six 0–5 criteria weighted 20, 20, 20, 15, 12, 13, pass line 50 (tests/review/test_scoring.py).
FINDING_WEIGHTS = [
    ("公益性", 20),
    ("協働の必要性", 20),
    ("実現性", 20),
    ("先駆性", 15),
    ("予算の妥当性", 12),
    ("継続性", 13),
]


def finding_sheets(last):
    # Seven sheets worth 50.0 and one more, eight reviewers in all.
    names = [n for n, _w in FINDING_WEIGHTS]
    fifty = dict(zip(names, [2, 2, 2, 2, 4, 4], strict=True))
    rows = dict.fromkeys("ABCDEFG", fifty)
    rows["H"] = dict(zip(names, last, strict=True))
    return rows


@pytest.fixture
def finding_round(users):
    """Published: 49.95 (shown 50.0, 基準以上) and 49.925 (shown 49.9, 基準未満)."""
    criterion_set = CriterionSet.objects.create(name="市の方式", pass_line=50)
    for order, (name, weight) in enumerate(FINDING_WEIGHTS, start=1):
        Criterion.objects.create(
            criterion_set=criterion_set, name=name, scale=5, max_points=weight, order=order
        )
    review_round, proposals = run_round(
        users["city_staff"],
        criterion_set,
        {
            "あ": finding_sheets([1, 3, 3, 3, 2, 3]),  # 1998 / 40 = 49.95
            "い": finding_sheets([1, 3, 3, 3, 3, 2]),  # 1997 / 40 = 49.925
        },
        decide={"い": "not_adopt"},
    )
    services.round_publish(round=review_round, user=users["city_staff"])
    review_round.refresh_from_db()
    return review_round, criterion_set


def test_a_total_shown_as_50_0_meets_the_pass_line_of_50_on_the_published_page(finding_round):
    review_round, _set = finding_round
    headers, rows, _body = public_rows(review_round)
    assert "判定" in headers
    assert [(r[0], r[1].split()[0], r[-3], r[-2]) for r in rows] == [
        ("1位", "提案あ", "50.0点／100点満点", "基準以上"),
        ("2位", "提案い", "49.9点／100点満点", "基準未満"),
    ]


def test_editing_the_set_after_publication_changes_nothing_published(finding_round, users):
    review_round, criterion_set = finding_round
    before = public_rows(review_round)[1]
    proposal = review_round.entries.get(proposal__title="提案あ").proposal
    detail_before = client_for(None).get(proposal.get_absolute_url()).content.decode()
    assert "50.0点／100点満点" in detail_before and "基準以上" in detail_before

    # By the ORM: other weights, a higher pass line, a veto.
    Criterion.objects.filter(criterion_set=criterion_set, name="公益性").update(
        max_points=40, veto_at_most=2
    )
    CriterionSet.objects.filter(pk=criterion_set.pk).update(pass_line=Decimal("60"))
    assert public_rows(review_round)[1] == before

    # In the admin: the set's form with its criteria inline, the weights changed again.
    client = client_for(users["admin"])
    url = reverse("admin:guideline_criterionset_change", args=[criterion_set.pk])
    criteria = list(criterion_set.criteria.all())
    data = {
        "name": criterion_set.name,
        "total_as": "sum",
        "converts_to_100": "",
        "pass_line": "10",
        "aggregation": "trimmed",
        "conflict": "exclude",
        "decimals": "2",
        "on_100_decimals": "2",
        "criteria-TOTAL_FORMS": str(len(criteria)),
        "criteria-INITIAL_FORMS": str(len(criteria)),
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    for index, criterion in enumerate(criteria):
        data.update(
            {
                f"criteria-{index}-id": criterion.pk,
                f"criteria-{index}-criterion_set": criterion_set.pk,
                f"criteria-{index}-order": criterion.order,
                f"criteria-{index}-name": criterion.name,
                f"criteria-{index}-description": "",
                f"criteria-{index}-scale": "10",
                f"criteria-{index}-max_points": "10",
                f"criteria-{index}-veto_at_most": "",
                f"criteria-{index}-tie_break_order": "",
            }
        )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    criterion_set.refresh_from_db()
    assert (criterion_set.total_as, criterion_set.pass_line) == ("sum", Decimal("10"))

    assert public_rows(review_round)[1] == before
    assert client_for(None).get(proposal.get_absolute_url()).content.decode().count(
        "50.0点／100点満点"
    ) == detail_before.count("50.0点／100点満点")
    # The staff's page of the published round reads the same frozen numbers.
    manage = client_for(users["city_staff"]).get(
        reverse("review:round_manage", args=[review_round.pk])
    )
    assert "50.0点／100点満点" in manage.content.decode()
    # …and the round keeps the scheme it was judged by.
    frozen = Scheme.from_dict(review_round.frozen_scheme)
    assert frozen.pass_line == Decimal(50)
    assert [c.max_points for c in frozen.criteria] == [20, 20, 20, 15, 12, 13]


def test_a_published_round_without_its_frozen_scheme_is_refused_by_the_database(finding_round):
    review_round, _set = finding_round
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewRound.objects.filter(pk=review_round.pk).update(frozen_scheme=None)


# --- Finding 4: a call names its set, shows it, and its round uses it ---------------------


@pytest.fixture
def city_set():
    criterion_set = criterion_set_for(
        "点数方式",
        POINTS_CRITERIA,
        total_as="sum",
        converts_to_100=False,
        pass_line=None,
        decimals=0,
    )
    public = criterion_set.criteria.get(name="公益性")
    public.tie_break_order = 1
    public.save()
    criterion_set.tie_break_requested_amount = True
    criterion_set.save()
    return criterion_set


def test_the_call_page_shows_the_criteria_of_its_set(users, city_set):
    call = CallFactory(
        criterion_set=city_set, review_criteria="公開プレゼンテーションで審査します。"
    )
    body = client_for(None).get(call.get_absolute_url()).content.decode()
    assert "この募集の提案は「点数方式」で審査します。" in body
    for name, label in [("公益性", "20点満点"), ("実現性", "10点満点"), ("団体の体制", "3点満点")]:
        assert f"{name}</dt>" in body and label in body
    assert "各審査委員の採点を合計します（委員1人あたり53点満点" in body
    assert "合格ラインは設けていません。" in body
    assert "「公益性」の点数、事業費の少ない方の順に比べて" in body

    default_call = CallFactory()  # names no set: the default one
    body = client_for(None).get(default_call.get_absolute_url()).content.decode()
    assert "「標準の審査基準」で審査します。" in body
    assert "0〜5点・配点20点" in body and "合格ラインは100点換算で50点です。" in body


def test_a_round_for_a_call_uses_the_calls_set_and_refuses_another(users, city_set):
    staff = users["city_staff"]
    call = CallFactory(criterion_set=city_set, department=staff.department)
    client = client_for(staff)
    url = reverse("review:staff_round_list")

    # The form proposes the call's set; left empty, the call's set is used.
    page = client.get(url, {"call": call.pk}).content.decode()
    assert f'<option value="{city_set.pk}" selected>' in page
    response = client.post(
        url, {"title": "募集の審査", "stage": "open_review", "fiscal_year": "2026", "call": call.pk}
    )
    assert response.status_code == 302
    assert ReviewRound.objects.get(title="募集の審査").criterion_set == city_set

    # Another set for the call's round: refused next to the field, the input kept.
    default = CriterionSet.objects.default()
    response = client.post(
        url,
        {
            "title": "別の基準の審査",
            "stage": "open_review",
            "fiscal_year": "2026",
            "call": call.pk,
            "criterion_set": default.pk,
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "募集で示した審査基準「点数方式」で採点します。別の基準は選べません。" in body
    assert 'value="別の基準の審査"' in body
    assert not ReviewRound.objects.filter(title="別の基準の審査").exists()
    with pytest.raises(ValidationError) as refused:
        services.round_create(
            title="x",
            stage="open_review",
            fiscal_year=2026,
            call=call,
            criterion_set=default,
            user=staff,
        )
    assert "criterion_set" in refused.value.message_dict

    # Without a call, the chosen set, or the default one.
    response = client.post(
        url, {"title": "自由提案の審査", "stage": "open_review", "fiscal_year": "2026"}
    )
    assert response.status_code == 302
    assert ReviewRound.objects.get(title="自由提案の審査").criterion_set == default


def test_the_call_form_names_a_set(users, city_set):
    from tests.calls.test_calls import call_data

    staff = users["city_staff"]
    client = client_for(staff)
    response = client.post(
        reverse("calls:call_create"), call_data(staff.department, criterion_set="")
    )
    assert response.status_code == 200  # the form again, as the call pages do
    assert "審査に使う審査基準を選んでください。" in response.content.decode()
    response = client.post(
        reverse("calls:call_create"),
        call_data(staff.department, title="点数方式の募集", criterion_set=city_set.pk),
    )
    assert response.status_code == 302


# --- Reproducing published review tables ---------------------------------------------------

POINTS_RULES = {"total_as": "sum", "converts_to_100": False, "pass_line": None, "decimals": 0}
CASES = {
    "sum": (
        POINTS_RULES,
        {},
        [
            ("1位", "提案P1", "315点／424点満点", None),
            ("2位", "提案P2", "300点／424点満点", None),  # 公益性 123 over P3's 104
            ("3位", "提案P3", "300点／424点満点", None),
            ("4位", "提案P5", "280点／424点満点", None),  # 500,000円 before 800,000円
            ("5位", "提案P4", "280点／424点満点", None),
            ("6位", "提案P6", "250点／424点満点", None),  # equal after every tie-break
            ("6位", "提案P7", "250点／424点満点", None),
        ],
    ),
    "mean": (
        {**POINTS_RULES, "total_as": "mean", "decimals": 2},
        {},
        [
            ("1位", "提案P1", "39.38点／53点満点", None),
            ("2位", "提案P2", "37.50点／53点満点", None),
            ("3位", "提案P3", "37.50点／53点満点", None),
            ("4位", "提案P5", "35.00点／53点満点", None),
            ("5位", "提案P4", "35.00点／53点満点", None),
            ("6位", "提案P6", "31.25点／53点満点", None),
            ("6位", "提案P7", "31.25点／53点満点", None),
        ],
    ),
    "trimmed": (
        {**POINTS_RULES, "aggregation": "trimmed", "pass_line": Decimal(191)},
        {},
        [
            ("1位", "提案P1", "236点／318点満点", "基準以上"),
            ("2位", "提案P3", "224点／318点満点", "基準以上"),
            ("3位", "提案P2", "220点／318点満点", "基準以上"),
            ("4位", "提案P5", "211点／318点満点", "基準以上"),
            ("5位", "提案P4", "211点／318点満点", "基準以上"),
            ("6位", "提案P6", "188点／318点満点", "基準未満"),
            ("6位", "提案P7", "188点／318点満点", "基準未満"),
        ],
    ),
    "conflict given the others' mean": (
        {**POINTS_RULES, "conflict": "others_mean"},
        {"P2": "C"},
        [
            ("1位", "提案P1", "315点／424点満点", None),
            ("2位", "提案P2", "302点／424点満点", None),  # 8 × 264 / 7
            ("3位", "提案P3", "300点／424点満点", None),
            ("4位", "提案P5", "280点／424点満点", None),
            ("5位", "提案P4", "280点／424点満点", None),
            ("6位", "提案P6", "250点／424点満点", None),
            ("6位", "提案P7", "250点／424点満点", None),
        ],
    ),
    "conflict excluded, converted to 100": (
        {**POINTS_RULES, "converts_to_100": True, "pass_line": Decimal(60)},
        {"P2": "C"},
        [
            ("1位", "提案P1", "315点／424点満点（100点換算 74.3点）", "基準以上"),
            ("2位", "提案P2", "264点／371点満点（100点換算 71.2点）", "基準以上"),
            ("3位", "提案P3", "300点／424点満点（100点換算 70.8点）", "基準以上"),
            ("4位", "提案P5", "280点／424点満点（100点換算 66.0点）", "基準以上"),
            ("5位", "提案P4", "280点／424点満点（100点換算 66.0点）", "基準以上"),
            ("6位", "提案P6", "250点／424点満点（100点換算 59.0点）", "基準未満"),
            ("6位", "提案P7", "250点／424点満点（100点換算 59.0点）", "基準未満"),
        ],
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_points_table_is_reproduced_on_the_public_page(users, case):
    rules, conflicts, expected = CASES[case]
    criterion_set = criterion_set_for(case, POINTS_CRITERIA, **rules)
    criterion_set.criteria.filter(name="公益性").update(tie_break_order=1)
    CriterionSet.objects.filter(pk=criterion_set.pk).update(tie_break_requested_amount=True)
    criterion_set.refresh_from_db()
    review_round, proposals = run_round(
        users["city_staff"],
        criterion_set,
        points_sheets(),
        amounts=POINTS_AMOUNTS,
        conflicts=conflicts,
        decide={"P6": "not_adopt", "P7": "not_adopt"},
    )
    services.round_publish(round=review_round, user=users["city_staff"])

    headers, rows, body = public_rows(review_round)
    has_line = rules.get("pass_line") is not None
    assert ("判定" in headers) is has_line
    shown = [
        (r[0], r[1].split()[0], r[-3] if has_line else r[-2], r[-2] if has_line else None)
        for r in rows
    ]
    assert shown == expected
    assert [r[-1] for r in rows] == ["採択"] * 5 + ["不採択"] * 2
    # The chart's bars are drawn on the city's own scale: 424 points, or 100 if converted.
    assert ("100点満点）の棒グラフ" in body) is rules.get("converts_to_100", False)
    # The frozen copy says the same.
    frozen = {
        e.proposal.title: e.frozen_result
        for e in ReviewEntry.objects.filter(round=review_round).select_related("proposal")
    }
    assert frozen["提案P1"]["rank"] == 1 and frozen["提案P7"]["rank"] == 6


def test_a_weighted_table_with_a_veto_is_reproduced_on_the_public_page(users):
    criterion_set = criterion_set_for(
        "重み付け方式",
        WEIGHTED_CRITERIA,
        total_as="mean",
        converts_to_100=True,
        pass_line=Decimal(60),
        tie_break_requested_amount=True,
    )
    criterion_set.criteria.filter(name="公益性").update(tie_break_order=1, veto_at_most=2)
    review_round, _proposals = run_round(
        users["city_staff"],
        criterion_set,
        weighted_sheets(),
        amounts=WEIGHTED_AMOUNTS,
        decide={"Q2": "not_adopt", "Q6": "not_adopt"},
    )
    services.round_publish(round=review_round, user=users["city_staff"])

    _headers, rows, body = public_rows(review_round)
    assert [(r[0], r[1].split()[0], r[-3], r[-2], r[-1]) for r in rows] == [
        ("1位", "提案Q1", "41.3点／50点満点（100点換算 82.5点）", "基準以上", "採択"),
        ("2位", "提案Q3", "34.5点／50点満点（100点換算 69.0点）", "基準以上", "採択"),
        (
            "3位",
            "提案Q2",
            "34.5点／50点満点（100点換算 69.0点）",
            "拒否要件により不採択相当",
            "不採択",
        ),
        ("4位", "提案Q5", "30.0点／50点満点（100点換算 60.0点）", "基準以上", "採択"),
        ("5位", "提案Q4", "30.0点／50点満点（100点換算 60.0点）", "基準以上", "採択"),
        ("6位", "提案Q6", "29.9点／50点満点（100点換算 59.8点）", "基準未満", "不採択"),
    ]
    assert "「公益性」に2点以下をつけた委員が過半数の提案は" in body
    # 公益性 of Q1 in the city's points: 39 × 3 / 8 = 14.625 → 14.6.
    assert rows[0][2] == "14.6"


def test_sums_out_of_different_maxima_are_not_published_and_the_reasons_are_said(users):
    criterion_set = criterion_set_for("合計方式", POINTS_CRITERIA, **POINTS_RULES)
    sheets = {key: rows for key, rows in points_sheets().items() if key in ("P1", "P2")}
    review_round, proposals = run_round(
        users["city_staff"], criterion_set, sheets, conflicts={"P2": "C"}
    )
    with pytest.raises(ValidationError) as refused:
        services.round_publish(round=review_round, user=users["city_staff"])
    messages = refused.value.messages
    assert any("同じ人数の委員が採点している必要があります" in m for m in messages)
    assert "「提案P1」424点満点（8人の委員が採点、利害関係0人）" in messages
    assert "「提案P2」371点満点（7人の委員が採点、利害関係1人）" in messages
    review_round.refresh_from_db()
    assert review_round.status == ReviewRound.Status.SCORING
    assert proposals["P1"].status == Proposal.Status.OPEN_REVIEW

    # The staff's page says it before publishing, and through the publish button (no 500).
    client = client_for(users["city_staff"])
    manage = client.get(reverse("review:round_manage", args=[review_round.pk])).content.decode()
    assert "「提案P2」371点満点" in manage
    response = client.post(reverse("review:round_publish", args=[review_round.pk]), {})
    assert response.status_code == 400
    assert "「提案P2」371点満点" in response.content.decode()


def test_a_score_is_refused_above_its_criterions_scale(users, city_set):
    review_round, proposals = run_round(users["city_staff"], city_set, {"P1": {"A": {}}})
    reviewer = review_round.assignments.get().reviewer
    criteria = {c.name: c for c in city_set.criteria.all()}
    scores = {c.pk: (c.scale, "") for c in criteria.values()}  # full marks everywhere …
    scores[criteria["団体の体制"].pk] = (4, "")  # … and 4 on a criterion out of 3
    with pytest.raises(ValidationError) as refused:
        services.sheet_save(
            round=review_round, proposal=proposals["P1"], reviewer=reviewer, scores=scores
        )
    assert refused.value.message_dict == {
        f"score_{criteria['団体の体制'].pk}": ["0から3の整数で採点してください。"]
    }
    scores[criteria["団体の体制"].pk] = (3, "")
    sheet = services.sheet_save(
        round=review_round, proposal=proposals["P1"], reviewer=reviewer, scores=scores, submit=True
    )
    assert sheet.scores.get(criterion__name="公益性").value == 20


# --- The admin leaves a published round's numbers alone -----------------------------------


def test_the_admin_shows_a_published_rounds_sheets_and_decisions_read_only(finding_round, users):
    review_round, _set = finding_round
    client = client_for(users["admin"])
    sheet = ScoreSheet.objects.filter(round=review_round).first()
    body = client.get(reverse("admin:review_scoresheet_change", args=[sheet.pk])).content.decode()
    assert 'name="scores-0-value"' not in body and 'name="overall_comment"' not in body
    assert 'name="scores-__prefix__-value"' not in body  # nothing can be added either

    body = client.get(
        reverse("admin:review_reviewround_change", args=[review_round.pk])
    ).content.decode()
    assert 'name="entries-0-decision"' not in body and 'name="entries-0-reason"' not in body
    assert 'name="criterion_set"' not in body
    assert "50.0" in body  # the frozen result is shown

    # Posting the sheet's form anyway changes nothing.
    score = Score.objects.filter(sheet=sheet).first()
    client.post(
        reverse("admin:review_scoresheet_change", args=[sheet.pk]),
        {
            "overall_comment": "書き換え",
            "scores-TOTAL_FORMS": "1",
            "scores-INITIAL_FORMS": "1",
            "scores-MIN_NUM_FORMS": "0",
            "scores-MAX_NUM_FORMS": "1000",
            "scores-0-id": score.pk,
            "scores-0-sheet": sheet.pk,
            "scores-0-value": "0",
            "scores-0-comment": "x",
        },
    )
    score.refresh_from_db()
    sheet.refresh_from_db()
    assert score.value != 0 or score.comment != "x"
    assert sheet.overall_comment != "書き換え"


def test_the_admin_still_edits_a_round_before_publication(users, city_set):
    review_round, _proposals = run_round(
        users["city_staff"], city_set, {"P1": points_sheets()["P1"]}
    )
    sheet = ScoreSheet.objects.filter(round=review_round).first()
    # A submitted sheet is final (tests/test_admin_frozen.py); a draft one stays editable.
    ScoreSheet.objects.filter(pk=sheet.pk).update(submitted_at=None)
    body = (
        client_for(users["admin"])
        .get(reverse("admin:review_scoresheet_change", args=[sheet.pk]))
        .content.decode()
    )
    assert 'name="scores-0-value"' in body
