"""Open data (オープンデータ): the catalog, the files and their dictionary, from one definition.

What a file holds is what the public pages show: a world with private text planted in
drafts, private fields, unpublished scores and evaluations checks that no file holds it,
whoever downloads it.
"""

import csv
import io
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from kunitachi_kyodo.opendata.registry import datasets
from kunitachi_kyodo.opendata.writers import BOM
from proposals.guideline.models import Criterion
from proposals.projects import services as project_services
from proposals.projects.models import Evaluation
from proposals.proposals.models import Proposal
from proposals.review import services as review_services
from proposals.review.models import ReviewEntry
from proposals.review.selectors import round_results
from support_office.consultations.models import Consultation
from tests.conftest import client_for
from tests.factories import (
    CallFactory,
    OrganizationFactory,
    ProposalFactory,
    ReviewRoundFactory,
    UserFactory,
)
from tests.office.events.helpers import make_event
from tests.projects.test_projects import (
    evaluate_all,
    file_final_report,
    make_project,
    run_to_reporting,
)

pytestmark = pytest.mark.django_db

SLUGS = [
    "record-figures",
    "record-metrics",
    "organizations",
    "calls",
    "proposals",
    "review-results",
    "projects",
    "indicators",
    "evaluations",
    "events",
    "office-statistics",
]

# Text that only a private page, a draft or an unpublished record holds.
SECRETS = [
    "相談者の秘密の名前",
    "相談の秘密の件名",
    "相談の秘密の内容",
    "secret-org@example.jp",
    "042-000-9999",
    "確認待ちの秘密団体",
    "非掲載の秘密団体",
    "下書きの秘密の募集",
    "下書きの秘密の提案",
    # The office's events: a draft and the city staff's own training.
    "下書きの秘密の講座",
    "職員だけの秘密の研修",
    # A submitted proposal's private parts (the factory's plan, role sharing, budget).
    "一人暮らしの高齢者が増え",
    "毎週火曜日に集会所でお茶会",
    "市の福祉情報と団体の地域のつながり",
    "チラシの作成と配布",
    # Reviewers' own sheets, and a round not yet published.
    "委員だけの秘密のコメント",
    "講評は委員の中だけ",
    "未公表の審査回",
    # An unsubmitted report, unpublished evaluations.
    "非公開の実施内容の記録",
    "未公開の評価の秘密",
    # People's addresses.
    "member@example.jp",
]


def csv_rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def download(client, name: str, slug: str) -> bytes:
    response = client.get(reverse(f"opendata:{name}", args=[slug]))
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def score_round(staff, proposals, reviewers, *, value=4, comment="", overall=""):
    review_round = ReviewRoundFactory(created_by=staff, title="令和8年度 公開審査")
    for proposal in proposals:
        review_services.round_add_proposal(round=review_round, proposal=proposal, user=staff)
    for reviewer in reviewers:
        review_services.reviewer_assign(
            round=review_round, reviewer=reviewer, user=staff, kind="external"
        )
    review_services.round_start_scoring(round=review_round, user=staff)
    criteria = Criterion.objects.filter(criterion_set=review_round.criterion_set)
    for reviewer in reviewers:
        for proposal in proposals:
            review_services.sheet_save(
                round=review_round,
                proposal=proposal,
                reviewer=reviewer,
                scores={c.pk: (value, comment) for c in criteria},
                overall_comment=overall,
                submit=True,
            )
    return review_round


@pytest.fixture
def world(users, organization, adopted):
    """Something public in every dataset, and private text beside it everywhere."""
    staff = users["city_staff"]
    organization.email, organization.phone = "secret-org@example.jp", "042-000-9999"
    organization.save()
    OrganizationFactory(pending=True, name="確認待ちの秘密団体")
    OrganizationFactory(unlisted=True, name="非掲載の秘密団体")
    CallFactory(draft=True, title="下書きの秘密の募集", department=staff.department)
    office = users["support_office"]
    make_event(created_by=office, title="市民活動団体 交流会")
    make_event(created_by=office, title="下書きの秘密の講座", status="draft")
    make_event(created_by=office, title="職員だけの秘密の研修", kind="staff_training")
    ProposalFactory(title="下書きの秘密の提案", proposer=users["member"])
    reviewers = [users["reviewer"], UserFactory(reviewer=True, full_name="審査 七子")]
    # A published round with scores (comments and overall comments are the reviewers' own).
    scored = [
        ProposalFactory(open_review=True, title=f"公開審査の提案{n}", department=staff.department)
        for n in (1, 2)
    ]
    published = score_round(
        staff,
        scored,
        reviewers,
        value=2,
        comment="委員だけの秘密のコメント",
        overall="講評は委員の中だけ",
    )
    for entry in published.entries.all():
        review_services.entry_decide(
            entry=entry, decision="adopt", reason="地域の課題に沿う", user=staff
        )
    review_services.round_publish(round=published, user=staff)
    # A round still being scored.
    pending = ProposalFactory(open_review=True, title="審査中の提案", department=staff.department)
    unpublished = score_round(staff, [pending], reviewers, value=1, comment="未公表の採点理由")
    unpublished.title = "未公表の審査回"
    unpublished.save()
    # The adopted proposal's project, reported and evaluated; one evaluation published.
    project = make_project(adopted, users)
    run_to_reporting(project, users)
    report = project_services.report_request(
        project=project, kind="interim", due_on=adopted.period_end, user=staff
    )
    project_services.report_save(
        report=report,
        user=users["member"],
        values={},
        narrative="非公開の実施内容の記録",
        public_summary="",
        expenditure=None,
    )
    file_final_report(project, users)
    evaluate_all(project, users, low_comment="未公開の評価の秘密")
    project_services.evaluation_publish(
        evaluation=Evaluation.objects.get(project=project, kind="mutual"), user=staff
    )
    # The office's consultation log: counted in the office's figures, its private part nowhere.
    Consultation.objects.create(
        category="funding",
        channel="phone",
        asker_kind="individual",
        asker_name="相談者の秘密の名前",
        summary="相談の秘密の件名",
        narrative="相談の秘密の内容",
        handled_by=users["support_office"],
    )
    return {"project": project, "round": published}


def test_the_catalog_lists_every_dataset_from_every_stage():
    assert [d.slug for d in datasets()] == SLUGS


@pytest.mark.parametrize("slug", SLUGS)
def test_the_csv_opens_in_excel_with_the_documented_columns(world, client, slug):
    dataset = next(d for d in datasets() if d.slug == slug)
    response = client.get(reverse("opendata:csv", args=[slug]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="132152_{slug.replace("-", "_")}.csv"'
    )
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    assert b"\r\n" in content and b"\n" not in content.replace(b"\r\n", b"")[:200]
    header, *rows = csv_rows(content)
    assert header == [str(c.name) for c in dataset.columns]
    assert rows, f"{slug}: the world has something public in every dataset"
    assert all(len(row) == len(header) for row in rows)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_json_parses_with_the_english_keys(world, client, slug):
    dataset = next(d for d in datasets() if d.slug == slug)
    response = client.get(reverse("opendata:json", args=[slug]))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(b"".join(response.streaming_content))
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/deed.ja"
    assert data["publisher"] == "国立市"
    assert [c["key"] for c in data["columns"]] == dataset.keys
    assert data["rows"] and all(list(row) == dataset.keys for row in data["rows"])
    csv_count = len(csv_rows(download(client, "csv", slug))) - 1
    assert len(data["rows"]) == csv_count


@pytest.mark.parametrize("slug", SLUGS)
def test_the_dictionary_is_the_csvs_columns(client, slug):
    header = csv_rows(download(client, "csv", slug))[0]
    dictionary = csv_rows(download(client, "dictionary_csv", slug))
    assert dictionary[0] == ["項目名", "英語のキー", "型", "説明", "例"]
    assert [row[0] for row in dictionary[1:]] == header
    page = client.get(reverse("opendata:dictionary", args=[slug])).content.decode()
    for name in header:
        assert f'<th scope="row">{name}</th>' in page


def test_no_file_holds_private_text_whoever_downloads_it(world, users):
    anonymous = None
    for persona in ("anonymous", "member", "city_staff", "reviewer", "support_office", "admin"):
        client = client_for(users[persona]) if persona != "anonymous" else client_for(None)
        files = {
            (name, slug): download(client, name, slug) for slug in SLUGS for name in ("csv", "json")
        }
        for (name, slug), content in files.items():
            text = content.decode()
            if name == "json":
                text = json.dumps(json.loads(text), ensure_ascii=False)
            for secret in SECRETS:
                assert secret not in text, f"{persona}: {slug}.{name} holds {secret!r}"
        # The file is the public one for everyone: no persona sees more.
        anonymous = anonymous or files
        assert files == anonymous, persona


def test_the_review_results_are_per_criterion_in_the_citys_points(world, client):
    review_round = world["round"]
    header, *rows = csv_rows(download(client, "csv", "review-results"))
    ours = [dict(zip(header, row, strict=True)) for row in rows if row[0] == str(review_round.pk)]
    criteria = review_round.frozen_scheme["criteria"]
    assert len(ours) == 2 * len(criteria)
    table = round_results(review_round)
    for shown in table.rows:
        mine = [r for r in ours if r["提案ID"] == str(shown.entry.proposal_id)]
        assert [r["審査項目"] for r in mine] == [c.name for c in table.columns]
        assert [r["配点"] for r in mine] == [c.points_label for c in table.columns]
        assert {r["合計点（表示）"] for r in mine} == {shown.total}  # as the results page says
        assert [Decimal(r["項目の点数"]) for r in mine] == shown.points
        assert {r["判定"] for r in mine} == {shown.verdict}
        assert {r["決定"] for r in mine} == {"採択"}


def test_the_indicators_hold_their_target_and_latest_actual(world, client):
    data = json.loads(download(client, "json", "indicators"))
    [row] = [r for r in data["rows"] if r["project_id"] == world["project"].pk]
    assert (row["name"], row["unit"], row["target_value"], row["actual_value"]) == (
        "延べ参加者数",
        "人",
        1500,
        1320,
    )
    assert row["actual_report"] == "完了報告"


def test_only_published_evaluations_are_in_the_file(world, client):
    data = json.loads(download(client, "json", "evaluations"))
    assert {r["kind"] for r in data["rows"]} == {"相互評価"}
    assert {r["item"] for r in data["rows"]} >= {"共有できたこと", "今後改善が必要なこと"}


def test_a_cell_excel_would_read_as_a_formula_stays_text(db, client):
    OrganizationFactory(name='=HYPERLINK("http://example.com")')
    header, row = csv_rows(download(client, "csv", "organizations"))
    assert row[header.index("団体名")] == '\'=HYPERLINK("http://example.com")'
    [json_row] = json.loads(download(client, "json", "organizations"))["rows"]
    assert json_row["name"] == '=HYPERLINK("http://example.com")'  # JSON is not a spreadsheet


def test_the_files_are_in_japanese_whatever_the_readers_language(db, client):
    client.cookies["django_language"] = "en"
    assert 'lang="en"' in client.get(reverse("opendata:catalog")).content.decode()
    header = csv_rows(download(client, "csv", "proposals"))[0]
    assert header[:3] == ["提案ID", "受付番号", "事業名"]


def test_the_file_name_carries_the_citys_code(db, client, settings):
    settings.LOCAL_GOVERNMENT_CODE = "131016"
    response = client.get(reverse("opendata:json", args=["projects"]))
    assert response["Content-Disposition"] == 'inline; filename="131016_projects.json"'
    page = client.get(reverse("opendata:dataset", args=["projects"])).content.decode()
    assert "131016_projects.csv" in page and "131016_projects_dictionary.csv" in page


@pytest.mark.parametrize(
    "path",
    [
        "/opendata/no-such-data/",
        "/opendata/no-such-data.csv",
        "/opendata/no-such-data.json",
        "/opendata/no-such-data/dictionary/",
        "/opendata/no-such-data/dictionary.csv",
        "/opendata/proposals.xml",
        "/opendata/<script>/",
    ],
)
def test_an_unknown_dataset_is_not_found(db, client, path):
    assert client.get(path).status_code == 404


def test_the_catalog_entry_holds_what_a_data_catalogue_expects(world, client):
    catalog = json.loads(client.get(reverse("opendata:catalog_json")).content)
    entries = {d["identifier"]: d for d in catalog["datasets"]}
    assert list(entries) == SLUGS
    proposals = entries["proposals"]
    assert proposals["publisher"] == "国立市"
    assert proposals["license"].startswith("https://creativecommons.org/licenses/by/4.0/")
    assert proposals["issued"] and proposals["modified"] and proposals["temporal"]["startDate"]
    formats = [(d["format"], d["fileName"]) for d in proposals["distribution"]]
    assert formats == [
        ("CSV", "132152_proposals.csv"),
        ("JSON", "132152_proposals.json"),
        ("CSV", "132152_proposals_dictionary.csv"),
    ]
    sizes = [d["byteSize"] for d in proposals["distribution"]]
    # Streamed files are written as they download: only the dictionary's size is known ahead.
    assert sizes[:2] == [None, None]
    assert sizes[2] == len(download(client, "dictionary_csv", "proposals"))
    page = client.get(reverse("opendata:dataset", args=["proposals"])).content.decode()
    for text in ("国立市", "CC BY 4.0", "随時", "最終更新日", "対象期間", "問い合わせ先"):
        assert text in page


def test_the_footer_links_the_catalog(db, client):
    assert f'href="{reverse("opendata:catalog")}"' in client.get("/").content.decode()


# --- Queries and memory -------------------------------------------------------------------


def queries_for(client, django_assert_max_num_queries, slug: str, name: str = "csv") -> int:
    with django_assert_max_num_queries(50) as captured:
        download(client, name, slug)
    return len(captured)


@pytest.mark.parametrize("slug", SLUGS)
def test_a_files_queries_do_not_grow_with_its_rows(
    world, client, django_assert_max_num_queries, users, organization, slug
):
    before = queries_for(client, django_assert_max_num_queries, slug)
    # More of everything public: organizations, calls, proposals, a round, projects.
    staff = users["city_staff"]
    for _ in range(3):
        OrganizationFactory()
        CallFactory(department=staff.department)
    more = [
        ProposalFactory(
            open_review=True,
            department=staff.department,
            organization=organization,
            proposer=users["member"],
        )
        for _ in range(3)
    ]
    extra = score_round(staff, more, [users["reviewer"]], value=3)
    for entry in ReviewEntry.objects.filter(round=extra):
        review_services.entry_decide(
            entry=entry, decision="adopt", reason="効果が大きい", user=staff
        )
    review_services.round_publish(round=extra, user=staff)
    for proposal in more:
        proposal.refresh_from_db()
        project = make_project(proposal, users)
        run_to_reporting(project, users)
        evaluate_all(project, users)
        for evaluation in project.evaluations.all():
            project_services.evaluation_publish(evaluation=evaluation, user=staff)
    assert queries_for(client, django_assert_max_num_queries, slug) == before


def test_the_catalog_pages_queries_are_one_per_dataset(
    world, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(len(SLUGS) + 2):
        assert client.get(reverse("opendata:catalog")).status_code == 200


def test_the_memory_command_writes_the_file_and_leaves_the_database_as_it_was(db):
    out = StringIO()
    call_command("opendata_memory", rows=300, stdout=out)
    report = out.getvalue()
    assert "added 300 proposals" in report
    assert "dataset=proposals rows=300 " in report and "peak_memory=" in report
    assert not Proposal.objects.exists()  # rolled back


def test_the_memory_command_refuses_an_unknown_dataset(db):
    with pytest.raises(CommandError):
        call_command("opendata_memory", rows=0, dataset="nothing")
