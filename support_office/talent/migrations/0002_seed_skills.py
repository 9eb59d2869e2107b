"""The skills people and requests describe themselves with (reference data, editable in admin)."""

from django.db import migrations

SKILLS = [
    "会計・経理",
    "広報・デザイン",
    "ウェブ・IT",
    "法律・制度",
    "福祉・介護",
    "子育て・教育",
    "語学・通訳",
    "イベント運営",
    "調理・食品衛生",
    "写真・映像",
    "農業・園芸",
    "防災・応急手当",
    "力仕事・運転",
]


def seed(apps, schema_editor):
    Skill = apps.get_model("talent", "Skill")
    for order, name in enumerate(SKILLS, start=1):
        Skill.objects.update_or_create(name=name, defaults={"order": order})


def unseed(apps, schema_editor):
    apps.get_model("talent", "Skill").objects.filter(name__in=SKILLS).delete()


class Migration(migrations.Migration):
    dependencies = [("talent", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
