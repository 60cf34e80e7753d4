"""The audit log is append-only in the database too: updates (and, on PostgreSQL, deletes) fail.

TRUNCATE, used only by test flushes on PostgreSQL, is not a row operation and stays possible for
the database owner; SQLite's test flush deletes rows, so there only UPDATE is refused by trigger
(the application refuses deletes everywhere).
"""
from django.db import migrations


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit_auditentry "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$ LANGUAGE plpgsql"
        )
        schema_editor.execute(
            "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_auditentry "
            "FOR EACH ROW EXECUTE FUNCTION audit_append_only()"
        )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_no_update")
    elif vendor == "postgresql":
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_append_only ON audit_auditentry")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
