from django.db import migrations


class Migration(migrations.Migration):
    """A criterion's weight is its maximum of points (配点); a scale joins it in the next step."""

    dependencies = [("guideline", "0003_seed_default_criteria")]

    operations = [
        migrations.RemoveConstraint(model_name="criterion", name="criterion_weight_positive"),
        migrations.RenameField(model_name="criterion", old_name="weight", new_name="max_points"),
    ]
