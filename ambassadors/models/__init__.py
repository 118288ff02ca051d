"""Ambassadors: applications, training tracks, quizzes, certificates.

Split by domain; everything is importable from `ambassadors.models`. The profile itself (what
scheduling relies on) is `facilitators.models.AmbassadorProfile`, one layer below.
"""

from ambassadors.models.applications import Application, Availability, Background
from ambassadors.models.certificates import Certificate
from ambassadors.models.quizzes import Choice, Question, Quiz, QuizAttempt
from ambassadors.models.tracks import Enrolment, StepProgress, Track, TrackStep

__all__ = [
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
]
