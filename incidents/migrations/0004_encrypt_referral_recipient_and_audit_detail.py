"""Referral recipients and audit details are encrypted like the case; existing rows are encrypted in
place (raw SQL: the altered fields would try to decrypt the old plaintext). The audit log's
append-only trigger is lifted for this one rewrite and put back in the same transaction."""

from django.db import migrations

import incidents.fields

FERNET_PREFIX = "gAAAAA"  # every Fernet token starts so; plaintext left by the old columns does not


def encrypt_existing(apps, schema_editor):
    from incidents.crypto import encrypt_text

    connection = schema_editor.connection
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:
            cursor.execute(
                "ALTER TABLE incidents_auditentry DISABLE TRIGGER incidents_auditentry_append_only"
            )
        for table, column in (("incidents_auditentry", "detail"), ("incidents_referral", "to_whom")):
            cursor.execute(f"SELECT id, {column} FROM {table} WHERE {column} <> ''")  # noqa: S608
            for pk, value in cursor.fetchall():
                if not value.startswith(FERNET_PREFIX):
                    cursor.execute(
                        f"UPDATE {table} SET {column} = %s WHERE id = %s",  # noqa: S608
                        [encrypt_text(value), pk],
                    )
        if postgres:
            cursor.execute("ALTER TABLE incidents_auditentry ENABLE TRIGGER incidents_auditentry_append_only")


class Migration(migrations.Migration):
    dependencies = [("incidents", "0003_audit_log_append_only")]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="detail",
            field=incidents.fields.EncryptedTextField(blank=True, verbose_name="detail"),
        ),
        migrations.AlterField(
            model_name="referral",
            name="to_whom",
            field=incidents.fields.EncryptedTextField(blank=True, verbose_name="to whom"),
        ),
        migrations.RunPython(encrypt_existing, migrations.RunPython.noop),
    ]
