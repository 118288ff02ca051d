"""What a newcomer meets on `make run`: every public page in every language, and each demo sign-in.

Run by .ci/run against a server started from a fresh clone: `python3 .ci/smoke.py http://127.0.0.1:8765`.
Standard library only, so it needs nothing installed. Exits non-zero and names every page that
did not answer as a person would expect.
"""

import http.cookiejar
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

LANGUAGES = ("en", "ur", "sd", "ps")
PUBLIC_PAGES = (
    "",
    "workshops/",
    "library/",
    "report/",
    "report/follow-up/",
    "ambassadors/apply/",
    "certificates/verify/",
    "impact/",
    "accounts/login/",
)
DEMO_PASSWORD = "hifazat-demo-2026"
# (email, where a signed-in person of that role lands: the dashboard, or the two-factor setup first)
DEMO_ROLES = (
    ("coordinator@hifazat.example", "/dashboard/"),
    ("ambassador@hifazat.example", "/dashboard/"),
    ("handler@hifazat.example", "/accounts/2fa/totp/activate/"),
    ("translator@hifazat.example", "/accounts/2fa/totp/activate/"),
    ("admin@hifazat.example", "/accounts/2fa/totp/activate/"),
)


class Browser:
    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def open(self, path: str, data: dict | None = None) -> tuple[int, str, str]:
        """Status, final URL (after redirects) and body of a GET, or of a POST when data is given."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.url, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.url, error.read().decode("utf-8", "replace")


def links(html: str, pattern: str) -> list[str]:
    return sorted(set(re.findall(rf'href="({pattern})"', html)))


def check_public_pages(base: str) -> list[str]:
    failures = []
    browser = Browser(base)
    for language in LANGUAGES:
        pages = [f"/{language}/{page}" for page in PUBLIC_PAGES]
        status, _, workshops = browser.open(f"/{language}/workshops/")
        pages += links(workshops, rf"/{language}/workshops/\d+/")[:2]
        status, _, library = browser.open(f"/{language}/library/")
        pages += links(library, rf"/{language}/library/[\w-]+/")[:2]
        if len(pages) < len(PUBLIC_PAGES) + 2:
            failures.append(f"/{language}/: the demo shows no workshop or no module to open")
        for path in pages:
            status, _, html = browser.open(path)
            right_language = f'lang="{language}"' in html
            print(f"{status} {path}")
            if status != 200 or not right_language:
                failures.append(
                    f"{path} answered {status}" + ("" if right_language else f" not in {language}")
                )
    status, _, _ = browser.open("/healthz")
    if status != 200:
        failures.append(f"/healthz answered {status}")
    return failures


def check_sign_ins(base: str) -> list[str]:
    failures = []
    for email, landing in DEMO_ROLES:
        browser = Browser(base)
        browser.open("/en/accounts/login/")
        token = next((c.value for c in browser.cookies if c.name == "csrftoken"), "")
        status, url, html = browser.open(
            "/en/accounts/login/",
            {"csrfmiddlewaretoken": token, "login": email, "password": DEMO_PASSWORD},
        )
        landed = urllib.parse.urlparse(url).path
        if landed.endswith("/accounts/reauthenticate/"):
            # allauth asks for the password once more before two-factor setup.
            token = next((c.value for c in browser.cookies if c.name == "csrftoken"), "")
            status, url, html = browser.open(
                landed, {"csrfmiddlewaretoken": token, "password": DEMO_PASSWORD}
            )
            landed = urllib.parse.urlparse(url).path
        print(f"{status} sign-in {email} -> {landed}")
        if status != 200 or landing not in landed:
            failures.append(f"sign-in as {email} ended on {landed} ({status}), expected {landing}")
    return failures


def main() -> int:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    failures = check_public_pages(base) + check_sign_ins(base)
    for failure in failures:
        print("FAILED:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
