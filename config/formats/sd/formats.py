from config.formats.shared import *  # noqa: F403 (Django reads the names from this module)
