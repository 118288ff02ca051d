"""Ambassadors: the profile scheduling relies on, applications, training tracks, quizzes, certificates.

Split by domain; everything is importable from `ambassadors.models`.
"""

from ambassadors.models.applications import Application, Availability, Background
from ambassadors.models.certificates import Certificate
from ambassadors.models.profile import (
    LANGUAGE_CODES,
    AmbassadorProfile,
    new_calendar_token,
    validate_languages,
)
from ambassadors.models.quizzes import Choice, Question, Quiz, QuizAttempt
from ambassadors.models.tracks import Enrolment, StepProgress, Track, TrackStep

__all__ = [
    "LANGUAGE_CODES",
    "AmbassadorProfile",
    "Application",
    "Availability",
    "Background",
    "Certificate",
    "Choice",
    "Enrolment",
    "Question",
    "Quiz",
    "QuizAttempt",
    "StepProgress",
    "Track",
    "TrackStep",
    "new_calendar_token",
    "validate_languages",
]
