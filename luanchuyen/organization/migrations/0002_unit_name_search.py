from django.db import migrations, models

from luanchuyen.core.text import strip_accents


def fill_name_search(apps, schema_editor):
    Unit = apps.get_model("organization", "Unit")
    batch = []
    for unit in Unit.objects.only("id", "name").iterator(chunk_size=2000):
        unit.name_search = strip_accents(unit.name)
        batch.append(unit)
        if len(batch) >= 2000:
            Unit.objects.bulk_update(batch, ["name_search"])
            batch = []
    Unit.objects.bulk_update(batch, ["name_search"])


class Migration(migrations.Migration):
    dependencies = [("organization", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="unit",
            name="name_search",
            field=models.CharField(db_index=True, default="", editable=False, max_length=255),
        ),
        migrations.RunPython(fill_name_search, migrations.RunPython.noop),
    ]
