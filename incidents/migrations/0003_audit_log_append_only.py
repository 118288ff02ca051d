"""The audit log is append-only in the database itself on PostgreSQL: UPDATE and DELETE raise.

(TRUNCATE, used by test flushes and a deliberate reset, is not a row operation and still works.)
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION incidents_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'incidents_auditentry is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER incidents_auditentry_append_only
    BEFORE UPDATE OR DELETE ON incidents_auditentry
    FOR EACH ROW EXECUTE FUNCTION incidents_auditentry_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS incidents_auditentry_append_only ON incidents_auditentry;
DROP FUNCTION IF EXISTS incidents_auditentry_append_only();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("incidents", "0002_seed_categories_contacts_templates")]

    operations = [migrations.RunPython(create, drop)]
