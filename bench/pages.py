"""Foundation: the home page in each language against the bare view."""

ORDER = 0


def run(harness) -> None:
    for language in ("en", "ur", "sd", "ps"):
        harness.http(f"home page /{language}/", f"/{language}/")
