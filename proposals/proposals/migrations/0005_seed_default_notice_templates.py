"""Seed the notices a fresh install sends (採択通知・不採択通知・差し戻し通知), in a city's wording.

Written as Japanese cities write such letters: the addressee 「〇〇 様」 and the date are set by
the layout; the body says what was decided 「下記のとおり…通知します。」, then 記 with the
items, and 以上. A city changes the wording and the sender (e.g. with the mayor's name) in the
admin; a change applies to the notices issued after it.
"""

from django.conf import settings
from django.db import migrations

# The configured city's mayor (PORTAL_CITY_NAME), as a fresh install's sender.
SENDER = f"{settings.CITY_NAME}長"

OPENING = "　{提出日}付けで提出のありました協働事業提案について、"
ITEMS_HEAD = "\n\n記\n\n１　事業名　　　{事業名}\n２　受付番号　　{受付番号}\n"
CLOSING = (
    "５　担当課　　　{担当課}\n\n"
    "　提案の内容と経過は、次のページで確認できます。\n"
    "　{URL}\n\n"
    "以上"
)

TEMPLATES = [
    (
        "adopted",
        "協働事業提案の採択について（通知）",
        OPENING + "審査の結果、下記のとおり採択することに決定しましたので通知します。"
        "\n　今後、市と協働して事業を進めるにあたり、ご協力をお願いします。"
        + ITEMS_HEAD
        + "３　採択の理由\n　{理由}\n"
        "４　今後の手続き\n　{次の手順}\n" + CLOSING,
    ),
    (
        "not_adopted",
        "協働事業提案の審査結果について（通知）",
        OPENING + "審査の結果、下記のとおり不採択とすることに決定しましたので通知します。"
        "\n　ご提案いただきましたことに、感謝申し上げます。"
        + ITEMS_HEAD
        + "３　不採択の理由\n　{理由}\n"
        "４　今後について\n　{次の手順}\n" + CLOSING,
    ),
    (
        "returned",
        "協働事業提案の修正について（通知）",
        OPENING + "内容を確認したところ、下記の理由により修正が必要と判断しましたので、"
        "提案を差し戻します。\n　修正のうえ、改めて提出してくださるようお願いします。"
        + ITEMS_HEAD
        + "３　修正を求める理由\n　{理由}\n"
        "４　今後の手続き\n　{次の手順}\n" + CLOSING,
    ),
]


def seed(apps, schema_editor):
    NoticeTemplate = apps.get_model("proposals", "NoticeTemplate")
    for kind, subject, body in TEMPLATES:
        if not NoticeTemplate.objects.filter(kind=kind, is_active=True).exists():
            NoticeTemplate.objects.create(
                kind=kind, is_active=True, sender=SENDER, subject=subject, body=body
            )


def unseed(apps, schema_editor):
    NoticeTemplate = apps.get_model("proposals", "NoticeTemplate")
    for kind, subject, body in TEMPLATES:
        NoticeTemplate.objects.filter(kind=kind, subject=subject, body=body).delete()


class Migration(migrations.Migration):
    dependencies = [("proposals", "0004_notice_templates_and_issued_notices")]
    operations = [migrations.RunPython(seed, unseed)]
