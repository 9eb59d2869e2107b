"""A national-scale copy of the data for benchmarks: `manage.py seed_national [--scale 0.05]`.

At --scale 1: 50,000 organizations, 200,000 proposals, 2,000 calls, 20,000 projects, 1,000
review rounds (the biggest with 2,167 entries) and about 1,000,000 scores, on PostgreSQL, in
a couple of minutes. A separate command, not `seed_demo --scale`: the demo walks every row
through the portal's services so that it is a faithful story (and runs on SQLite), which at
this size would take hours; here every table is filled by one `INSERT … SELECT …
generate_series` each, so the rows are plausible (Japanese titles from word lists, statuses
spread over the lifecycle, fiscal years, departments, fields and forms spread) but carry no
audit history, files or notifications. Only `make bench` needs it.

Deterministic: row i always gets the same words and status, so two runs measure the same data.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from kunitachi_kyodo import demo_data
from kunitachi_kyodo.fiscal import fiscal_year
from organizations.models import ActivityField, Department, District
from proposals.guideline.models import CriterionSet, ProjectForm
from proposals.proposals.models import Proposal

# The sizes at --scale 1, as measured for the benchmark.
FULL = {
    "organizations": 50_000,
    "calls": 2_000,
    "proposals": 200_000,
    "projects": 20_000,
    "rounds": 1_000,
    "biggest_round": 2_167,
    # Entries in rounds: with 3 reviewers (5 in the biggest round) and 6 criteria each,
    # about 1,000,000 scores.
    "entries": 55_000,
    "reviewers": 100,
}
YEARS = 6  # fiscal years covered, ending with the current one

# Word lists: titles and texts are drawn from them by row number, so keyword searches of 2
# and 4 characters (防災, 子育て支援, …) hit a realistic share of rows.
PLACES = ["国立", "谷保", "矢川", "富士見台", "北", "東", "西", "中", "青柳", "石田", "泉", "駅前"]
PLACES_KANA = ["くにたち", "やほ", "やがわ", "ふじみだい", "きた", "ひがし", "にし", "なか"]
PLACES_KANA += ["あおやぎ", "いしだ", "いずみ", "えきまえ"]
THEMES = ["防災", "福祉", "子育て支援", "環境", "まちづくり", "文化", "スポーツ", "国際交流"]
THEMES += ["高齢者見守り", "障害者支援", "食育", "緑化", "防犯", "学習支援", "居場所づくり", "観光"]
THEMES_KANA = ["ぼうさい", "ふくし", "こそだてしえん", "かんきょう", "まちづくり", "ぶんか"]
THEMES_KANA += ["すぽーつ", "こくさいこうりゅう", "こうれいしゃみまもり", "しょうがいしゃしえん"]
THEMES_KANA += [
    "しょくいく",
    "りょくか",
    "ぼうはん",
    "がくしゅうしえん",
    "いばしょづくり",
    "かんこう",
]
ACTIVITIES = ["講座", "ワークショップ", "交流会", "マップ作成", "訓練", "相談会", "イベント"]
ACTIVITIES += ["ネットワーク構築", "ボランティア育成", "調査", "情報発信", "拠点運営"]
GROUP_SUFFIXES = ["の会", "ネットワーク", "協議会", "クラブ", "応援団", "プロジェクト", "研究会"]
GROUP_SUFFIXES_KANA = ["のかい", "ねっとわーく", "きょうぎかい", "くらぶ", "おうえんだん"]
GROUP_SUFFIXES_KANA += ["ぷろじぇくと", "けんきゅうかい"]
SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
GIVEN_NAMES = ["花子", "太郎", "陽子", "健一", "美咲", "大輔", "由美", "翔太", "恵子", "誠"]
KINDS = ["npo", "voluntary", "neighborhood", "shopping", "seniors", "circle", "company"]
KINDS += ["educational", "other"]
PROJECT_FORMS = ["commission", "subsidy", "cooperation", "co-hosting", "endorsement"]
PROJECT_FORMS += ["executive-committee", "information"]

# A proposal's status by (row × 37) mod 100: a city's proportions over five years — most
# decided, some under review, a few drafts (which the public never sees).
PROPOSAL_STATUS = """
    CASE
        WHEN (i * 37) %% 100 < 8 THEN 'draft'
        WHEN (i * 37) %% 100 < 11 THEN 'consultation'
        WHEN (i * 37) %% 100 < 23 THEN 'submitted'
        WHEN (i * 37) %% 100 < 31 THEN 'screening'
        WHEN (i * 37) %% 100 < 36 THEN 'open_review'
        WHEN (i * 37) %% 100 < 56 THEN 'adopted'
        WHEN (i * 37) %% 100 < 88 THEN 'not_adopted'
        WHEN (i * 37) %% 100 < 93 THEN 'returned'
        ELSE 'withdrawn'
    END
"""


class Command(BaseCommand):
    help = (
        "ベンチマーク用の全国規模のデータ（団体5万・提案20万・採点約100万）を PostgreSQL に"
        "一括で登録します。/ Bulk-load a national-scale data set (PostgreSQL only)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="全国規模に対する割合（例: 0.05）/ fraction of the national size (e.g. 0.05)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="DEBUG が無効でも実行します。/ Run even with DEBUG off.",
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("seed_national は PostgreSQL 専用です。/ PostgreSQL only.")
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_national はベンチマーク用です。DEBUG が無効な環境では --force が必要です。"
                " / seed_national is for benchmarks; with DEBUG off it needs --force."
            )
        scale = options["scale"]
        if not 0 < scale <= 1:
            raise CommandError("--scale は 0 より大きく 1 以下にしてください。")
        if Proposal.objects.exists():
            raise CommandError(
                "提案がすでにあります。空のデータベースで実行してください。"
                " / Proposals exist already: run on an empty database."
            )
        self.n = {key: max(1, round(value * scale)) for key, value in FULL.items()}
        self.n["reviewers"] = max(self.n["reviewers"], 10)
        self.n["rounds"] = max(self.n["rounds"], 2)
        started = time.monotonic()
        with transaction.atomic(), connection.cursor() as cursor:
            self.cursor = cursor
            cursor.execute("SELECT setseed(0.42)")
            self.reference_data()
            for step in (
                self.users,
                self.organizations,
                self.calls,
                self.proposals,
                self.rounds,
                self.entries_and_scores,
                self.projects,
            ):
                self.timed(step)
            self.reset_sequences()
        with connection.cursor() as cursor:  # outside the transaction, as VACUUM must be
            self.cursor = cursor
            self.timed(self.vacuum_analyze)
        self.stdout.write(
            f"全国規模のデータを {time.monotonic() - started:.0f} 秒で登録しました: "
            + "、".join(f"{k} {v:,}" for k, v in self.counts().items())
        )

    # --- helpers --------------------------------------------------------------------------

    def timed(self, step) -> None:
        started = time.monotonic()
        step()
        self.stdout.write(f"  {step.__name__}: {time.monotonic() - started:.1f} s")

    def sql(self, statement: str, params: dict | None = None) -> None:
        self.cursor.execute(statement, params or {})

    def base(self, table: str) -> int:
        """The highest id in a table: new rows get base + i, so their ids are known in advance."""
        self.cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")  # noqa: S608 (our names)
        return self.cursor.fetchone()[0]

    def reset_sequences(self) -> None:
        for table in TABLES:
            self.sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
            )

    def counts(self) -> dict[str, int]:
        result = {}
        for label, table in (
            ("団体", "organizations_organization"),
            ("事業の提示", "calls_call"),
            ("事業提案", "proposals_proposal"),
            ("審査回", "review_reviewround"),
            ("審査対象", "review_reviewentry"),
            ("採点", "review_score"),
            ("協働事業", "projects_collaborationproject"),
        ):
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 (our names)
                result[label] = cursor.fetchone()[0]
        return result

    # --- steps ----------------------------------------------------------------------------

    def reference_data(self) -> None:
        """The departments of the demo (if none yet) and the ids every step draws from."""
        if not Department.objects.exists():
            Department.objects.bulk_create(
                Department(name=name, kana=kana, email=email, phone=phone, order=order)
                for order, (name, kana, email, phone) in enumerate(demo_data.DEPARTMENTS, 1)
            )
        self.departments = list(Department.objects.order_by("pk").values_list("pk", flat=True))
        self.fields = list(ActivityField.objects.order_by("pk").values_list("pk", flat=True))
        self.districts = list(District.objects.order_by("pk").values_list("pk", flat=True))
        forms = dict(ProjectForm.objects.values_list("code", "pk"))
        self.forms = [forms[code] for code in PROJECT_FORMS if code in forms]
        criterion_set = CriterionSet.objects.default()
        if criterion_set is None or not self.fields or not self.forms:
            raise CommandError(
                "マイグレーションで入る基本データ（活動分野・協働の形態・審査基準）がありません。"
            )
        self.criterion_set = criterion_set
        self.scheme = criterion_set.scheme()
        self.criteria = list(criterion_set.criteria.order_by("pk").values_list("pk", flat=True))
        self.year = fiscal_year()
        self.now = timezone.now()

    def users(self) -> None:
        """One representative per organization, reviewers and a staff member per department."""
        n = self.n
        self.user_base = base = self.base("organizations_user")
        self.reviewer_base = base + n["organizations"]
        self.staff_base = self.reviewer_base + n["reviewers"]
        # An unusable password ("!…"): nobody signs in as these.
        self.sql(
            """
            INSERT INTO organizations_user (id, password, is_superuser, email, full_name,
                full_name_kana, is_active, is_staff, is_city_staff, is_reviewer, is_support_staff,
                date_joined, department_id, is_collaboration_coordinator, email_confirmed_at,
                is_support_lead)
            SELECT %(base)s + i, '!national', false,
                'national-' || i || '@example.jp',
                (%(surnames)s::text[])[1 + i %% 10] || ' ' || (%(given)s::text[])[1 + (i / 10) %% 10],
                '', true, false,
                i > %(orgs)s + %(reviewers)s,
                i > %(orgs)s AND i <= %(orgs)s + %(reviewers)s,
                false, %(now)s - make_interval(days => i %% 2000),
                CASE WHEN i > %(orgs)s + %(reviewers)s
                     THEN (%(departments)s::bigint[])[1 + i %% %(n_departments)s] END,
                false, %(now)s - make_interval(days => i %% 2000), false
            FROM generate_series(1, %(total)s) AS i
            """,
            {
                "base": base,
                "surnames": SURNAMES,
                "given": GIVEN_NAMES,
                "orgs": n["organizations"],
                "reviewers": n["reviewers"],
                "departments": self.departments,
                "n_departments": len(self.departments),
                "total": n["organizations"] + n["reviewers"] + len(self.departments),
                "now": self.now,
            },
        )

    def organizations(self) -> None:
        """Organizations (85 % verified, 90 % of them listed), each with fields and districts."""
        n = self.n["organizations"]
        self.org_base = base = self.base("organizations_organization")
        self.sql(
            """
            INSERT INTO organizations_organization (id, lock_version, kind, name, name_kana,
                representative_name, founded_on, member_count, purpose, activities, address,
                email, phone, website, is_public, status, created_at, updated_at, created_by_id)
            SELECT %(base)s + i, 0, (%(kinds)s::text[])[1 + i %% 9],
                (%(places)s::text[])[1 + i %% 12] || (%(themes)s::text[])[1 + (i / 12) %% 16]
                    || (%(suffixes)s::text[])[1 + (i / 192) %% 7],
                (%(places_kana)s::text[])[1 + i %% 12] || (%(themes_kana)s::text[])[1 + (i / 12) %% 16]
                    || (%(suffixes_kana)s::text[])[1 + (i / 192) %% 7],
                (%(surnames)s::text[])[1 + i %% 10] || ' ' || (%(given)s::text[])[1 + (i / 10) %% 10],
                date '1990-04-01' + (i * 7) %% 12000, 5 + i %% 200,
                (%(places)s::text[])[1 + i %% 12] || '地域で' || (%(themes)s::text[])[1 + (i / 12) %% 16]
                    || 'に取り組み、誰もが暮らしやすいまちをつくることを目的とします。',
                (%(themes)s::text[])[1 + (i / 12) %% 16] || 'の' || (%(acts)s::text[])[1 + i %% 12]
                    || 'を年' || (2 + i %% 10) || '回開いています。',
                '', '', '', '',
                (i * 13) %% 10 <> 0,
                CASE WHEN (i * 7) %% 20 < 17 THEN 'verified'
                     WHEN (i * 7) %% 20 < 19 THEN 'pending' ELSE 'rejected' END,
                %(now)s - make_interval(days => (i * 17) %% (365 * %(years)s)),
                %(now)s - make_interval(days => (i * 17) %% (365 * %(years)s)),
                %(user_base)s + i
            FROM generate_series(1, %(n)s) AS i
            """,
            {
                **self.words(),
                "base": base,
                "n": n,
                "user_base": self.user_base,
                "now": self.now,
                "years": YEARS,
            },
        )
        # Each representative is a member; one to three fields and one or two districts.
        self.sql(
            """
            INSERT INTO organizations_membership (role, created_at, user_id, organization_id)
            SELECT 'representative', %(now)s, %(user_base)s + i, %(base)s + i
            FROM generate_series(1, %(n)s) AS i;
            INSERT INTO organizations_organization_fields (organization_id, activityfield_id)
            SELECT %(base)s + i, (%(fields)s::bigint[])[1 + (i + k * 7) %% %(n_fields)s]
            FROM generate_series(1, %(n)s) AS i, generate_series(0, 2) AS k
            WHERE k <= i %% 3;
            INSERT INTO organizations_organization_districts (organization_id, district_id)
            SELECT %(base)s + i, (%(districts)s::bigint[])[1 + (i + k * 3) %% %(n_districts)s]
            FROM generate_series(1, %(n)s) AS i, generate_series(0, 1) AS k
            WHERE k <= i %% 2;
            """,
            {
                "base": base,
                "n": n,
                "user_base": self.user_base,
                "now": self.now,
                "fields": self.fields,
                "n_fields": len(self.fields),
                "districts": self.districts or [None],
                "n_districts": max(1, len(self.districts)),
            },
        )

    def calls(self) -> None:
        """Calls over the fiscal years: the current year's published (open), older ones closed."""
        n = self.n["calls"]
        self.call_base = base = self.base("calls_call")
        self.sql(
            """
            INSERT INTO calls_call (id, lock_version, title, background, expected_outcome,
                budget_cap, eligibility, exclusions, opens_at, closes_at, requires_consultation,
                review_criteria, contact, status, created_at, updated_at, published_at,
                created_by_id, criterion_set_id, department_id)
            SELECT %(base)s + i, 0,
                (%(places)s::text[])[1 + i %% 12] || '地域の' || (%(themes)s::text[])[1 + (i / 12) %% 16]
                    || (%(acts)s::text[])[1 + i %% 12] || '事業の提案募集（' || i || '）',
                (%(themes)s::text[])[1 + (i / 12) %% 16] || 'の担い手が不足しています。',
                '地域の' || (%(themes)s::text[])[1 + (i / 12) %% 16] || 'の力が高まること。',
                CASE WHEN i %% 3 = 0 THEN NULL ELSE 500000 + (i %% 10) * 100000 END,
                '市内で活動する団体', '', opened, opened + interval '45 days', i %% 2 = 0, '',
                '担当課までお問い合わせください。',
                CASE WHEN i %% 25 = 0 THEN 'draft'
                     WHEN opened + interval '45 days' > %(now)s THEN 'published' ELSE 'closed' END,
                opened - interval '14 days', opened,
                CASE WHEN i %% 25 = 0 THEN NULL ELSE opened END,
                %(staff_base)s + 1 + i %% %(n_departments)s, %(criterion_set)s,
                (%(departments)s::bigint[])[1 + i %% %(n_departments)s]
            FROM generate_series(1, %(n)s) AS i,
                LATERAL (SELECT %(now)s - make_interval(days => (i * 53) %% (365 * %(years)s))
                    AS opened) AS o;
            INSERT INTO calls_call_forms (call_id, projectform_id)
            SELECT %(base)s + i, (%(forms)s::bigint[])[1 + i %% %(n_forms)s]
            FROM generate_series(1, %(n)s) AS i;
            """,
            {
                **self.words(),
                "base": base,
                "n": n,
                "now": self.now,
                "years": YEARS,
                "staff_base": self.staff_base,
                "departments": self.departments,
                "n_departments": len(self.departments),
                "criterion_set": self.criterion_set.pk,
                "forms": self.forms,
                "n_forms": len(self.forms),
            },
        )

    def proposals(self) -> None:
        """Proposals: 85 % by an organization, 40 % answering a call; drafts never submitted."""
        n = self.n["proposals"]
        self.proposal_base = base = self.base("proposals_proposal")
        self.sql(
            f"""
            INSERT INTO proposals_proposal (id, lock_version, origin, title, local_issue, goal,
                indicators, content, expected_effect, why_collaboration, period_start,
                period_end, requested_amount, budget_difference_note, public_summary,
                publish_consent, status, submitted_at, created_at, updated_at, call_id,
                department_id, desired_form_id, organization_id, proposer_id, receipt_number)
            SELECT %(base)s + i, 0,
                CASE WHEN i %% 5 < 2 THEN 'call' WHEN i %% 20 = 19 THEN 'joint' ELSE 'free' END,
                (%(places)s::text[])[1 + (i / 7) %% 12] || 'の'
                    || (%(themes)s::text[])[1 + i %% 16] || (%(acts)s::text[])[1 + (i / 16) %% 12]
                    || '事業',
                (%(places)s::text[])[1 + (i / 7) %% 12] || 'では' || (%(themes)s::text[])[1 + i %% 16]
                    || 'の担い手が減り、支え合いが弱まっています。',
                '参加者が' || (%(themes)s::text[])[1 + i %% 16] || 'を自分ごととして考えること。',
                '参加者数 年間' || (50 + i %% 300) || '人、満足度 80%%以上',
                (%(acts)s::text[])[1 + (i / 16) %% 12] || 'を年' || (2 + i %% 8) || '回開きます。',
                '地域のつながりが強まります。', '市の情報と団体の現場の知恵を合わせるため。',
                created::date + 120, created::date + 480,
                100000 + (i %% 40) * 25000, '',
                (%(places)s::text[])[1 + (i / 7) %% 12] || 'で' || (%(themes)s::text[])[1 + i %% 16]
                    || 'に取り組む' || (%(acts)s::text[])[1 + (i / 16) %% 12]
                    || 'です。地域の団体と市が役割を分けて進めます。',
                true, status,
                CASE WHEN status IN ('draft', 'consultation') THEN NULL
                     ELSE created + interval '10 days' END,
                created, created + interval '20 days',
                CASE WHEN i %% 5 < 2 THEN %(call_base)s + 1 + i %% %(calls)s END,
                (%(departments)s::bigint[])[1 + (i / 3) %% %(n_departments)s],
                (%(forms)s::bigint[])[1 + i %% %(n_forms)s],
                CASE WHEN i %% 20 < 17 THEN %(org_base)s + 1 + (i * 7) %% %(orgs)s END,
                %(user_base)s + 1 + (i * 7) %% %(orgs)s,
                CASE WHEN status IN ('draft', 'consultation') THEN NULL ELSE 'N-' || i END
            FROM generate_series(1, %(n)s) AS i,
                LATERAL (SELECT {PROPOSAL_STATUS} AS status,
                    %(now)s - make_interval(days => 10 + (i * 31) %% (365 * %(years)s),
                        mins => i %% 1440) AS created) AS s
            """,
            {
                **self.words(),
                "base": base,
                "n": n,
                "now": self.now,
                "years": YEARS,
                "call_base": self.call_base,
                "calls": self.n["calls"],
                "org_base": self.org_base,
                "user_base": self.user_base,
                "orgs": self.n["organizations"],
                "departments": self.departments,
                "n_departments": len(self.departments),
                "forms": self.forms,
                "n_forms": len(self.forms),
            },
        )

    def rounds(self) -> None:
        """Review rounds, nine in ten published; round 1 is the biggest (2,167 entries)."""
        n = self.n["rounds"]
        self.round_base = base = self.base("review_reviewround")
        self.sql(
            """
            INSERT INTO review_reviewround (id, title, stage, fiscal_year, status, published_at,
                closed_incomplete, frozen_scheme, created_at, call_id, created_by_id,
                criterion_set_id, department_id, published_by_id)
            SELECT %(base)s + i,
                '令和' || (fy - 2018) || '年度 協働事業提案 審査会（第' || i || '回）',
                CASE WHEN i %% 4 = 0 THEN 'screening' ELSE 'open_review' END, fy,
                CASE WHEN i %% 10 = 9 THEN 'scoring' ELSE 'published' END,
                CASE WHEN i %% 10 = 9 THEN NULL ELSE make_date(fy + 1, 2, 15)::timestamptz END,
                false,
                CASE WHEN i %% 10 = 9 THEN NULL ELSE %(scheme)s::jsonb END,
                make_date(fy, 12, 1)::timestamptz, NULL,
                %(staff_base)s + 1 + i %% %(n_departments)s, %(criterion_set)s,
                (%(departments)s::bigint[])[1 + i %% %(n_departments)s],
                CASE WHEN i %% 10 = 9 THEN NULL ELSE %(staff_base)s + 1 + i %% %(n_departments)s END
            FROM generate_series(1, %(n)s) AS i,
                LATERAL (SELECT %(year)s - 1 - (i %% (%(years)s - 1)) AS fy) AS y;
            -- Every round has three reviewers, the biggest five.
            INSERT INTO review_reviewerassignment (kind, title, reviewer_id, round_id)
            SELECT CASE WHEN k = 0 THEN 'internal' ELSE 'external' END, '審査委員',
                %(reviewer_base)s + 1 + (i * 5 + k) %% %(reviewers)s, %(base)s + i
            FROM generate_series(1, %(n)s) AS i, generate_series(0, 4) AS k
            WHERE k < 3 OR i = 1;
            """,
            {
                "base": base,
                "n": n,
                "year": self.year,
                "years": YEARS,
                "scheme": _json(self.scheme.to_dict()),
                "staff_base": self.staff_base,
                "reviewer_base": self.reviewer_base,
                "reviewers": self.n["reviewers"],
                "departments": self.departments,
                "n_departments": len(self.departments),
                "criterion_set": self.criterion_set.pk,
            },
        )

    def entries_and_scores(self) -> None:
        """Entries of reviewed proposals, a submitted sheet per reviewer, a score per criterion.

        The published rounds' frozen results are computed from those scores as the mean sheet
        on 100, ranked within the round; decisions follow the proposal's status.
        """
        n = self.n
        spec = {c["key"]: c for c in self.scheme.to_dict()["criteria"]}
        keys = list(spec)
        if len(keys) != len(self.criteria):
            raise CommandError("審査基準の項目が読めません。")
        self.sql(
            """
            CREATE TEMP TABLE reviewed ON COMMIT DROP AS
            SELECT id AS proposal_id, rn,
                CASE WHEN rn <= %(biggest)s THEN %(round_base)s + 1
                     ELSE %(round_base)s + 2 + rn %% (%(rounds)s - 1) END AS round_id
            FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM proposals_proposal
                  WHERE id > %(proposal_base)s
                    AND status IN ('screening', 'open_review', 'adopted', 'not_adopted')) AS p
            WHERE rn <= %(entries)s;
            INSERT INTO review_reviewentry (presentation_order, decision, reason, frozen_result,
                proposal_id, round_id)
            SELECT (rn %% 30000)::smallint,
                CASE p.status WHEN 'adopted' THEN 'adopt' WHEN 'not_adopted' THEN 'not_adopt'
                    ELSE '' END,
                CASE WHEN p.status IN ('adopted', 'not_adopted') THEN '審査会の評価による' ELSE '' END,
                NULL, r.proposal_id, r.round_id
            FROM reviewed r JOIN proposals_proposal p ON p.id = r.proposal_id;
            INSERT INTO review_scoresheet (overall_comment, submitted_at, updated_at, proposal_id,
                reviewer_id, round_id)
            SELECT '', rr.created_at + interval '30 days', rr.created_at + interval '30 days',
                e.proposal_id, a.reviewer_id, e.round_id
            FROM review_reviewentry e
            JOIN review_reviewround rr ON rr.id = e.round_id
            JOIN review_reviewerassignment a ON a.round_id = e.round_id
            WHERE e.round_id > %(round_base)s;
            """,
            {
                "biggest": n["biggest_round"],
                "round_base": self.round_base,
                "rounds": n["rounds"],
                "proposal_base": self.proposal_base,
                "entries": n["entries"],
            },
        )
        # Scores 1–5 drawn from the sheet and criterion; a low score carries its comment.
        self.sql(
            """
            INSERT INTO review_score (value, comment, criterion_id, sheet_id)
            SELECT v, CASE WHEN v < 2 THEN '根拠が不足しています。' ELSE '' END, c, s.id
            FROM review_scoresheet s
            CROSS JOIN unnest(%(criteria)s::bigint[]) AS c,
                LATERAL (SELECT (1 + (s.id * 7 + c * 13 + s.proposal_id) %% 5)::smallint AS v) AS x
            WHERE s.round_id > %(round_base)s
            """,
            {"criteria": self.criteria, "round_base": self.round_base},
        )
        # Frozen results: each criterion's mean in its points, the sheet total on 100.
        points = " + ".join(
            f"avg(CASE WHEN sc.criterion_id = {pk} THEN sc.value END) * {spec[key]['max_points']}"
            f" / {spec[key]['scale']}"
            for key, pk in zip(keys, self.criteria, strict=True)
        )
        per_criterion = ", ".join(
            f"'{key}', round(avg(CASE WHEN sc.criterion_id = {pk} THEN sc.value END)"
            f" * {spec[key]['max_points']} / {spec[key]['scale']}, 1)::text"
            for key, pk in zip(keys, self.criteria, strict=True)
        )
        sheet_max = self.scheme.sheet_max
        pass_line = float(self.scheme.pass_line or 0)
        self.sql(
            f"""
            WITH totals AS (
                SELECT e.id, e.round_id, e.proposal_id, round(({points})::numeric, 1) AS points,
                    round(({points}) * 100 / {sheet_max}, 1) AS on_100,
                    jsonb_build_object({per_criterion}) AS criterion_points,
                    count(DISTINCT s.id) AS sheets
                FROM review_reviewentry e
                JOIN review_reviewround r ON r.id = e.round_id AND r.status = 'published'
                JOIN review_scoresheet s ON s.round_id = e.round_id AND s.proposal_id = e.proposal_id
                JOIN review_score sc ON sc.sheet_id = s.id
                WHERE e.round_id > %(round_base)s
                GROUP BY e.id
            ), ranked AS (
                SELECT *, rank() OVER (PARTITION BY round_id ORDER BY on_100 DESC) AS rank
                FROM totals
            )
            UPDATE review_reviewentry e SET frozen_result = jsonb_build_object(
                'key', ranked.proposal_id,
                'verdict', CASE WHEN on_100 >= {pass_line} THEN 'meets' ELSE 'below' END,
                'rank', rank, 'points', points::text, 'max_points', {sheet_max},
                'on_100', on_100::text, 'criterion_points', criterion_points,
                'passes', on_100 >= {pass_line}, 'vetoed', false, 'sheets', sheets,
                'scored_by', sheets, 'conflicts', 0, 'trimmed', 0)
            FROM ranked WHERE ranked.id = e.id
            """,
            {"round_base": self.round_base},
        )

    def projects(self) -> None:
        """Projects: four in five from an adopted proposal, the rest existing city programs."""
        n = self.n["projects"]
        self.project_base = base = self.base("projects_collaborationproject")
        self.sql(
            """
            CREATE TEMP TABLE adopted ON COMMIT DROP AS
            SELECT id, organization_id, department_id, desired_form_id, title, public_summary,
                submitted_at, row_number() OVER (ORDER BY id) AS rn
            FROM proposals_proposal
            WHERE id > %(proposal_base)s AND status = 'adopted' AND organization_id IS NOT NULL;
            INSERT INTO projects_collaborationproject (id, lock_version, title, summary, origin,
                first_fiscal_year, last_fiscal_year, city_share, partner_share, funding,
                funding_reference, funding_amount, status, created_at, updated_at,
                created_by_id, department_id, form_id, proposal_id)
            SELECT %(base)s + i, 0,
                coalesce(a.title, (%(themes)s::text[])[1 + i %% 16] || 'の協働事業（既存事業の協働化 '
                    || i || '）'),
                coalesce(a.public_summary, '市の既存事業を地域の団体と協働で進めます。'),
                CASE WHEN a.id IS NULL THEN 'existing' ELSE 'proposal' END,
                fy, fy + i %% 3, 200000 + (i %% 30) * 50000, 50000 + (i %% 20) * 10000,
                CASE i %% 3 WHEN 0 THEN 'commission' WHEN 1 THEN 'subsidy' ELSE '' END,
                '', NULL,
                CASE WHEN fy = %(year)s THEN (ARRAY['agreement', 'active'])[1 + i %% 2]
                     WHEN fy = %(year)s - 1 THEN (ARRAY['active', 'reporting'])[1 + i %% 2]
                     ELSE (ARRAY['evaluated', 'closed'])[1 + i %% 2] END,
                make_date(fy, 4, 1)::timestamptz, make_date(fy, 4, 1)::timestamptz,
                %(staff_base)s + 1 + i %% %(n_departments)s,
                coalesce(a.department_id, (%(departments)s::bigint[])[1 + i %% %(n_departments)s]),
                coalesce(a.desired_form_id, (%(forms)s::bigint[])[1 + i %% %(n_forms)s]),
                a.id
            FROM generate_series(1, %(n)s) AS i
            LEFT JOIN adopted a ON a.rn = i - i / 5 AND i %% 5 <> 0,
                LATERAL (SELECT %(year)s - (i %% %(years)s) AS fy) AS y;
            INSERT INTO projects_collaborationproject_partners (collaborationproject_id,
                organization_id)
            SELECT p.id, coalesce(a.organization_id, %(org_base)s + 1 + (p.id * 11) %% %(orgs)s)
            FROM projects_collaborationproject p LEFT JOIN adopted a ON a.id = p.proposal_id
            WHERE p.id > %(base)s;
            """,
            {
                **self.words(),
                "base": base,
                "n": n,
                "proposal_base": self.proposal_base,
                "year": self.year,
                "years": YEARS,
                "staff_base": self.staff_base,
                "departments": self.departments,
                "n_departments": len(self.departments),
                "forms": self.forms,
                "n_forms": len(self.forms),
                "org_base": self.org_base,
                "orgs": self.n["organizations"],
            },
        )

    def vacuum_analyze(self) -> None:
        for table in TABLES:
            self.sql(f"VACUUM ANALYZE {table}")

    def words(self) -> dict[str, list[str]]:
        return {
            "places": PLACES,
            "places_kana": PLACES_KANA,
            "themes": THEMES,
            "themes_kana": THEMES_KANA,
            "acts": ACTIVITIES,
            "suffixes": GROUP_SUFFIXES,
            "suffixes_kana": GROUP_SUFFIXES_KANA,
            "surnames": SURNAMES,
            "given": GIVEN_NAMES,
            "kinds": KINDS,
        }


def _json(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


TABLES = (
    "organizations_user",
    "organizations_organization",
    "organizations_organization_fields",
    "organizations_organization_districts",
    "organizations_membership",
    "calls_call",
    "calls_call_forms",
    "proposals_proposal",
    "review_reviewround",
    "review_reviewerassignment",
    "review_reviewentry",
    "review_scoresheet",
    "review_score",
    "projects_collaborationproject",
    "projects_collaborationproject_partners",
)
