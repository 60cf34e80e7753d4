"""PostgreSQL: the "no two overlapping primary positions" guard as a statement trigger.

0002 enforced it with an exclusion constraint (GiST over cadre × daterange). Maintaining that GiST
index cost 12–17 s of a 10,000-cadre Excel import (≈50,000 positions), more than a third of the 30 s
budget. The same invariant is now checked once per INSERT/UPDATE statement over the rows it wrote
(transition table `written`), with one join against the cadre's other primary positions through the
ordinary cadre_id index: a bulk insert is one check, not one GiST insertion per row.

Same invariant, same error: intervals are [start, end) (a handover on the same day is allowed),
concurrent posts are exempt, and a violation raises SQLSTATE 23P01 (exclusion_violation, an
IntegrityError for Django) naming `position_no_overlap`, with a Vietnamese message that says which
cadre. Concurrent writers cannot both slip through: the trigger first locks the cadres whose primary
positions the statement wrote (FOR NO KEY UPDATE, which does not block foreign-key checks), so a
second transaction writing positions of the same cadre waits and, under READ COMMITTED (Django's
default), then sees the first one's rows.

SQLite keeps the row triggers of 0002.
"""
from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION cadres_position_no_overlap() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  clash RECORD;
BEGIN
  PERFORM 1 FROM cadres_cadre c
   WHERE c.id IN (SELECT w.cadre_id FROM written w WHERE NOT w.concurrent)
   ORDER BY c.id
   FOR NO KEY UPDATE;
  SELECT w.cadre_id, w.start AS a_start, w."end" AS a_end, p.start AS b_start, p."end" AS b_end
    INTO clash
    FROM written w
    JOIN cadres_position p ON p.cadre_id = w.cadre_id AND p.id <> w.id AND NOT p.concurrent
   WHERE NOT w.concurrent
     AND p.start < COALESCE(w."end", 'infinity'::date)
     AND w.start < COALESCE(p."end", 'infinity'::date)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'position_no_overlap: hai vị trí chính trùng thời gian (cán bộ %: [%, %) và [%, %))',
      clash.cadre_id, clash.a_start, COALESCE(clash.a_end::text, 'nay'), clash.b_start,
      COALESCE(clash.b_end::text, 'nay')
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'position_no_overlap', TABLE = 'cadres_position';
  END IF;
  RETURN NULL;
END
$$;
"""

TRIGGERS = [
    "CREATE TRIGGER position_no_overlap_insert AFTER INSERT ON cadres_position "
    "REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION cadres_position_no_overlap()",
    "CREATE TRIGGER position_no_overlap_update AFTER UPDATE ON cadres_position "
    "REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION cadres_position_no_overlap()",
]

EXCLUSION = (
    "ALTER TABLE cadres_position ADD CONSTRAINT position_no_overlap EXCLUDE USING gist "
    "(cadre_id WITH =, daterange(start, \"end\", '[)') WITH &&) WHERE (NOT concurrent)"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE cadres_position DROP CONSTRAINT IF EXISTS position_no_overlap")
    schema_editor.execute(FUNCTION, params=None)  # no placeholders: RAISE's % are its own
    for sql in TRIGGERS:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for op in ("insert", "update"):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS position_no_overlap_{op} ON cadres_position")
    schema_editor.execute("DROP FUNCTION IF EXISTS cadres_position_no_overlap()")
    schema_editor.execute(EXCLUSION)


class Migration(migrations.Migration):
    dependencies = [("cadres", "0003_cadre_id_upper_index")]
    operations = [migrations.RunPython(forwards, backwards)]
