"""PostgreSQL: an index on UPPER(id) so that the cadre list's search stays on indexes.

The list's search (selectors.cadre_list) matches every word against a word of the accent-free
name *or* the cadre's id, case-insensitively (`id__iexact` → `UPPER(id) = UPPER(%s)`). Without an
index on that expression, the OR forces a sequential scan of the whole table for every request
(≈50 ms at 100,000 cadres for the rows and again for the count); with it, each word is a BitmapOr of
the name indexes and this one (≈3–18 ms). SQLite needs nothing: its bodies are small.
"""
from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS cadre_id_upper ON cadres_cadre (UPPER(id::text))"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS cadre_id_upper")


class Migration(migrations.Migration):
    dependencies = [("cadres", "0002_database_guards")]
    operations = [migrations.RunPython(forwards, backwards)]
