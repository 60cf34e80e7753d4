"""Database guards that Django's constraints cannot express on both backends.

- No two overlapping primary (non-concurrent) positions of one cadre: an exclusion constraint
  on PostgreSQL (btree_gist), triggers on SQLite. A position's range is [start, end) so a
  handover on the same day is allowed.
- PostgreSQL: a trigram index on the accent-free name for fast "contains" search.
"""
from django.db import migrations

SQLITE_OVERLAP = """
CREATE TRIGGER IF NOT EXISTS position_no_overlap_{op} BEFORE {OP} ON cadres_position
WHEN NOT NEW.concurrent AND EXISTS (
  SELECT 1 FROM cadres_position p
  WHERE p.cadre_id = NEW.cadre_id AND NOT p.concurrent AND p.id IS NOT NEW.id
    AND p.start < COALESCE(NEW."end", '9999-12-31') AND NEW.start < COALESCE(p."end", '9999-12-31'))
BEGIN SELECT RAISE(ABORT, 'position_no_overlap: hai vị trí chính trùng thời gian'); END;
"""


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for op in ("insert", "update"):
            schema_editor.execute(SQLITE_OVERLAP.format(op=op, OP=op.upper()))
    elif vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            'ALTER TABLE cadres_position ADD CONSTRAINT position_no_overlap EXCLUDE USING gist '
            '(cadre_id WITH =, daterange(start, "end", \'[)\') WITH &&) WHERE (NOT concurrent)'
        )
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS cadre_name_search_trgm ON cadres_cadre USING gin (name_search gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for op in ("insert", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS position_no_overlap_{op}")
    elif vendor == "postgresql":
        schema_editor.execute("ALTER TABLE cadres_position DROP CONSTRAINT IF EXISTS position_no_overlap")
        schema_editor.execute("DROP INDEX IF EXISTS cadre_name_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("cadres", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
