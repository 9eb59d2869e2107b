"""Scoring schemes of real cities, as data, and the computation of a round's results.

Pure Python (no database; of Django only the translation of a total's display): the same
numbers on every machine and database, so that a published round can be frozen with the
scheme it was judged by and the results it showed, and recomputed to check.

A scheme (Scheme) says:

- the criteria (CriterionSpec): a reviewer enters an integer 0..scale, worth
  value × max_points / scale points. "10 points" is scale 10, max_points 10;
  "0–5 with weight 20" is scale 5, max_points 20. The sheet maximum is Σ max_points;
- how sheets are aggregated: the plain mean, or "trimmed": each entry's single highest
  and lowest sheet total are dropped (when at least 3 sheets count);
- how the total is shown: the sum over the counted sheets ("315点／424点満点" with eight
  reviewers × 53) or the mean sheet ("39.4点／53点満点"), and, if the city converts,
  on 100 as well;
- an optional pass line, compared with the headline number (on 100 if the scheme
  converts, else in points) as shown: rounded half up, points to `decimals` places,
  the total on 100 to `on_100_decimals`;
- an optional veto: more than half of the reviewers who scored an entry give a criterion
  at most `max_value` → not adopted whatever the total;
- the tie-break order: criteria (higher first), then optionally the smaller requested
  amount;
- conflicts of interest: the conflicted reviewer's sheet is not counted ("exclude", the
  maximum shrinks) or replaced by the mean of the other reviewers' sheets ("others_mean",
  the maximum stays that of a full panel).

The order of the steps, for one entry:

1. the counted sheets are the submitted sheets of the reviewers without a conflict
   (a conflicted reviewer's own marks never count, even if passed in);
2. veto: counted among these sheets (before trimming, synthetic sheets never vote);
3. "others_mean": one synthetic sheet per conflicted reviewer, each criterion the mean
   of the counted sheets, joins the panel — as a city fills the conflicted cell with the
   others' mean in its spreadsheet before anything else;
4. "trimmed": if the panel has at least 3 sheets, the one with the highest and the one
   with the lowest total are dropped (between equal totals, a fixed order of the
   criterion points decides which, so the result never depends on who the reviewers are
   or the order they are given in);
5. per criterion and in total: the sum over the remaining sheets, or their mean;
6. each number is rounded for display; everything that follows (pass line, rank) uses
   the rounded numbers, so the table never says 50.0 and 「未満」 side by side.

Ranking: by the shown headline number, higher first; then by each tie-break criterion's
mean per counted sheet (exact, so comparable whatever the number of sheets), higher
first; then by the smaller requested amount. Entries still equal after every tie-break
share a rank (1, 2, 2, 4). A veto does not change the rank, only the verdict.
Entries without any counted sheet are unranked and listed last.

Sums in points that are not converted to 100 compare only out of the same maximum:
compute() refuses a round where they differ (IncomparableTotals), e.g. a conflicted
reviewer excluded, or a sheet missing, under such a scheme.

Scheme and EntryResult have a plain JSON-ready dict form (Decimals as strings), to be
frozen with a published round.
"""

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.utils.translation import pgettext

MEAN = "mean"
TRIMMED = "trimmed"
SUM = "sum"
EXCLUDE = "exclude"
OTHERS_MEAN = "others_mean"
REQUESTED_AMOUNT = "requested_amount"

AGGREGATIONS = (MEAN, TRIMMED)
TOTALS = (SUM, MEAN)
CONFLICT_RULES = (EXCLUDE, OTHERS_MEAN)

# Verdict keys, for the template to word (and translate).
UNSCORED = "unscored"  # no counted sheet
VETOED = "vetoed"  # not adopted whatever the total
MEETS = "meets"  # the shown number reaches the pass line
BELOW = "below"  # the shown number is below the pass line
NO_LINE = "no_line"  # the scheme has no pass line
VERDICTS = (UNSCORED, VETOED, MEETS, BELOW, NO_LINE)


class IncomparableTotals(ValueError):
    """Sums in points over different numbers of sheets cannot be ranked against each other."""


@dataclass(frozen=True)
class CriterionSpec:
    """One criterion: a reviewer enters an integer 0..scale, worth value × max_points / scale."""

    key: str
    name: str
    scale: int
    max_points: int

    def __post_init__(self):
        if not isinstance(self.key, str) or not self.key or self.key == REQUESTED_AMOUNT:
            raise ValueError(f"invalid criterion key {self.key!r}")
        for attribute in ("scale", "max_points"):
            value = getattr(self, attribute)
            if type(value) is not int or value < 1:
                raise ValueError(f"{self.key}: {attribute} must be a positive integer")

    @classmethod
    def out_of(cls, key: str, name: str, max_points: int) -> "CriterionSpec":
        """A criterion scored directly in points, 0..max_points (e.g. 「10点」)."""
        return cls(key, name, scale=max_points, max_points=max_points)

    @classmethod
    def weighted(cls, key: str, name: str, weight: int, scale: int = 5) -> "CriterionSpec":
        """A criterion scored 0..scale (0–5 by default), the top of the scale worth `weight`."""
        return cls(key, name, scale=scale, max_points=weight)

    def points(self, value: int) -> Fraction:
        return Fraction(value * self.max_points, self.scale)


@dataclass(frozen=True)
class VetoRule:
    """More than half of the reviewers give `criterion` at most `max_value` → not adopted."""

    criterion: str
    max_value: int


@dataclass(frozen=True)
class Scheme:
    criteria: tuple[CriterionSpec, ...]
    aggregation: str = MEAN
    total_as: str = MEAN
    converts_to_100: bool = False
    pass_line: Decimal | None = None
    veto: VetoRule | None = None
    tie_break: tuple[str, ...] = ()
    conflict: str = EXCLUDE
    decimals: int = 1  # places shown for points
    on_100_decimals: int = 1  # places shown for the total on 100

    def __post_init__(self):
        object.__setattr__(self, "criteria", tuple(self.criteria))
        object.__setattr__(self, "tie_break", tuple(self.tie_break))
        if isinstance(self.pass_line, float):
            raise ValueError("give the pass line as a Decimal, an int or a string, not a float")
        if self.pass_line is not None:
            object.__setattr__(self, "pass_line", Decimal(self.pass_line))
        self._validate()

    def _validate(self):
        keys = [c.key for c in self.criteria]
        if not keys:
            raise ValueError("a scheme needs at least one criterion")
        if len(set(keys)) != len(keys):
            raise ValueError("criterion keys must be unique")
        for name, value, allowed in (
            ("aggregation", self.aggregation, AGGREGATIONS),
            ("total_as", self.total_as, TOTALS),
            ("conflict", self.conflict, CONFLICT_RULES),
        ):
            if value not in allowed:
                raise ValueError(f"{name} must be one of {allowed}, not {value!r}")
        for name in ("decimals", "on_100_decimals"):
            if type(getattr(self, name)) is not int or not 0 <= getattr(self, name) <= 4:
                raise ValueError(f"{name} must be an integer from 0 to 4")
        if self.pass_line is not None and not (self.pass_line.is_finite() and self.pass_line >= 0):
            raise ValueError("the pass line must be a non-negative number")
        if self.pass_line is not None and self.converts_to_100 and self.pass_line > 100:
            raise ValueError("a pass line on 100 is at most 100")
        if self.veto is not None:
            spec = self.criterion(self.veto.criterion)
            if type(self.veto.max_value) is not int or not 0 <= self.veto.max_value < spec.scale:
                raise ValueError(f"the veto value must be an integer from 0 to {spec.scale - 1}")
        if len(set(self.tie_break)) != len(self.tie_break):
            raise ValueError("a tie-break is listed twice")
        for position, key in enumerate(self.tie_break):
            if key == REQUESTED_AMOUNT:
                if position != len(self.tie_break) - 1:
                    raise ValueError("the requested amount can only be the last tie-break")
            else:
                self.criterion(key)

    def criterion(self, key: str) -> CriterionSpec:
        for spec in self.criteria:
            if spec.key == key:
                return spec
        raise ValueError(f"unknown criterion {key!r}")

    @property
    def sheet_max(self) -> int:
        return sum(c.max_points for c in self.criteria)

    def to_dict(self) -> dict[str, Any]:
        return {
            "criteria": [
                {"key": c.key, "name": c.name, "scale": c.scale, "max_points": c.max_points}
                for c in self.criteria
            ],
            "aggregation": self.aggregation,
            "total_as": self.total_as,
            "converts_to_100": self.converts_to_100,
            "pass_line": None if self.pass_line is None else str(self.pass_line),
            "veto": None
            if self.veto is None
            else {"criterion": self.veto.criterion, "max_value": self.veto.max_value},
            "tie_break": list(self.tie_break),
            "conflict": self.conflict,
            "decimals": self.decimals,
            "on_100_decimals": self.on_100_decimals,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Scheme":
        return cls(
            criteria=tuple(CriterionSpec(**c) for c in data["criteria"]),
            aggregation=data["aggregation"],
            total_as=data["total_as"],
            converts_to_100=data["converts_to_100"],
            pass_line=None if data["pass_line"] is None else Decimal(data["pass_line"]),
            veto=None if data["veto"] is None else VetoRule(**data["veto"]),
            tie_break=tuple(data["tie_break"]),
            conflict=data["conflict"],
            decimals=data["decimals"],
            on_100_decimals=data["on_100_decimals"],
        )


def weighted_scheme(criteria: Iterable[tuple[str, str, int]], pass_line=50) -> Scheme:
    """The portal's default scheme: 0–5 per criterion weighted, mean sheet converted to 100.

    The totals of the seeded 標準の審査基準 (and of the SQL the portal once used):
    100 × Σ(score × weight) / (5 × Σweight × reviewers), conflicted reviewers excluded.
    """
    return Scheme(
        criteria=tuple(CriterionSpec.weighted(k, n, w) for k, n, w in criteria),
        total_as=MEAN,
        converts_to_100=True,
        pass_line=Decimal(pass_line),
        conflict=EXCLUDE,
        decimals=1,
        on_100_decimals=1,
    )


@dataclass(frozen=True)
class Entry:
    """A proposal in a round, with the submitted sheets: reviewer → {criterion key → value}."""

    key: int | str  # the proposal's, kept as is in the JSON form
    sheets: Mapping[Hashable, Mapping[str, int]]
    conflicts: frozenset = frozenset()
    requested_amount: int | None = None


@dataclass(frozen=True)
class EntryResult:
    """One entry's results, every number as shown (Decimal, rounded half up).

    points, criterion_points and max_points are in the city's points: sums over the counted
    sheets when the scheme shows sums, else the mean sheet. A criterion's maximum is its
    max_points × sheets for sums, its max_points for means.
    """

    key: int | str
    verdict: str
    rank: int | None = None
    points: Decimal | None = None
    max_points: int | None = None
    on_100: Decimal | None = None
    criterion_points: dict[str, Decimal] = field(default_factory=dict)
    passes: bool | None = None  # the shown number against the pass line; a veto is separate
    vetoed: bool = False
    sheets: int = 0  # sheets behind the total: after trimming, synthetic ones included
    scored_by: int = 0  # reviewers without a conflict whose sheet was submitted
    conflicts: int = 0  # reviewers with a conflict on this entry
    trimmed: int = 0  # sheets dropped as the highest or lowest (not who)

    @property
    def headline(self) -> Decimal | None:
        """The number ranked and compared with the pass line: on 100 if converted, else points."""
        return self.on_100 if self.on_100 is not None else self.points

    def to_dict(self) -> dict[str, Any]:
        def text(value):
            return None if value is None else str(value)

        return {
            "key": self.key,
            "verdict": self.verdict,
            "rank": self.rank,
            "points": text(self.points),
            "max_points": self.max_points,
            "on_100": text(self.on_100),
            "criterion_points": {k: str(v) for k, v in self.criterion_points.items()},
            "passes": self.passes,
            "vetoed": self.vetoed,
            "sheets": self.sheets,
            "scored_by": self.scored_by,
            "conflicts": self.conflicts,
            "trimmed": self.trimmed,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "EntryResult":
        def number(value):
            return None if value is None else Decimal(value)

        return cls(
            **{
                **data,
                "points": number(data["points"]),
                "on_100": number(data["on_100"]),
                "criterion_points": {k: Decimal(v) for k, v in data["criterion_points"].items()},
            }
        )


def shown(value: Fraction, decimals: int) -> Decimal:
    """A non-negative number as displayed: rounded half up to `decimals` places, exactly."""
    rounded = math.floor(Fraction(value) * 10**decimals + Fraction(1, 2))
    return Decimal(rounded).scaleb(-decimals)


def format_points(points: Decimal | None, max_points: int | None) -> str:
    """「315点／424点満点」; an em dash when there is nothing to show."""
    if points is None or max_points is None:
        return "—"
    return pgettext("score", "%(points)s点／%(max)s点満点") % {
        "points": f"{points:f}",
        "max": max_points,
    }


def format_total(result: EntryResult) -> str:
    """The entry's total as a city shows it: 「315点／424点満点」, with 「（100点換算 74.3点）」."""
    text = format_points(result.points, result.max_points)
    if result.on_100 is not None:
        text += pgettext("score", "（100点換算 %(points)s点）") % {"points": f"{result.on_100:f}"}
    return text


@dataclass(frozen=True)
class _Scored:
    result: EntryResult
    means: dict[str, Fraction]  # exact mean per counted sheet, for the tie-breaks
    requested_amount: int | None


def _sheet_points(scheme: Scheme, entry: Entry, reviewer, marks) -> tuple[Fraction, ...]:
    if set(marks) != {c.key for c in scheme.criteria}:
        raise ValueError(f"{entry.key}/{reviewer}: the sheet must score every criterion once")
    points = []
    for spec in scheme.criteria:
        value = marks[spec.key]
        if type(value) is not int or not 0 <= value <= spec.scale:
            raise ValueError(f"{entry.key}/{reviewer}/{spec.key}: {value!r} is not 0..{spec.scale}")
        points.append(spec.points(value))
    return tuple(points)


def _score(scheme: Scheme, entry: Entry) -> _Scored:
    counted = {r: m for r, m in entry.sheets.items() if r not in entry.conflicts}
    real = [_sheet_points(scheme, entry, r, m) for r, m in counted.items()]
    base = {"key": entry.key, "scored_by": len(real), "conflicts": len(entry.conflicts)}
    if not real:
        return _Scored(EntryResult(verdict=UNSCORED, **base), {}, entry.requested_amount)

    vetoed = False
    if scheme.veto is not None:
        votes = sum(
            1 for m in counted.values() if m[scheme.veto.criterion] <= scheme.veto.max_value
        )
        vetoed = 2 * votes > len(real)

    panel = list(real)
    if scheme.conflict == OTHERS_MEAN and entry.conflicts:
        others_mean = tuple(
            sum(column, Fraction(0)) / len(real) for column in zip(*real, strict=True)
        )
        panel += [others_mean] * len(entry.conflicts)
    trimmed = 0
    if scheme.aggregation == TRIMMED and len(panel) >= 3:
        panel = sorted(panel, key=lambda sheet: (sum(sheet), sheet))[1:-1]
        trimmed = 2

    n = len(panel)
    sums = {
        c.key: sum(column, Fraction(0))
        for c, column in zip(scheme.criteria, zip(*panel, strict=True), strict=True)
    }
    means = {k: s / n for k, s in sums.items()}
    per_criterion = sums if scheme.total_as == SUM else means
    points = sum(per_criterion.values(), Fraction(0))
    max_points = scheme.sheet_max * (n if scheme.total_as == SUM else 1)

    d = scheme.decimals
    on_100 = (
        shown(100 * points / max_points, scheme.on_100_decimals) if scheme.converts_to_100 else None
    )
    result = EntryResult(
        verdict=VETOED if vetoed else NO_LINE,
        points=shown(points, d),
        max_points=max_points,
        on_100=on_100,
        criterion_points={k: shown(v, d) for k, v in per_criterion.items()},
        vetoed=vetoed,
        sheets=n,
        trimmed=trimmed,
        **base,
    )
    if scheme.pass_line is not None:
        passes = result.headline >= scheme.pass_line
        verdict = VETOED if vetoed else (MEETS if passes else BELOW)
        result = replace(result, passes=passes, verdict=verdict)
    return _Scored(result, means, entry.requested_amount)


def _order_key(scheme: Scheme, scored: _Scored) -> tuple:
    key: list = [-scored.result.headline]
    for tie_break in scheme.tie_break:
        if tie_break == REQUESTED_AMOUNT:
            amount = scored.requested_amount
            key.append((amount is None, amount or 0))  # an unknown amount is never preferred
        else:
            key.append(-scored.means[tie_break])
    return tuple(key)


def compute(scheme: Scheme, entries: Iterable[Entry]) -> list[EntryResult]:
    """Every entry's result, ordered by rank; entries sharing a rank keep the given order."""
    entries = list(entries)
    if len({e.key for e in entries}) != len(entries):
        raise ValueError("entry keys must be unique")
    all_scored = [_score(scheme, e) for e in entries]
    ranked = [s for s in all_scored if s.result.headline is not None]
    unranked = [s.result for s in all_scored if s.result.headline is None]

    if scheme.total_as == SUM and not scheme.converts_to_100:
        maxima = {s.result.max_points for s in ranked}
        if len(maxima) > 1:
            raise IncomparableTotals(
                f"sums out of different maxima ({', '.join(map(str, sorted(maxima)))}) "
                "cannot be ranked or compared with one pass line: every entry needs the same "
                "number of sheets, or the scheme must convert to 100 or show the mean"
            )

    ranked.sort(key=lambda s: _order_key(scheme, s))
    results = []
    previous_key, rank = None, 0
    for position, scored in enumerate(ranked, start=1):
        key = _order_key(scheme, scored)
        if key != previous_key:
            rank, previous_key = position, key
        results.append(replace(scored.result, rank=rank))
    return results + unranked
