"""One way to send a message to a person: through the delivery log. Only the channels module hands a
message to Django's mail or an SMS backend, and only the delivery log's sender calls it; this test
fails when code elsewhere sends mail or SMS directly (as incidents and applications once did)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SKIP = {".venv", "tests", "bench", "node_modules", "var", "migrations"}
MAIL_CALLS = {
    "send_mail",
    "send_mass_mail",
    "mail_admins",
    "mail_managers",
    "EmailMessage",
    "EmailMultiAlternatives",
}
ALLOWED = {
    # Hands one message to Django's mail or the SMS backend.
    "notifications/channels.py": {"EmailMessage"},
    # The delivery log's sender: claims the row, then calls channels.send.
    "notifications/services.py": {"channels.send"},
}


def direct_sends(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        if isinstance(function, ast.Name) and function.id in MAIL_CALLS:
            found.add(function.id)
        elif isinstance(function, ast.Attribute):
            if function.attr in MAIL_CALLS:
                found.add(function.attr)
            if (
                function.attr == "send"
                and isinstance(function.value, ast.Name)
                and function.value.id == "channels"
            ):
                found.add("channels.send")
            if function.attr in ("send_mail", "send") and getattr(function.value, "id", "") == "super":
                found.add("super().send_mail")
    return found


def test_only_the_delivery_log_sends_mail_or_sms():
    offenders = {}
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if SKIP & set(relative.parts):
            continue
        found = direct_sends(path) - ALLOWED.get(str(relative), set())
        if found:
            offenders[str(relative)] = sorted(found)
    assert not offenders, f"messages sent outside the delivery log (docs/notifications.md): {offenders}"


def test_the_check_finds_a_direct_send(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from django.core.mail import send_mail\nsend_mail('s', 'b', None, ['a@b.pk'])\n")
    assert direct_sends(sample) == {"send_mail"}
