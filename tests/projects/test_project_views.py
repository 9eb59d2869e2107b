"""Collaboration project pages: who may open and do what, what the public sees, and bad input.

The lifecycle itself is tested through the services in test_projects.py; these tests drive
the same steps through the views, with the same helpers.
"""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from proposals.guideline.models import CollaborationRule, ProjectForm
from proposals.projects import services
from proposals.projects.models import (
    Agreement,
    CollaborationProject,
    Direction,
    Evaluation,
    Indicator,
    Report,
    ReportAttachment,
    ReportValue,
    RoleShare,
)
from tests.conftest import (
    CONFIRMED,
    HEADER_TASK_QUERIES,
    PERSONAS,
    assert_refused_as_stale,
    client_for,
    lock_version_on,
)
from tests.factories import OrganizationFactory, ProjectFactory
from tests.projects.test_projects import (
    complete_agreement,
    confirm_both,
    evaluate_all,
    file_final_report,
    make_project,
    run_to_reporting,
)

pytestmark = pytest.mark.django_db

# admin: a superuser acts as the department; so does a coordinator (協働推進担当), city-wide.
PARTIES = {"member", "city_staff", "coordinator", "admin"}
DEPARTMENT = {"city_staff", "coordinator", "admin"}
CITY = {*DEPARTMENT, "other_department_staff"}  # every city staff member
LOGIN = "login"


def expect(allowed: set[str], denied: int = 403) -> dict[str, object]:
    return {p: 200 if p in allowed else (LOGIN if p == "anonymous" else denied) for p in PERSONAS}


def assert_status(response, expected, url):
    if expected == LOGIN:
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("organizations:login")), url
    else:
        assert response.status_code == expected, url


@pytest.fixture
def project(adopted, users):
    return make_project(adopted, users)


@pytest.fixture
def reporting(project, users):
    """A project past its start, with an interim report requested and a file attached to it."""
    run_to_reporting(project, users)
    report = services.report_request(
        project=project,
        kind="interim",
        due_on=datetime.date(2027, 10, 31),
        user=users["city_staff"],
    )
    services.report_save(
        report=report,
        user=users["member"],
        values={},
        narrative="非公開の実施内容の記録",
        public_summary="",
        expenditure=None,
        upload=SimpleUploadedFile("活動記録.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    return project


def agreement_post(agreement: Agreement, **changes) -> dict:
    """The agreement page's form as the browser sends it, from the saved rows, with changes."""
    data = {
        "lock_version": str(agreement.lock_version),
        "shared_goal": agreement.shared_goal,
        "period_start": agreement.period_start.isoformat(),
        "period_end": agreement.period_end.isoformat(),
        "cost_sharing": agreement.cost_sharing,
        "information_sharing": agreement.information_sharing,
        "risk_and_liability": agreement.risk_and_liability,
        "other_terms": agreement.other_terms,
    }
    for prefix, rows, fields in (
        ("indicators", list(agreement.indicators.all()), ["kind", "name", "unit", "target_value"]),
        ("roles", list(agreement.role_shares.all()), ["task", "partner_role", "city_role"]),
    ):
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows) + 1)
        data[f"{prefix}-INITIAL_FORMS"] = str(len(rows))
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "30"
        for index, row in enumerate(rows):
            data[f"{prefix}-{index}-id"] = str(row.pk)
            data[f"{prefix}-{index}-agreement"] = str(agreement.pk)
            for field in fields:
                data[f"{prefix}-{index}-{field}"] = str(getattr(row, field))
    data.update(changes)
    return data


# --- Who may open what --------------------------------------------------------------------


def test_project_pages_by_persona(reporting, users):
    project = reporting
    report = project.reports.get()
    attachment = ReportAttachment.objects.get()
    pages = {
        reverse("projects:project_list"): dict.fromkeys(PERSONAS, 200),
        project.get_absolute_url(): dict.fromkeys(PERSONAS, 200),
        reverse("projects:agreement_edit", args=[project.pk]): expect(PARTIES),
        reverse("projects:report_request", args=[project.pk]): expect(DEPARTMENT),
        reverse("projects:report_edit", args=[project.pk, report.pk]): expect(PARTIES, 404),
        reverse(
            "projects:report_attachment_download", args=[project.pk, report.pk, attachment.pk]
        ): expect(PARTIES, 404),
        reverse("projects:evaluation_edit", args=[project.pk, "self_partner"]): expect({"member"}),
        reverse("projects:evaluation_edit", args=[project.pk, "self_department"]): expect(
            DEPARTMENT
        ),
        reverse("projects:evaluation_edit", args=[project.pk, "mutual"]): expect(PARTIES),
        # The committee (its members are the reviewers; a conflict is on a proposal, not here).
        reverse("projects:evaluation_edit", args=[project.pk, "third_party"]): expect(
            {"reviewer", "conflicted_reviewer"}
        ),
        reverse("projects:direction_edit", args=[project.pk]): expect(DEPARTMENT),
        reverse("projects:rule_dashboard"): expect(CITY),
        reverse("projects:project_create"): expect(CITY),
    }
    for persona in PERSONAS:
        client = client_for(users[persona])
        for url, expected in pages.items():
            assert_status(client.get(url), expected[persona], f"{persona} GET {url}")


def test_an_unknown_evaluation_kind_is_not_found(project, as_persona):
    url = reverse("projects:evaluation_edit", args=[project.pk, "self_citizen"])
    assert as_persona("member").get(url).status_code == 404


@pytest.mark.parametrize(
    ("persona", "status"),
    [(p, 200 if p in PARTIES else 404) for p in PERSONAS],
)
def test_a_draft_agreement_pdf_is_for_the_parties_only(project, users, persona, status):
    response = client_for(users[persona]).get(reverse("projects:agreement_pdf", args=[project.pk]))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response["Cache-Control"] == "private, no-store"


def test_a_confirmed_agreement_pdf_is_public(project, users, client):
    complete_agreement(project)
    confirm_both(project, users)
    response = client.get(reverse("projects:agreement_pdf", args=[project.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert "%E5%8D%94%E5%AE%9A%E6%9B%B8.pdf" in response["Content-Disposition"]  # 協定書.pdf
    # A newer draft stays private while the confirmed version is still public.
    services.agreement_new_version(project=project, user=users["city_staff"], reason="会場の変更")
    assert client.get(reverse("projects:agreement_pdf", args=[project.pk])).status_code == 200
    draft = reverse("projects:agreement_pdf", args=[project.pk]) + "?version=2"
    assert client.get(draft).status_code == 404
    assert client_for(users["member"]).get(draft).status_code == 200


@pytest.mark.parametrize("persona", ["citizen", "other_member", "reviewer", "support_office"])
def test_people_not_party_cannot_act_on_a_project(project, users, persona):
    complete_agreement(project)
    client = client_for(users[persona])
    for url in (
        reverse("projects:project_act", args=[project.pk, "start"]),
        reverse("projects:agreement_confirm", args=[project.pk]),
        reverse("projects:agreement_new_version", args=[project.pk]),
        reverse("projects:agreement_edit", args=[project.pk]),
        reverse("projects:direction_edit", args=[project.pk]),
        reverse("projects:direction_publish", args=[project.pk]),
        reverse("projects:report_request", args=[project.pk]),
        reverse("projects:evaluation_edit", args=[project.pk, "self_department"]),
    ):
        assert client.post(url, {"reason": "x"}).status_code == 403, url
    project.refresh_from_db()
    assert project.status == CollaborationProject.Status.AGREEMENT
    assert project.current_agreement().partner_confirmed_at is None
    assert project.agreements.count() == 1


def test_post_only_actions_refuse_get(project, as_persona):
    client = as_persona("city_staff")
    for url in (
        reverse("projects:project_act", args=[project.pk, "start"]),
        reverse("projects:agreement_confirm", args=[project.pk]),
        reverse("projects:agreement_new_version", args=[project.pk]),
        reverse("projects:evaluation_publish", args=[project.pk, "mutual"]),
        reverse("projects:direction_publish", args=[project.pk]),
        reverse("projects:project_from_proposal", args=[project.proposal_id]),
    ):
        assert client.get(url).status_code == 405, url


# --- From a proposal, and staff registration -----------------------------------------------


def test_department_staff_make_an_adopted_proposal_a_project(adopted, as_persona):
    page = as_persona("city_staff").get(adopted.get_absolute_url()).content.decode()
    assert "協働事業にする" in page
    assert (
        "協働事業にする"
        not in as_persona("citizen").get(adopted.get_absolute_url()).content.decode()
    )
    response = as_persona("city_staff").post(
        reverse("projects:project_from_proposal", args=[adopted.pk])
    )
    project = CollaborationProject.objects.get()
    assert response.status_code == 302 and response["Location"] == project.get_absolute_url()
    page = as_persona("citizen").get(adopted.get_absolute_url()).content.decode()
    assert project.get_absolute_url() in page and "協働事業にする" not in page
    # Twice is refused with a message, not an error page.
    again = as_persona("city_staff").post(
        reverse("projects:project_from_proposal", args=[adopted.pk]), follow=True
    )
    assert "すでに協働事業になっています" in again.content.decode()
    assert CollaborationProject.objects.count() == 1


@pytest.mark.parametrize("persona", ["citizen", "member", "reviewer", "support_office"])
def test_others_cannot_make_a_project_from_a_proposal(adopted, users, persona):
    response = client_for(users[persona]).post(
        reverse("projects:project_from_proposal", args=[adopted.pk])
    )
    assert response.status_code == 403
    assert not CollaborationProject.objects.exists()


def test_the_proposal_page_adds_one_query_at_most(
    adopted, as_persona, django_assert_max_num_queries
):
    from proposals.proposals.models import Proposal

    client = as_persona("city_staff")
    with django_assert_max_num_queries(40) as adopted_page:
        client.get(adopted.get_absolute_url())
    Proposal.objects.filter(pk=adopted.pk).update(status=Proposal.Status.NOT_ADOPTED)
    with django_assert_max_num_queries(40) as other_page:
        client.get(adopted.get_absolute_url())
    assert len(adopted_page.captured_queries) <= len(other_page.captured_queries) + 1


def test_staff_register_an_existing_program(users, organization, as_persona):
    staff = users["city_staff"]
    response = as_persona("city_staff").post(
        reverse("projects:project_create"),
        {
            "title": "公民館の多世代交流サロン",
            "summary": "市の既存事業を、団体と協働で運営します。",
            "origin": "existing",
            "partners": [organization.pk],
            "department": staff.department_id,
            "form": ProjectForm.objects.get(code="cooperation").pk,
            "cooperation_kinds": [ProjectForm.objects.get(code="cooperation-staff").pk],
            "first_fiscal_year": "2026",
            "last_fiscal_year": "2027",
            "city_share": "300000",
            "partner_share": "50000",
            "funding": "",
            "funding_reference": "",
            "funding_amount": "",
        },
    )
    project = CollaborationProject.objects.get()
    assert response["Location"] == reverse("projects:agreement_edit", args=[project.pk])
    assert project.origin == "existing" and project.created_by == staff
    assert list(project.partners.all()) == [organization]
    assert project.current_agreement() is not None
    assert project.status_changes.get().action == "create"


def test_project_registration_keeps_input_and_says_what_is_wrong(as_persona):
    response = as_persona("city_staff").post(
        reverse("projects:project_create"),
        {
            "title": "既存事業",
            "first_fiscal_year": "2027",
            "last_fiscal_year": "2026",
            "city_share": "たくさん",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "終了年度は開始年度以降にしてください。" in body
    assert "金額は半角数字（円）で入力してください。" in body
    assert 'value="既存事業"' in body
    assert not CollaborationProject.objects.exists()


def test_staff_register_projects_of_their_own_department_only(users, as_persona):
    from organizations.models import Department

    elsewhere = Department.objects.create(name="別の課", kana="べつのか")
    body = as_persona("city_staff").get(reverse("projects:project_create")).content.decode()
    assert users["city_staff"].department.name in body
    assert elsewhere.name not in body


# --- The agreement -------------------------------------------------------------------------


def test_both_sides_edit_and_confirm_the_agreement_and_see_who_and_when(project, users, as_persona):
    agreement = project.current_agreement()
    data = agreement_post(
        agreement,
        shared_goal="北地区に子どもの居場所をつくる。",
        **{
            "indicators-0-kind": "outcome",
            "indicators-0-name": "延べ参加者数",
            "indicators-0-unit": "人",
            "indicators-0-target_value": "1500",
        },
    )
    response = as_persona("member").post(
        reverse("projects:agreement_edit", args=[project.pk]), data
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.shared_goal == "北地区に子どもの居場所をつくる。"
    assert agreement.indicators.get().target_value == Decimal("1500")

    confirm = reverse("projects:agreement_confirm", args=[project.pk])
    as_persona("member").post(confirm, CONFIRMED)
    page = as_persona("city_staff").post(confirm, CONFIRMED, follow=True).content.decode()
    assert "双方の確認がそろいました" in page
    assert users["member"].full_name in page and users["city_staff"].full_name in page
    agreement.refresh_from_db()
    assert agreement.is_confirmed


def test_two_sides_saving_the_same_agreement_draft_do_not_overwrite_each_other(project, as_persona):
    agreement = project.current_agreement()
    url = reverse("projects:agreement_edit", args=[project.pk])
    # Both sides opened the page before either saved.
    opened = agreement_post(agreement, lock_version=lock_version_on(as_persona("member").get(url)))
    indicator = {
        "indicators-0-kind": "outcome",
        "indicators-0-unit": "人",
        "indicators-0-target_value": "1500",
    }

    first = as_persona("member").post(
        url,
        {
            **opened,
            **indicator,
            "shared_goal": "相手方の書いた目標",
            "indicators-0-name": "延べ参加者数",
        },
    )
    second = as_persona("city_staff").post(
        url,
        {
            **opened,
            **indicator,
            "shared_goal": "担当課の書いた目標",
            "indicators-0-name": "相談件数",
        },
    )

    assert first.status_code == 302
    assert_refused_as_stale(second, kept="担当課の書いた目標")
    assert 'value="相談件数"' in second.content.decode()
    agreement.refresh_from_db()
    assert agreement.shared_goal == "相手方の書いた目標"
    assert [i.name for i in agreement.indicators.all()] == ["延べ参加者数"]


def test_an_indicator_target_that_is_not_a_number_is_refused_in_japanese(project, as_persona):
    agreement = project.current_agreement()
    data = agreement_post(
        agreement,
        shared_goal="変えた目標",
        **{
            "indicators-0-kind": "outcome",
            "indicators-0-name": "参加者数",
            "indicators-0-unit": "人",
            "indicators-0-target_value": "たくさん",
        },
    )
    response = as_persona("member").post(
        reverse("projects:agreement_edit", args=[project.pk]), data
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "目標値は数字で入力してください" in body
    assert "変えた目標" in body  # the rest of the input is kept
    agreement.refresh_from_db()
    assert agreement.shared_goal != "変えた目標" and not agreement.indicators.exists()


def test_confirming_without_goal_or_role_sharing_shows_what_is_missing(project, as_persona):
    agreement = project.current_agreement()
    Agreement.objects.filter(pk=agreement.pk).update(shared_goal="")
    RoleShare.objects.filter(agreement=agreement).delete()
    page = as_persona("city_staff").get(reverse("projects:agreement_edit", args=[project.pk]))
    assert "確認の前に、次のものを書いてください。" in page.content.decode()
    response = as_persona("member").post(
        reverse("projects:agreement_confirm", args=[project.pk]), follow=True
    )
    body = response.content.decode()
    assert "協定書に足りないものがあるため、確認できません。" in body
    assert "・共通の目標" in body
    assert "・役割分担表（相手方と市の役割を書いた行）" in body
    assert "・成果目標・活動指標" in body
    agreement.refresh_from_db()
    assert agreement.partner_confirmed_at is None


def test_editing_a_confirmed_agreement_in_place_is_refused(project, users, as_persona):
    complete_agreement(project)
    agreement = project.current_agreement()
    services.agreement_confirm(agreement=agreement, user=users["member"])  # one side suffices
    agreement.refresh_from_db()
    goal = agreement.shared_goal
    url = reverse("projects:agreement_edit", args=[project.pk])
    page = as_persona("city_staff").get(url).content.decode()
    assert "協定書（案）を保存する" not in page and "新しい版を作る" in page
    response = as_persona("city_staff").post(url, agreement_post(agreement, shared_goal="書き換え"))
    body = response.content.decode()
    assert response.status_code == 409
    assert "「新しい版を作る」から改定してください" in body
    assert "書き換え" not in body
    agreement.refresh_from_db()
    assert agreement.shared_goal == goal


def test_a_new_version_needs_a_reason_and_copies_the_text(project, users, as_persona):
    complete_agreement(project)
    confirm_both(project, users)
    url = reverse("projects:agreement_new_version", args=[project.pk])
    refused = as_persona("member").post(url, {"reason": ""}, follow=True).content.decode()
    assert "改定の理由を入力してください。" in refused
    assert project.agreements.count() == 1
    as_persona("member").post(url, {"reason": "会場の変更"})
    new = project.current_agreement()
    assert new.version == 2 and new.change_reason == "会場の変更" and not new.is_locked
    assert new.indicators.count() == 1
    # The public page still shows the confirmed first version; the draft only to the parties.
    assert "第2版（案）" not in client_for(None).get(project.get_absolute_url()).content.decode()
    assert "第2版（案）" in as_persona("member").get(project.get_absolute_url()).content.decode()


# --- Moves ----------------------------------------------------------------------------------


def test_moves_come_from_the_workflow_table(project, users, as_persona):
    page = as_persona("city_staff").get(project.get_absolute_url()).content.decode()
    assert "協定に基づき事業を開始する" in page
    assert (
        "協定に基づき事業を開始する"
        not in as_persona("member").get(project.get_absolute_url()).content.decode()
    )
    refused = as_persona("city_staff").post(
        reverse("projects:project_act", args=[project.pk, "start"]), follow=True
    )
    assert "協定書が双方に確認されていません。" in refused.content.decode()
    complete_agreement(project)
    confirm_both(project, users)
    as_persona("city_staff").post(reverse("projects:project_act", args=[project.pk, "start"]))
    project.refresh_from_db()
    assert project.status == CollaborationProject.Status.ACTIVE


def test_completing_the_evaluation_says_what_is_missing(project, users, as_persona):
    run_to_reporting(project, users)
    body = (
        as_persona("city_staff")
        .post(
            reverse("projects:project_act", args=[project.pk, "complete_evaluation"]), follow=True
        )
        .content.decode()
    )
    assert "完了報告が提出されていません。" in body
    assert "第三者評価が提出されていません。" in body
    assert "今後の方向性が決まっていません。" in body
    project.refresh_from_db()
    assert project.status == CollaborationProject.Status.REPORTING


def test_an_unknown_move_is_forbidden(project, as_persona):
    response = as_persona("city_staff").post(
        reverse("projects:project_act", args=[project.pk, "fly"])
    )
    assert response.status_code == 403


# --- Reports -------------------------------------------------------------------------------


def test_the_department_requests_a_report(project, users, as_persona):
    run_to_reporting(project, users)
    url = reverse("projects:report_request", args=[project.pk])
    bad = as_persona("city_staff").post(url, {"kind": "final", "due_on": "来月"})
    assert "日付を正しく入力してください" in bad.content.decode()
    as_persona("city_staff").post(url, {"kind": "final", "due_on": "2028-04-30"})
    assert project.reports.get().kind == "final"
    again = as_persona("city_staff").post(url, {"kind": "final", "due_on": "2028-05-30"})
    assert "完了報告はすでに依頼されています。" in again.content.decode()


def test_a_report_value_that_is_not_a_number_is_refused_and_nothing_is_saved(reporting, as_persona):
    report = reporting.reports.get()
    indicator = services.confirmed_agreement(reporting).indicators.get()
    response = as_persona("member").post(
        reverse("projects:report_edit", args=[reporting.pk, report.pk]),
        {
            f"value_{indicator.pk}": "たくさん",
            "narrative": "書き直した実施内容",
            "public_summary": "公開の概要",
            "expenditure": "1000",
            "submit_action": "save",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "実績値は数字で入力してください" in body
    assert "書き直した実施内容" in body  # the rest of the input is kept
    assert not ReportValue.objects.exists()
    report.refresh_from_db()
    assert report.narrative == "非公開の実施内容の記録" and report.expenditure is None


def test_the_partner_submits_a_report_and_the_public_sees_only_its_public_parts(
    reporting, users, as_persona
):
    report = reporting.reports.get()
    indicator = services.confirmed_agreement(reporting).indicators.get()
    url = reverse("projects:report_edit", args=[reporting.pk, report.pk])
    # Submitting without a narrative is refused next to the field; values stay unsaved.
    refused = as_persona("member").post(
        url,
        {
            f"value_{indicator.pk}": "640",
            "narrative": "",
            "public_summary": "半年で延べ640人が参加しました。",
            "expenditure": "120000",
            "submit_action": "submit",
        },
    )
    assert "実施した内容を入力してください。" in refused.content.decode()
    report.refresh_from_db()
    assert report.submitted_at is None
    as_persona("member").post(
        url,
        {
            f"value_{indicator.pk}": "640",
            f"note_{indicator.pk}": "夏休みに増加",
            "narrative": "非公開の実施内容の記録",
            "public_summary": "半年で延べ640人が参加しました。",
            "expenditure": "120000",
            "submit_action": "submit",
        },
    )
    report.refresh_from_db()
    assert report.submitted_at is not None and report.values.get().actual_value == 640
    public = client_for(users["citizen"]).get(reporting.get_absolute_url()).content.decode()
    assert "半年で延べ640人が参加しました。" in public and "120,000" in public
    assert "640人" in public  # the actual value next to the target
    assert "非公開の実施内容の記録" not in public and "活動記録.pdf" not in public
    department = as_persona("city_staff").get(url).content.decode()
    assert "非公開の実施内容の記録" in department and "活動記録.pdf" in department
    # Submitted reports no longer change.
    again = as_persona("member").post(
        url, {"narrative": "変更", "submit_action": "save"}, follow=True
    )
    assert "提出済みの報告は変更できません。" in again.content.decode()


def test_a_bad_attachment_is_refused_and_the_rest_kept(reporting, as_persona):
    report = reporting.reports.get()
    response = as_persona("member").post(
        reverse("projects:report_edit", args=[reporting.pk, report.pk]),
        {
            "narrative": "記録",
            "attachment": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00not a pdf"),
            "submit_action": "save",
        },
    )
    assert "このファイルの種類は登録できません。" in response.content.decode()
    assert ReportAttachment.objects.count() == 1


def test_unsubmitted_reports_are_not_public(reporting, client):
    body = client.get(reporting.get_absolute_url()).content.decode()
    assert "中間報告" not in body.split('id="reports-heading"')[1].split("</section>")[0]


def test_the_reminder_command_says_how_many_it_sent(reporting):
    out = StringIO()
    call_command("send_report_reminders", "--days-ahead", "10000", stdout=out)
    assert "督促を 1 件送りました" in out.getvalue()
    assert Report.objects.get().reminded_at is not None


# --- Evaluations and the direction ------------------------------------------------------


def test_a_low_score_without_comment_is_refused_next_to_the_item(reporting, as_persona):
    rule = CollaborationRule.objects.get(number=2)
    url = reverse("projects:evaluation_edit", args=[reporting.pk, "self_partner"])
    response = as_persona("member").post(
        url, {f"rule_{rule.pk}": "1", "overall_comment": "総評の下書き", "submit_action": "save"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "1・2の評価には、理由のコメントが必要です。" in body
    assert f'id="id_rule_{rule.pk}_error"' in body
    assert "総評の下書き" in body
    assert not Evaluation.objects.exists() or not Evaluation.objects.get().rule_scores.exists()


def test_the_partner_saves_then_submits_a_self_evaluation(reporting, as_persona):
    agreement = services.confirmed_agreement(reporting)
    url = reverse("projects:evaluation_edit", args=[reporting.pk, "self_partner"])
    scores = {f"rule_{r.pk}": "4" for r in CollaborationRule.objects.all()}
    scores.update({f"goal_{i.pk}": "3" for i in agreement.indicators.all()})
    as_persona("member").post(url, {**scores, "submit_action": "save"})
    evaluation = Evaluation.objects.get()
    assert evaluation.submitted_at is None and evaluation.rule_scores.count() == 6
    page = as_persona("member").get(url).content.decode()
    first_rule = CollaborationRule.objects.first()
    assert f'value="4" class="form-check-input" id="id_rule_{first_rule.pk}_1" checked' in page
    as_persona("member").post(
        url, {**scores, "overall_comment": "よく協力できた", "submit_action": "submit"}
    )
    evaluation.refresh_from_db()
    assert evaluation.submitted_at is not None and evaluation.overall_comment == "よく協力できた"
    # The department reads it (it is submitted) and publishes it.
    assert as_persona("city_staff").get(url).status_code == 200
    as_persona("city_staff").post(
        reverse("projects:evaluation_publish", args=[reporting.pk, "self_partner"])
    )
    evaluation.refresh_from_db()
    assert evaluation.published_at is not None


def test_the_mutual_evaluation_needs_its_three_texts(reporting, as_persona):
    url = reverse("projects:evaluation_edit", args=[reporting.pk, "mutual"])
    response = as_persona("city_staff").post(
        url, {"shared_points": "目的を共有できた", "submit_action": "submit"}
    )
    assert response.content.decode().count("この項目を書いてください。") >= 2
    assert Evaluation.objects.filter(submitted_at__isnull=False).count() == 0


@pytest.mark.parametrize("persona", ["citizen", "other_member", "reviewer", "support_office"])
def test_evaluating_a_project_one_is_not_party_to_is_forbidden(reporting, users, persona):
    rule = CollaborationRule.objects.get(number=1)
    for kind in ("self_partner", "self_department", "mutual"):
        response = client_for(users[persona]).post(
            reverse("projects:evaluation_edit", args=[reporting.pk, kind]),
            {f"rule_{rule.pk}": "5", "submit_action": "submit"},
        )
        assert response.status_code == 403
    assert not Evaluation.objects.exists()


def test_only_the_department_publishes_evaluations(reporting, users, as_persona):
    file_final_report(reporting, users)
    evaluate_all(reporting, users)
    for persona in ("member", "reviewer", "citizen"):
        response = as_persona(persona).post(
            reverse("projects:evaluation_publish", args=[reporting.pk, "mutual"])
        )
        assert response.status_code == 403
    assert not Evaluation.objects.filter(published_at__isnull=False).exists()


def test_nothing_of_unpublished_evaluations_is_on_the_public_page(reporting, users, client):
    file_final_report(reporting, users)
    evaluate_all(reporting, users, low_comment="学校への周知がもう一歩だった")
    body = client.get(reporting.get_absolute_url()).content.decode()
    for secret in (
        "学校への周知がもう一歩だった",
        "子どもの居場所の必要性",
        "広報の範囲",
        "学校との連携",
    ):
        assert secret not in body
    assert "まだ公開された評価はありません。" in body
    # Parties see where each stands, not the content.
    party = client_for(users["member"]).get(reporting.get_absolute_url()).content.decode()
    assert "提出済み（未公開）" in party and "学校への周知がもう一歩だった" not in party
    mutual = Evaluation.objects.get(kind="mutual")
    services.evaluation_publish(evaluation=mutual, user=users["city_staff"])
    body = client.get(reporting.get_absolute_url()).content.decode()
    assert "子どもの居場所の必要性" in body and "学校への周知がもう一歩だった" not in body


def test_the_department_decides_and_publishes_the_direction(reporting, as_persona, client):
    url = reverse("projects:direction_edit", args=[reporting.pk])
    refused = as_persona("city_staff").post(url, {"choice": "continue", "reason": ""})
    assert "方向性の理由を入力してください。" in refused.content.decode()
    as_persona("city_staff").post(url, {"choice": "expand", "reason": "参加者が目標を上回った"})
    assert Direction.objects.get().choice == "expand"
    assert "参加者が目標を上回った" not in client.get(reporting.get_absolute_url()).content.decode()
    as_persona("city_staff").post(reverse("projects:direction_publish", args=[reporting.pk]))
    body = client.get(reporting.get_absolute_url()).content.decode()
    assert "拡充" in body and "参加者が目標を上回った" in body


def test_a_full_cycle_shows_six_rules_met_with_text_markers(reporting, users, client):
    file_final_report(reporting, users)
    evaluate_all(reporting, users)
    services.direction_decide(
        project=reporting, user=users["city_staff"], choice="continue", reason="成果が出ている"
    )
    for evaluation in Evaluation.objects.all():
        services.evaluation_publish(evaluation=evaluation, user=users["city_staff"])
    services.direction_publish(project=reporting, user=users["city_staff"])
    services.project_transition(
        project=reporting, action="complete_evaluation", actor=users["city_staff"]
    )
    body = client.get(reporting.get_absolute_url()).content.decode()
    assert body.count("✓</span> 満たしている") == 6
    for rule in CollaborationRule.objects.all():
        assert rule.text in body
    assert "評価が完了しました" in body  # the timeline
    assert "第三者評価" in body and "自己評価（相手方）" in body


# --- Lists -------------------------------------------------------------------------------------


def test_the_list_filters_by_fiscal_year_and_status(project, users, client):
    staff = users["city_staff"]
    older = ProjectFactory(
        title="令和6年度の協働講座",
        department=staff.department,
        first_fiscal_year=2024,
        last_fiscal_year=2024,
        status="closed",
    )
    body = client.get(reverse("projects:project_list")).content.decode()
    assert body.index(project.title) < body.index(older.title)  # newest year first
    only_2024 = client.get(reverse("projects:project_list"), {"fiscal_year": "2024"})
    assert older.title in only_2024.content.decode()
    assert project.title not in only_2024.content.decode()
    active = client.get(reverse("projects:project_list"), {"status": "agreement"})
    assert project.title in active.content.decode() and older.title not in active.content.decode()


def _more_projects(users, count):
    staff = users["city_staff"]
    for n in range(count):
        project = ProjectFactory(
            title=f"既存事業{n}", department=staff.department, partners=[OrganizationFactory()]
        )
        agreement = Agreement.objects.create(
            project=project,
            shared_goal="目標",
            period_start="2026-04-01",
            period_end="2027-03-31",
        )
        Indicator.objects.create(agreement=agreement, name="回数", unit="回", target_value=4)
        RoleShare.objects.create(agreement=agreement, task="広報", partner_role="a", city_role="b")


def test_list_query_count_does_not_grow_with_rows(
    project, users, client, django_assert_max_num_queries
):
    # 11: the page, its count, seven facet counts, the form's choices and the data version
    # the facet counts are kept under (kunitachi_kyodo/pagecache).
    with django_assert_max_num_queries(11) as few:
        client.get(reverse("projects:project_list"))
    _more_projects(users, 5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("projects:project_list"))


def test_dashboard_query_count_is_constant_and_it_flags_unmet_rules(
    project, users, as_persona, django_assert_max_num_queries
):
    client = as_persona("city_staff")
    url = reverse("projects:rule_dashboard")
    with django_assert_max_num_queries(25) as few:
        client.get(url)
    _more_projects(users, 6)
    CollaborationProject.objects.filter(title="既存事業0").update(status="evaluated")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    body = response.content.decode()
    assert body.count('<tr class="table-warning">') == 6  # no public call: rule 1 not met
    assert "✗</span> 満たしていない" in body
    flagged = client.get(url, {"not_met": "1"}).content.decode()
    assert project.title not in flagged and "既存事業0" in flagged


def test_the_project_page_query_count_does_not_grow_with_its_records(
    reporting, users, client, as_persona, django_assert_max_num_queries
):
    url = reporting.get_absolute_url()
    file_final_report(reporting, users)
    evaluate_all(reporting, users)
    for evaluation in Evaluation.objects.all():
        services.evaluation_publish(evaluation=evaluation, user=users["city_staff"])
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    interim = reporting.reports.get(kind="interim")
    indicator = services.confirmed_agreement(reporting).indicators.get()
    services.report_save(
        report=interim,
        user=users["member"],
        values={indicator.pk: (Decimal(700), "")},
        narrative="半年の記録",
        public_summary="半年で700人",
        expenditure=100,
        submit=True,
        upload=SimpleUploadedFile("写真.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    services.agreement_new_version(project=reporting, user=users["member"], reason="指標の追加")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
    # The parties' page adds a fixed few: the session, the user, their roles, permissions,
    # and the header's count of what waits for them.
    member = as_persona("member")
    with django_assert_max_num_queries(len(few.captured_queries) + 8 + HEADER_TASK_QUERIES):
        member.get(url)


def project_post(project, **changes) -> dict:
    """The project form as the browser sends it, opened at the project's stored version."""
    return {
        "lock_version": str(project.lock_version),
        "title": project.title,
        "summary": project.summary,
        "partners": [p.pk for p in project.partners.all()],
        "department": project.department_id,
        "form": project.form_id,
        "first_fiscal_year": project.first_fiscal_year,
        "last_fiscal_year": project.last_fiscal_year,
        "city_share": str(project.city_share),
        "partner_share": str(project.partner_share),
        "funding": project.funding,
        "funding_reference": project.funding_reference,
        "funding_amount": "" if project.funding_amount is None else str(project.funding_amount),
        **changes,
    }


def test_two_staff_saving_the_same_project_do_not_overwrite_each_other(users, organization):
    from tests.factories import UserFactory

    staff = users["city_staff"]
    colleague = UserFactory(city_staff=True, department=staff.department)
    project = ProjectFactory(department=staff.department, partners=[organization])
    url = reverse("projects:project_edit", args=[project.pk])
    data = project_post(project, lock_version=lock_version_on(client_for(colleague).get(url)))

    first = client_for(staff).post(url, {**data, "funding_reference": "国立市委託第2026-15号"})
    second = client_for(colleague).post(url, {**data, "funding_reference": "国立市委託第2026-99号"})

    assert first.status_code == 302
    assert_refused_as_stale(second, kept='value="国立市委託第2026-99号"')
    project.refresh_from_db()
    assert project.funding_reference == "国立市委託第2026-15号"


def test_saving_the_project_facts_keeps_a_move_made_meanwhile(users, organization):
    """The edit form does not carry the status: a transition since it opened is kept."""
    staff = users["city_staff"]
    project = ProjectFactory(department=staff.department, partners=[organization])
    url = reverse("projects:project_edit", args=[project.pk])
    data = project_post(project, lock_version=lock_version_on(client_for(staff).get(url)))
    CollaborationProject.objects.filter(pk=project.pk).update(
        status=CollaborationProject.Status.ACTIVE
    )
    assert client_for(staff).post(url, {**data, "title": "新しい名前"}).status_code == 302
    project.refresh_from_db()
    assert (project.title, project.status) == ("新しい名前", CollaborationProject.Status.ACTIVE)


def test_the_department_records_shares_and_the_contract_on_the_project(client, users, organization):
    from proposals.guideline.models import ProjectForm
    from tests.conftest import client_for

    staff = users["city_staff"]
    project = ProjectFactory(
        title="地域の縁側",
        summary="既存の事業を協働で",
        department=staff.department,
        form=ProjectForm.objects.get(code="commission"),
        partners=[organization],
    )
    url = reverse("projects:project_edit", args=[project.pk])
    data = {
        "lock_version": str(project.lock_version),
        "title": "地域の縁側",
        "summary": "既存の事業を協働で",
        "partners": [organization.pk],
        "department": staff.department.pk,
        "form": project.form.pk,
        "first_fiscal_year": 2026,
        "last_fiscal_year": 2026,
        "city_share": "800000",
        "partner_share": "200000",
        "funding": "commission",
        "funding_reference": "国立市委託第2026-15号",
        "funding_amount": "800000",
    }
    assert client_for(users["member"]).post(url, data).status_code == 403
    response = client_for(staff).post(url, {**data, "city_share": "-1"})
    assert "金額" in response.content.decode()
    assert client_for(staff).post(url, data).status_code == 302
    project.refresh_from_db()
    assert (project.city_share, project.funding_reference, project.funding_amount) == (
        800000,
        "国立市委託第2026-15号",
        800000,
    )
    assert "国立市委託第2026-15号" in client.get(project.get_absolute_url()).content.decode()


def test_a_confirmed_agreement_pdf_is_made_once_and_stored(project, users, client, monkeypatch):
    """Issue 12: a confirmed agreement version's PDF is generated once and kept in the storage
    (not rebuilt on every request, nor when the cache is emptied)."""
    import weasyprint
    from django.core.cache import cache
    from django.core.files.storage import default_storage

    complete_agreement(project)
    confirm_both(project, users)
    made = []
    real = weasyprint.HTML
    monkeypatch.setattr(weasyprint, "HTML", lambda *a, **kw: made.append(1) or real(*a, **kw))
    url = reverse("projects:agreement_pdf", args=[project.pk])
    first = b"".join(client.get(url).streaming_content)
    cache.clear()
    second = b"".join(client.get(url).streaming_content)
    assert second == first and len(made) == 1
    _folders, files = default_storage.listdir(f"agreements/{project.pk}")
    assert len(files) == 1 and files[0].endswith(".pdf")
