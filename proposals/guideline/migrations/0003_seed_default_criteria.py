"""Seed the default criteria (審査基準) Japanese cities use: 0–5 × weights to 100 points, pass line 50.

A city changes names, weights and the pass line in the admin, or adds its own sets.
"""

from django.db import migrations

NAME = "標準の審査基準"
CRITERIA = [
    ("公益性", "市民や地域にとって、広く利益のある事業か。", 20),
    ("協働の必要性・効果", "市と協働することで、単独で行うより大きな効果が見込めるか。", 20),
    ("実現性", "計画・体制・スケジュールに無理がなく、実施できる見込みがあるか。", 20),
    ("先駆性・独自性", "新しい発想や、提案者ならではの特性がいかされているか。", 15),
    ("予算の妥当性", "経費の積算が適正で、収支の見通しが妥当か。", 10),
    ("継続性・発展性", "事業の終了後も、成果が続き、広がっていく見込みがあるか。", 15),
]


def seed(apps, schema_editor):
    CriterionSet = apps.get_model("guideline", "CriterionSet")
    Criterion = apps.get_model("guideline", "Criterion")
    criterion_set, _ = CriterionSet.objects.get_or_create(
        name=NAME, defaults={"pass_line": 50, "is_default": True}
    )
    for order, (name, description, weight) in enumerate(CRITERIA, start=1):
        Criterion.objects.get_or_create(
            criterion_set=criterion_set,
            name=name,
            defaults={
                "description": description,
                "scale": 5,
                "max_points": weight,
                "order": order,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("guideline", "CriterionSet").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("guideline", "0002_seed_guideline")]
    operations = [migrations.RunPython(seed, unseed)]
