"""The starter curriculum a new installation ships with (see docs/curriculum.md)."""

from curriculum.starter.loader import starter_curriculum_load

__all__ = ["starter_curriculum_load"]
