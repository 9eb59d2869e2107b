import re

import pytest
from django.core import mail
from django.urls import reverse

from organizations.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "Hanako@Example.jp",
    "full_name": "国立 花子",
    "full_name_kana": "くにたち はなこ",
    "password1": "tamagawa-josui-2026",
    "password2": "tamagawa-josui-2026",
}


def confirmation_link(message) -> str:
    return re.search(r"http://\S+/accounts/confirm/\S+/", message.body).group(0)


def test_sign_up_creates_an_inactive_account_and_mails_a_confirmation_link(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("organizations:signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get()
    assert user.email == "hanako@example.jp"
    assert not user.is_active
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["hanako@example.jp"]
    assert "/accounts/confirm/" in mail.outbox[0].body


def test_confirmation_link_activates_the_account_and_login_works(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("organizations:signup"), SIGNUP)
    link = confirmation_link(mail.outbox[0])
    assert client.get(link.removeprefix("http://127.0.0.1:8000")).status_code == 200
    assert User.objects.get().is_active
    response = client.post(
        reverse("organizations:login"),
        {"username": "hanako@example.jp", "password": SIGNUP["password1"]},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mypage")


def test_unconfirmed_account_cannot_log_in(client):
    client.post(reverse("organizations:signup"), SIGNUP)
    response = client.post(
        reverse("organizations:login"),
        {"username": "hanako@example.jp", "password": SIGNUP["password1"]},
    )
    assert response.status_code == 200
    assert "確認メールのリンクを開いてから" in response.content.decode()


def test_tampered_confirmation_token_is_refused(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("organizations:signup"), SIGNUP)
    link = confirmation_link(mail.outbox[0]).removeprefix("http://127.0.0.1:8000")
    response = client.get(link.replace(":", ";", 1)[:-3] + "xx/")
    assert response.status_code == 400
    assert not User.objects.get().is_active


def test_duplicate_email_is_refused_in_japanese_and_input_is_kept(client):
    UserFactory(email="hanako@example.jp")
    response = client.post(reverse("organizations:signup"), SIGNUP)
    body = response.content.decode()
    assert response.status_code == 200
    assert "このメールアドレスはすでに登録されています。" in body
    assert 'value="国立 花子"' in body
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "このパスワードは短すぎます"),
        ("12345678901234", "数字しか使われていません"),
        ("qwerty123456", "このパスワードは一般的すぎます"),
    ],
)
def test_weak_password_is_refused_next_to_the_field(client, password, message):
    response = client.post(
        reverse("organizations:signup"), {**SIGNUP, "password1": password, "password2": password}
    )
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_mismatched_passwords_are_refused(client):
    response = client.post(
        reverse("organizations:signup"), {**SIGNUP, "password2": "something-else-99"}
    )
    assert "確認用のパスワードが一致しません。" in response.content.decode()
    assert not User.objects.exists()


def test_furigana_must_be_hiragana(client):
    response = client.post(
        reverse("organizations:signup"), {**SIGNUP, "full_name_kana": "クニタチ Hanako"}
    )
    assert "ひらがなで入力してください" in response.content.decode()
    assert not User.objects.exists()


def test_password_reset_mails_a_link_that_sets_a_new_password(client):
    user = UserFactory(email="reset@example.jp")
    client.post(reverse("organizations:password_reset"), {"email": "reset@example.jp"})
    assert len(mail.outbox) == 1
    path = re.search(r"https?://[^/]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    client.post(
        form_url, {"new_password1": "yaho-tenmangu-77", "new_password2": "yaho-tenmangu-77"}
    )
    user.refresh_from_db()
    assert user.check_password("yaho-tenmangu-77")


def test_repeated_login_failures_lock_the_account_out(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="locked@example.jp")
    UserFactory(email="free@example.jp")
    for _ in range(3):
        client.post(
            reverse("organizations:login"), {"username": "locked@example.jp", "password": "wrong"}
        )
    response = client.post(
        reverse("organizations:login"), {"username": "locked@example.jp", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "ログインを一時的に停止しています" in response.content.decode()
    # The lock is on that account from that address, not on everyone at the address.
    response = client.post(
        reverse("organizations:login"), {"username": "free@example.jp", "password": PASSWORD}
    )
    assert response.status_code == 302


def test_profile_edit_keeps_input_on_error(as_persona):
    client = as_persona("citizen")
    response = client.post(
        reverse("organizations:profile"), {"full_name": "新しい名前", "full_name_kana": "abc"}
    )
    assert response.status_code == 200
    assert 'value="新しい名前"' in response.content.decode()
    assert User.objects.get(email="citizen@example.jp").full_name == "市民 一郎"
