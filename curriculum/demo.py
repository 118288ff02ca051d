"""`demo_data` loads the starter curriculum (the same content a new installation gets) and fills the
empty translated fields of starter modules an earlier run installed."""

ORDER = 20


def load() -> list[str]:
    from curriculum.starter import starter_curriculum_load

    return starter_curriculum_load(with_handouts=True, fill_missing=True)
