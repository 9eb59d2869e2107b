import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kunitachi_kyodo.notifications.models import Notification
from proposals.proposals import services
from proposals.proposals.models import BudgetLine, ConsultationMessage, Proposal, ProposalAttachment
from tests.conftest import assert_refused_as_stale, client_for, lock_version_on
from tests.factories import CallFactory, ProposalFactory, UserFactory
from tests.proposals.form_steps import fill, post_step, start

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"


def form_data(**overrides):
    data = {
        "origin": "free",
        "title": "多摩川べりの自然観察会",
        "local_issue": "子どもが身近な自然にふれる機会が減っています。",
        "goal": "親子で多摩川の自然を知る。",
        "indicators": "参加者 年間200人",
        "content": "5月から10月まで、月1回の観察会を開きます。",
        "expected_effect": "自然への関心と、地域の見守りの輪が広がる。",
        "why_collaboration": "市の河川管理の知見と団体の観察の経験を合わせる。",
        "public_summary": "親子で多摩川の自然を観察する会を、市と開きます。",
        "publish_consent": "on",
        "roles-TOTAL_FORMS": "1",
        "roles-INITIAL_FORMS": "0",
        "roles-0-task": "広報",
        "roles-0-proposer_role": "チラシを作り、学校に配る",
        "roles-0-city_role": "市報に載せる",
        "budget-TOTAL_FORMS": "2",
        "budget-INITIAL_FORMS": "0",
        "budget-0-kind": "income",
        "budget-0-item": "市の補助",
        "budget-0-amount": "100000",
        "budget-1-kind": "expense",
        "budget-1-item": "講師謝礼",
        "budget-1-amount": "100000",
    }
    data.update(overrides)
    return data


def test_a_draft_is_filled_step_by_step_with_several_attachments_at_once(as_persona, users):
    client = as_persona("citizen")
    data = form_data(
        files=[
            SimpleUploadedFile("事業計画書.pdf", PDF),
            SimpleUploadedFile("収支予算書.pdf", PDF),
        ]
    )
    response = start(client, data)
    proposal = Proposal.objects.get()
    assert response.url == reverse("proposals:proposal_step", args=[proposal.pk, "content"])
    assert (proposal.status, proposal.proposer, proposal.local_issue) == (
        Proposal.Status.DRAFT,
        users["citizen"],
        "",  # a later step's field waits for its step
    )
    for slug, following in [
        ("content", "roles"),
        ("roles", "budget"),
        ("budget", "files"),
        ("files", "confirm"),
    ]:
        response = post_step(client, proposal, slug, data)
        assert response.url == reverse("proposals:proposal_step", args=[proposal.pk, following])
    proposal.refresh_from_db()
    assert proposal.local_issue == "子どもが身近な自然にふれる機会が減っています。"
    assert proposal.budget_totals() == {"income": 100000, "expense": 100000}
    assert proposal.role_shares.get().city_role == "市報に載せる"
    assert sorted(a.original_name for a in proposal.attachments.all()) == [
        "事業計画書.pdf",
        "収支予算書.pdf",
    ]
    assert all(
        a.stored_name not in ("事業計画書.pdf", "収支予算書.pdf")
        for a in proposal.attachments.all()
    )
    assert proposal.missing_to_submit() == []


def test_a_later_step_leaves_the_earlier_steps_as_they_were(as_persona):
    client = as_persona("citizen")
    proposal = fill(client, form_data())
    post_step(client, proposal, "content", form_data(goal="親子で川の生き物を知る。"))
    proposal.refresh_from_db()
    assert proposal.goal == "親子で川の生き物を知る。"
    assert proposal.title == "多摩川べりの自然観察会"
    assert proposal.role_shares.count() == 1 and proposal.budget_lines.count() == 2


def test_going_back_or_stopping_keeps_a_half_written_step(as_persona):
    client = as_persona("citizen")
    proposal = fill(client, form_data(), before="content")
    half = {"goal": "親子で多摩川の自然を知る。", "local_issue": ""}
    response = post_step(client, proposal, "content", {**half, "go": "stop"})
    assert response.url == proposal.get_absolute_url()
    response = post_step(client, proposal, "content", {**half, "go": "back"})
    assert response.url == reverse("proposals:proposal_step", args=[proposal.pk, "summary"])
    proposal.refresh_from_db()
    assert proposal.goal == "親子で多摩川の自然を知る。"
    # Moving on asks for what the step needs, said next to the field.
    body = post_step(client, proposal, "content", half).content.decode()
    assert "このフィールドは必須です。" in body
    assert "親子で多摩川の自然を知る。" in body


@pytest.mark.parametrize(
    ("slug", "overrides", "message", "kept"),
    [
        ("summary", {"title": ""}, "このフィールドは必須です。", 'value="2027-04-01"'),
        (
            "summary",
            {"title": "あ" * 10_000},
            "200字以内で入力してください（いま10,000字）。",
            'value="2027-04-01"',
        ),
        (
            "summary",
            {"title": "見守り\x00事業"},
            "何か文字を入力してください。",
            'value="2027-04-01"',
        ),
        (
            "summary",
            {"origin": "call"},
            "応募する事業の提示を選んでください",
            'value="多摩川べりの自然観察会"',
        ),
        (
            "summary",
            {"period_start": "2027-04-01", "period_end": "2027-03-01"},
            "実施期間の終了は開始より後にしてください。",
            'value="多摩川べりの自然観察会"',
        ),
        (
            "budget",
            {"budget-1-amount": "-500"},
            "金額は0円以上で入力してください。",
            'value="講師謝礼"',
        ),
        (
            "budget",
            {"budget-1-amount": "六万円"},
            "金額は半角数字（円）で入力してください。",
            'value="講師謝礼"',
        ),
        (
            "content",
            {"goal": ""},
            "このフィールドは必須です。",
            "子どもが身近な自然にふれる機会が減っています。",
        ),
    ],
)
def test_bad_input_is_refused_in_japanese_and_nothing_is_saved(
    as_persona, slug, overrides, message, kept
):
    client = as_persona("citizen")
    data = form_data(**{"period_start": "2027-04-01", **overrides})
    if slug == "summary":
        response = start(client, data)
        assert not Proposal.objects.exists()
    else:
        proposal = fill(client, form_data(), before=slug)
        before = proposal.goal, proposal.budget_lines.count()
        response = post_step(client, proposal, slug, data)
        proposal.refresh_from_db()
        assert (proposal.goal, proposal.budget_lines.count()) == before
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert kept in body  # the rest of the input is kept


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, "このファイルの種類は登録できません"),
        (
            "plan.pdf",
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 50,
            "中身（PNG）と拡張子（.pdf）が合いません",
        ),
        (
            "big.pdf",
            b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 1),
            "10 MB以下のファイルにしてください",
        ),
        ("empty.pdf", b"", "入力されたファイルは空です。"),
    ],
)
def test_a_refused_upload_is_named_and_no_file_of_the_batch_is_half_saved(
    as_persona, name, content, message
):
    client = as_persona("citizen")
    proposal = fill(client, form_data(), before="files")
    files = [SimpleUploadedFile("good.pdf", PDF), SimpleUploadedFile(name, content)]
    response = post_step(client, proposal, "files", {"files": files})
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body and f"「{name}」" in body
    assert "もう一度選んでください" in body  # the good file must be chosen again: said so
    assert not ProposalAttachment.objects.exists()


def test_a_file_chosen_by_mistake_can_be_removed_from_a_draft(
    as_persona, django_capture_on_commit_callbacks
):
    client = as_persona("citizen")
    proposal = fill(client, form_data(files=[SimpleUploadedFile("wrong.pdf", PDF)]))
    wrong = proposal.attachments.get()
    with django_capture_on_commit_callbacks(execute=True):
        post_step(client, proposal, "files", {"remove": [str(wrong.pk)]})
    assert not proposal.attachments.exists()
    assert not wrong.file.storage.exists(wrong.file.name)


def test_a_file_name_with_path_separators_and_control_characters_is_cleaned(as_persona, tmp_path):
    client = as_persona("citizen")
    fill(client, form_data(files=[SimpleUploadedFile("../../etc/\x07passwd.pdf", PDF)]))
    attachment = ProposalAttachment.objects.get()
    assert attachment.original_name == "passwd.pdf"
    assert "/etc/" not in attachment.file.name
    assert attachment.file.name.startswith(f"proposals/{attachment.proposal_id}/")


def test_the_confirmation_page_shows_the_whole_proposal_and_what_is_missing(as_persona):
    client = as_persona("citizen")
    proposal = fill(client, form_data(), before="content")
    url = reverse("proposals:proposal_step", args=[proposal.pk, "confirm"])
    body = client.get(url).content.decode()
    content_step = reverse("proposals:proposal_step", args=[proposal.pk, "content"])
    assert f'href="{content_step}#id_goal"' in body  # each missing item links to its field
    assert "役割分担（1行以上）" in body
    assert 'action="' + reverse("proposals:proposal_act", args=[proposal.pk, "submit"]) not in body

    proposal = fill(client, form_data(title="二つめの提案"))
    body = client.get(
        reverse("proposals:proposal_step", args=[proposal.pk, "confirm"])
    ).content.decode()
    assert "missing-summary" not in body
    for text in ("二つめの提案", "親子で多摩川の自然を知る。", "市報に載せる", "講師謝礼"):
        assert text in body
    submit = reverse("proposals:proposal_act", args=[proposal.pk, "submit"])
    assert f'action="{submit}"' in body
    # The page is the confirmation: it says what cannot be undone, and one press submits.
    assert "市から差し戻されない限り内容を変更できません" in body
    client.post(submit, {"confirmed": "yes"})
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED and proposal.receipt_number


def test_submitting_an_incomplete_draft_names_each_missing_field(as_persona, users):
    proposal = ProposalFactory(proposer=users["citizen"], goal="", public_summary="")
    with pytest.raises(ValidationError) as refused:
        services.proposal_transition(proposal=proposal, action="submit", actor=users["citizen"])
    said = " ".join(refused.value.messages)
    assert (
        "「事業の目標」を書いてください。" in said and "「公開用の概要」を書いてください。" in said
    )


def test_someone_elses_draft_is_404_to_see_edit_or_download(as_persona, users):
    draft = ProposalFactory(proposer=users["member"])
    client = as_persona("other_member")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("proposals:proposal_edit", args=[draft.pk])).status_code == 404
    assert (
        client.post(reverse("proposals:proposal_edit", args=[draft.pk]), form_data()).status_code
        == 404
    )
    draft.refresh_from_db()
    assert draft.title.startswith("地域の見守り事業")


def test_a_submitted_proposal_is_not_editable(as_persona, users):
    proposal = ProposalFactory(submitted=True, proposer=users["citizen"])
    response = as_persona("citizen").post(
        reverse("proposals:proposal_edit", args=[proposal.pk]), form_data(title="書き換え")
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.title != "書き換え"


def test_two_people_cannot_silently_overwrite_each_other(users, organization):
    from organizations.models import Membership

    editor = UserFactory()
    Membership.objects.create(user=editor, organization=organization, role=Membership.Role.EDITOR)
    draft = ProposalFactory(proposer=users["member"], organization=organization)
    url = reverse("proposals:proposal_edit", args=[draft.pk])
    base = form_data(
        lock_version=lock_version_on(client_for(editor).get(url)),
        organization=str(organization.pk),
        **{"roles-TOTAL_FORMS": "0", "budget-TOTAL_FORMS": "0"},
    )

    first = client_for(users["member"]).post(url, {**base, "title": "代表者の案"})
    second = client_for(editor).post(url, {**base, "title": "編集者の案"})

    assert first.status_code == 302
    assert_refused_as_stale(second, kept='value="編集者の案"')
    draft.refresh_from_db()
    assert draft.title == "代表者の案"
    # Told of the other save, the editor may still choose to save theirs: the page carries
    # the stored number now.
    again = client_for(editor).post(
        url, {**base, "title": "編集者の案", "lock_version": lock_version_on(second)}
    )
    assert again.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "編集者の案"


def test_submission_after_the_call_closes_is_refused(as_persona, users):
    call = CallFactory(
        opens_at=timezone.now() - timedelta(days=30), closes_at=timezone.now() - timedelta(days=1)
    )
    proposal = ProposalFactory(proposer=users["citizen"], origin="call", call=call)
    response = as_persona("citizen").post(
        reverse("proposals:proposal_act", args=[proposal.pk, "submit"]), follow=True
    )
    assert "募集期間" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DRAFT


def test_a_call_requiring_consultation_refuses_submission_without_it(users):
    call = CallFactory(requires_consultation=True)
    proposal = ProposalFactory(proposer=users["citizen"], origin="call", call=call)
    with pytest.raises(Exception, match="事前相談が必要"):
        services.proposal_transition(proposal=proposal, action="submit", actor=users["citizen"])
    services.proposal_transition(proposal=proposal, action="consult", actor=users["citizen"])
    services.consultation_post(
        proposal=proposal, author=users["support_office"], body="規約を添えてください。"
    )
    services.proposal_transition(proposal=proposal, action="submit", actor=users["citizen"])
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED


def test_a_click_on_consult_is_not_a_consultation_the_city_must_answer(users):
    """Finding 8: 事前相談 counted as done the moment the proposer clicked 始める."""
    call = CallFactory(requires_consultation=True)
    proposal = ProposalFactory(proposer=users["citizen"], origin="call", call=call)
    services.proposal_transition(proposal=proposal, action="consult", actor=users["citizen"])
    services.consultation_post(proposal=proposal, author=users["citizen"], body="相談です。")
    for action in ("submit", "end_consultation"):
        with pytest.raises(ValidationError, match="回答"):
            services.proposal_transition(proposal=proposal, action=action, actor=users["citizen"])
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.CONSULTATION

    services.consultation_post(
        proposal=proposal, author=users["support_office"], body="予算の組み方はこうします。"
    )
    services.proposal_transition(
        proposal=proposal, action="end_consultation", actor=users["citizen"]
    )
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DRAFT
    services.proposal_transition(proposal=proposal, action="submit", actor=users["citizen"])
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED


def test_the_proposer_edits_the_draft_during_the_consultation(as_persona, users):
    """Finding 8: the proposal could not be edited while consulting."""
    proposal = ProposalFactory(proposer=users["citizen"], title="相談前の題名")
    services.proposal_transition(proposal=proposal, action="consult", actor=users["citizen"])
    url = reverse("proposals:proposal_edit", args=[proposal.pk])
    client = as_persona("citizen")
    assert client.get(url).status_code == 200
    assert users["citizen"].has_perm("proposals.edit_proposal", proposal)


def test_submission_needs_consent_to_publish(users):
    proposal = ProposalFactory(proposer=users["citizen"], publish_consent=False)
    with pytest.raises(Exception, match="公開への同意"):
        services.proposal_transition(proposal=proposal, action="submit", actor=users["citizen"])


@pytest.mark.parametrize(
    "persona_name",
    ["anonymous", "citizen", "other_member", "reviewer", "other_department_staff"],
)
def test_the_public_page_shows_public_parts_only(as_persona, persona_name, users, organization):
    proposal = ProposalFactory(
        submitted=True,
        proposer=users["member"],
        organization=organization,
        department=users["city_staff"].department,
    )
    BudgetLine.objects.create(proposal=proposal, kind="expense", item="秘密の費目", amount=12345)
    ConsultationMessage.objects.create(proposal=proposal, author=users["member"], body="相談の中身")
    services.proposal_transition(
        proposal=proposal,
        action="return",
        actor=users["city_staff"],
        comment="予算の根拠を補ってください",
    )
    body = as_persona(persona_name).get(proposal.get_absolute_url()).content.decode()
    assert proposal.title in body
    assert proposal.public_summary in body
    assert "修正のため提案者に差し戻されました" in body  # the public timeline
    for secret in [
        "秘密の費目",
        "相談の中身",
        "予算の根拠を補ってください",
        proposal.local_issue,
        "収支予算",
    ]:
        assert secret not in body


def test_the_proposer_and_staff_see_the_private_parts(as_persona, users, organization):
    proposal = ProposalFactory(
        submitted=True,
        proposer=users["member"],
        organization=organization,
        department=users["city_staff"].department,
    )
    BudgetLine.objects.create(proposal=proposal, kind="expense", item="講師謝礼", amount=60000)
    for persona_name in ["member", "city_staff", "coordinator", "support_office", "admin"]:
        body = as_persona(persona_name).get(proposal.get_absolute_url()).content.decode()
        assert "講師謝礼" in body
        assert "60,000" in body


def test_drafts_are_not_in_the_public_list(client, users):
    ProposalFactory(title="下書きの提案", proposer=users["citizen"])
    ProposalFactory(title="提出済みの提案", submitted=True, proposer=users["citizen"])
    body = client.get(reverse("proposals:proposal_list")).content.decode()
    assert "提出済みの提案" in body
    assert "下書きの提案" not in body


def test_submission_notifies_the_department_and_office_and_return_tells_the_proposer_why(
    users, django_capture_on_commit_callbacks
):
    call = CallFactory(department=users["city_staff"].department)
    proposal = ProposalFactory(
        proposer=users["citizen"], origin="call", call=call, department=call.department
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_transition(proposal=proposal, action="submit", actor=users["citizen"])
    recipients = {address for message in mail.outbox for address in message.to}
    assert {"staff@example.jp", "office@example.jp", "citizen@example.jp"} <= recipients
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_transition(
            proposal=proposal,
            action="return",
            actor=users["city_staff"],
            comment="指標を数字で示してください。",
        )
    assert mail.outbox[-1].to == ["citizen@example.jp"]
    assert "指標を数字で示してください。" in mail.outbox[-1].body
    assert Notification.objects.filter(user=users["citizen"], message__contains="差し戻し").exists()


def test_a_consultation_message_notifies_the_other_side(
    as_persona, users, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(
        consultation=True, proposer=users["citizen"], department=users["city_staff"].department
    )
    with django_capture_on_commit_callbacks(execute=True):
        as_persona("citizen").post(
            reverse("proposals:consultation_post", args=[proposal.pk]),
            {"body": "予算の組み方を相談したいです。"},
        )
    assert ConsultationMessage.objects.get().body == "予算の組み方を相談したいです。"
    recipients = {address for message in mail.outbox for address in message.to}
    assert {"staff@example.jp", "office@example.jp"} <= recipients
    assert "citizen@example.jp" not in recipients


def test_the_consultation_thread_is_closed_to_others(as_persona, users):
    proposal = ProposalFactory(submitted=True, proposer=users["citizen"])
    response = as_persona("other_member").post(
        reverse("proposals:consultation_post", args=[proposal.pk]), {"body": "のぞき見"}
    )
    assert response.status_code == 404
    assert not ConsultationMessage.objects.exists()


def test_attachments_are_served_only_to_those_allowed(as_persona, users):
    proposal = ProposalFactory(
        submitted=True, proposer=users["citizen"], department=users["city_staff"].department
    )
    [attachment] = services.attachments_change(
        proposal=ProposalFactory(proposer=users["citizen"]),
        user=users["citizen"],
        add=[SimpleUploadedFile("plan.pdf", PDF)],
    )
    attachment.proposal = proposal
    attachment.save()
    url = attachment.get_absolute_url()
    response = as_persona("city_staff").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert as_persona("other_member").get(url).status_code == 404
    assert as_persona("other_department_staff").get(url).status_code == 404


def test_work_queue_filters_by_status_department_and_keyword(as_persona, users):
    department = users["city_staff"].department
    ProposalFactory(title="見守りのお茶会", submitted=True, department=department)
    ProposalFactory(title="河川敷の清掃", screening=True)
    ProposalFactory(title="まだ下書き")
    client = as_persona("coordinator")  # sees every department's proposals
    url = reverse("proposals:work_queue")
    titles = lambda response: [p.title for p in response.context["object_list"]]  # noqa: E731
    assert set(titles(client.get(url))) == {"見守りのお茶会", "河川敷の清掃"}
    assert titles(client.get(url, {"status": "screening"})) == ["河川敷の清掃"]
    assert titles(client.get(url, {"department": department.pk})) == ["見守りのお茶会"]
    assert titles(client.get(url, {"q": "清掃"})) == ["河川敷の清掃"]


def test_assigning_a_department_notifies_its_staff(as_persona, users):
    proposal = ProposalFactory(submitted=True)
    department = users["city_staff"].department
    as_persona("support_office").post(
        reverse("proposals:assign_department", args=[proposal.pk]), {"department": department.pk}
    )
    proposal.refresh_from_db()
    assert proposal.department == department
    assert Notification.objects.filter(user=users["city_staff"]).exists()


@pytest.mark.parametrize("url_name", ["proposals:proposal_list", "proposals:work_queue"])
def test_list_query_counts_do_not_grow_with_rows(
    as_persona, url_name, django_assert_max_num_queries
):
    client = as_persona("coordinator")  # the work queue shows them every proposal
    ProposalFactory.create_batch(2, submitted=True)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse(url_name))
    ProposalFactory.create_batch(12, submitted=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse(url_name))


def test_the_proposing_organization_is_preselected_for_its_representative(as_persona, organization):
    """Finding: 提案する団体 defaulted to 個人 even for an organization's representative."""
    body = as_persona("member").get(reverse("proposals:proposal_create")).content.decode()
    assert re.search(rf'<option value="{organization.pk}" selected>', body)


def test_a_citizen_without_an_organization_proposes_as_an_individual(as_persona):
    body = as_persona("citizen").get(reverse("proposals:proposal_create")).content.decode()
    assert re.search(r'<option value="" selected>個人として提案する</option>', body)
