"""Who may open the incidents URLs. Reporter pages are public; case pages are for case handlers in
scope (and admins): everyone else gets 404, anonymous visitors are sent to sign in."""

from tests.authz import Rule, everyone, only

HANDLERS = {"case_handler": 200, "admin": 200}
HANDLER_REDIRECT = {"case_handler": 302, "admin": 302}


def _case(world):
    from tests.incidents.factories import submit

    return submit(district="Karachi Central").case


def _case_url(suffix: str = ""):
    def build(world):
        return f"/en/cases/{_case(world).pk}/{suffix}"

    return build


def _evidence_url(world):
    from incidents.uploads import CleanFile
    from tests.incidents.factories import submit

    receipt = submit(
        district="Karachi Central",
        files=[CleanFile(name="a.pdf", content_type="application/pdf", data=b"%PDF-1.4 x")],
    )
    evidence = receipt.case.evidence.get()
    return f"/en/cases/{receipt.case.pk}/files/{evidence.pk}/"


RULES = {
    "incidents:report": Rule("/en/report/", everyone()),
    "incidents:follow_up": Rule("/ur/report/follow-up/", everyone()),
    "incidents:queue": Rule("/en/cases/", only({**HANDLERS, "case_handler_elsewhere": 200})),
    "incidents:case_detail": Rule(_case_url(), only(HANDLERS)),
    "incidents:case_export": Rule(_case_url("export/"), only(HANDLERS)),
    "incidents:case_delete": Rule(_case_url("delete/"), only(HANDLERS)),
    "incidents:evidence_download": Rule(_evidence_url, only(HANDLERS)),
    "incidents:case_assign": Rule(
        _case_url("assign/"), only(HANDLER_REDIRECT), method="post", data={"assignee": ""}
    ),
    "incidents:case_status": Rule(
        _case_url("status/"), only(HANDLER_REDIRECT), method="post", data={"status": "triage"}
    ),
    "incidents:case_note": Rule(
        _case_url("note/"), only(HANDLER_REDIRECT), method="post", data={"body": "checked"}
    ),
    "incidents:case_reply": Rule(
        _case_url("reply/"), only(HANDLER_REDIRECT), method="post", data={"body": "hello"}
    ),
    "incidents:case_referral": Rule(
        _case_url("referral/"), only(HANDLER_REDIRECT), method="post", data={"to_whom": "NCCIA"}
    ),
}
