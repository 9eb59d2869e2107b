from django.db import migrations, models

SEQUENCE = "pagecache_data_version"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # A sequence: drawn without a row lock, so writers never queue (or deadlock) on it.
        schema_editor.execute(f"CREATE SEQUENCE IF NOT EXISTS {SEQUENCE}")
    else:
        apps.get_model("pagecache", "DataVersion").objects.get_or_create(pk=1)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP SEQUENCE IF EXISTS {SEQUENCE}")


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("value", models.BigIntegerField(default=0, verbose_name="データの版")),
            ],
            options={"verbose_name": "データの版", "verbose_name_plural": "データの版"},
        ),
        migrations.RunPython(create, drop),
    ]
