import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from organizations.models import User
from organizations.services import (
    ACCOUNT_MAILS_PER_HOUR,
    unconfirmed_accounts_expire,
    user_sign_up,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "Hanako@Example.jp",
    "full_name": "国立 花子",
    "full_name_kana": "くにたち はなこ",
}
PASSWORD_CHOSEN = "tamagawa-josui-2026"


def confirmation_link(message) -> str:
    return re.search(r"http://\S+(/accounts/confirm/\S+/)", message.body).group(1)


def sign_up(client, capture, data=SIGNUP):
    with capture(execute=True):
        return client.post(reverse("organizations:signup"), data)


def finish(client, link, password=PASSWORD_CHOSEN):
    return client.post(link, {"password1": password, "password2": password})


def log_in(client, email="hanako@example.jp", password=PASSWORD_CHOSEN):
    return client.post(reverse("organizations:login"), {"username": email, "password": password})


def test_sign_up_creates_an_inactive_account_and_mails_a_confirmation_link(
    client, django_capture_on_commit_callbacks
):
    response = sign_up(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    user = User.objects.get()
    assert user.email == "hanako@example.jp"
    assert not user.is_active and not user.has_usable_password()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["hanako@example.jp"]
    assert "/accounts/confirm/" in mail.outbox[0].body


def test_the_link_asks_for_a_password_and_then_login_works(
    client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    link = confirmation_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200 and "パスワードを決めると" in page.content.decode()
    assert not User.objects.get().is_active  # opening the link alone opens nothing
    response = finish(client, link)
    assert response.status_code == 302
    assert User.objects.get().is_active
    response = log_in(client, email="HANAKO@example.jp")  # addresses compare without case
    assert response.status_code == 302
    assert response["Location"] == reverse("mypage")


def test_a_mail_scanner_opening_the_link_does_not_confirm_anything(
    client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    link = confirmation_link(mail.outbox[0])
    for _ in range(3):
        client.get(link)
    user = User.objects.get()
    assert not user.is_active and user.email_confirmed_at is None


def test_a_stranger_who_signs_up_with_your_address_owns_nothing(
    client, django_capture_on_commit_callbacks
):
    """The finding: sign-up with a stranger's address and one's own password; the stranger (or
    a scanner) opens the link; the attacker owns an account that accepts their invitations."""
    sign_up(client, django_capture_on_commit_callbacks)  # the attacker, with hanako's address
    assert log_in(client, password="anything-at-all-1").status_code == 200
    link = confirmation_link(mail.outbox[0])  # in hanako's inbox
    finish(Client(), link, password="hanakos-own-secret-9")
    assert log_in(Client(), password="hanakos-own-secret-9").status_code == 302


def test_a_lost_confirmation_mail_never_strands_anyone(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    mail.outbox.clear()  # lost
    # Signing up again with the same address is not refused: a new link goes to the inbox.
    response = sign_up(
        client, django_capture_on_commit_callbacks, {**SIGNUP, "full_name": "国立 はな"}
    )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["hanako@example.jp"]]
    assert User.objects.get().full_name == "国立 はな"
    mail.outbox.clear()  # lost again
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("organizations:resend_confirmation"), {"email": "hanako@example.jp"})
    finish(client, confirmation_link(mail.outbox[0]))
    assert log_in(client).status_code == 302


def test_a_password_reset_for_an_unconfirmed_address_sends_its_confirmation_link(
    client, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    mail.outbox.clear()  # lost
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("organizations:password_reset"), {"email": "hanako@example.jp"})
    assert len(mail.outbox) == 1
    assert "/accounts/confirm/" in mail.outbox[0].body


def test_the_same_answer_for_registered_and_unregistered_addresses(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="taken@example.jp", full_name="既存 太郎")
    answers = []
    for email in ("taken@example.jp", "free@example.jp"):
        response = client.post(
            reverse("organizations:signup"), {**SIGNUP, "email": email}, follow=True
        )
        page = response.content.decode().replace(email, "ADDRESS")
        answers.append(re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page))
    assert answers[0] == answers[1]
    assert User.objects.get(email="taken@example.jp").full_name == "既存 太郎"  # untouched


def test_a_registered_address_is_told_by_mail_that_it_has_an_account(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="hanako@example.jp")
    sign_up(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1 and "すでに登録済みです" in mail.outbox[0].body
    assert "/accounts/confirm/" not in mail.outbox[0].body


def test_mail_to_one_address_is_rate_limited(client, django_capture_on_commit_callbacks):
    for _ in range(5):  # ten requests in a row
        sign_up(client, django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("organizations:resend_confirmation"), {"email": "hanako@example.jp"}
            )
    assert len(mail.outbox) == ACCOUNT_MAILS_PER_HOUR == 3
    cache.clear()  # an hour later
    sign_up(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 4


def test_an_unconfirmed_account_expires_and_frees_its_address(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        user_sign_up(
            email="hanako@example.jp", full_name="国立 花子", full_name_kana="くにたち はなこ"
        )
    confirmed = UserFactory(email="kept@example.jp", is_active=False)  # deactivated, not pending
    later = timezone.now() + datetime.timedelta(days=4)
    assert unconfirmed_accounts_expire(now=later) == 1
    assert list(User.objects.values_list("email", flat=True)) == [confirmed.email]


def test_unconfirmed_account_cannot_log_in(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    response = log_in(client)
    assert response.status_code == 200
    assert "確認メールのリンクを開いてから" in response.content.decode()


def test_tampered_confirmation_token_is_refused(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    link = confirmation_link(mail.outbox[0])
    response = client.get(link.replace(":", ";", 1)[:-3] + "xx/")
    assert response.status_code == 400
    assert not User.objects.get().is_active


def test_a_used_link_says_the_address_is_confirmed(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    link = confirmation_link(mail.outbox[0])
    finish(client, link)
    response = finish(Client(), link, password="someone-elses-try-5")
    assert response.status_code == 400
    assert "確認済みです" in response.content.decode()
    assert log_in(Client()).status_code == 302  # the first password still holds


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "このパスワードは短すぎます"),
        ("12345678901234", "数字しか使われていません"),
        ("qwerty123456", "このパスワードは一般的すぎます"),
    ],
)
def test_weak_password_is_refused_next_to_the_field(
    client, django_capture_on_commit_callbacks, password, message
):
    sign_up(client, django_capture_on_commit_callbacks)
    response = finish(client, confirmation_link(mail.outbox[0]), password=password)
    assert message in response.content.decode()
    assert not User.objects.get().is_active


def test_mismatched_passwords_are_refused(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    response = client.post(
        confirmation_link(mail.outbox[0]),
        {"password1": PASSWORD_CHOSEN, "password2": "something-else-99"},
    )
    assert "確認用のパスワードが一致しません。" in response.content.decode()
    assert not User.objects.get().is_active


def test_furigana_must_be_hiragana(client):
    response = client.post(
        reverse("organizations:signup"), {**SIGNUP, "full_name_kana": "クニタチ Hanako"}
    )
    assert "ひらがなで入力してください" in response.content.decode()
    assert 'value="国立 花子"' in response.content.decode()  # the input is kept
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


def test_profile_edit_keeps_input_on_error(as_persona):
    client = as_persona("citizen")
    response = client.post(
        reverse("organizations:profile"), {"full_name": "新しい名前", "full_name_kana": "abc"}
    )
    assert response.status_code == 200
    assert 'value="新しい名前"' in response.content.decode()
    assert User.objects.get(email="citizen@example.jp").full_name == "市民 一郎"


# --- Reset links (issue: production); the login throttle: test_login_throttle.py ---------


def test_the_reset_link_takes_its_host_from_the_site_url_not_the_request(client, settings):
    """Finding: the password-reset link took its host from the request (a forged Host header
    would send a victim a link to the attacker's site)."""
    settings.ALLOWED_HOSTS = ["*"]
    settings.SITE_URL = "https://kyodo.example.jp"
    UserFactory(email="reset@example.jp")
    client.post(
        reverse("organizations:password_reset"),
        {"email": "reset@example.jp"},
        HTTP_HOST="attacker.example.com",
    )
    body = mail.outbox[0].body
    assert "https://kyodo.example.jp/accounts/reset/" in body
    assert "attacker.example.com" not in body
