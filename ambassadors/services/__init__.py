"""Every write of the ambassadors app, split by domain. Keyword-only, typed, one action per function."""

from ambassadors.services.applications import (
    application_approve,
    application_decline,
    application_invitation_resend,
    application_message_send,
    application_reference_resend,
    application_submit,
)
from ambassadors.services.certificates import certificate_issue, certificate_language_set, certificate_revoke
from ambassadors.services.profiles import (
    ambassador_mentor_set,
    ambassador_promote_master_trainer,
)
from ambassadors.services.quizzes import (
    QuizCoolingDown,
    quiz_attempt_start,
    quiz_attempt_submit,
    quiz_next_try_at,
)
from ambassadors.services.training import (
    enrolment_create,
    may_confirm,
    step_missing_prerequisites,
    step_progress_confirm,
    step_progress_return,
    study_step_complete,
    workshop_step_submit,
    workshops_for_step,
)

__all__ = [
    "QuizCoolingDown",
    "ambassador_mentor_set",
    "ambassador_promote_master_trainer",
    "application_approve",
    "application_decline",
    "application_invitation_resend",
    "application_message_send",
    "application_reference_resend",
    "application_submit",
    "certificate_issue",
    "certificate_language_set",
    "certificate_revoke",
    "enrolment_create",
    "may_confirm",
    "quiz_attempt_start",
    "quiz_attempt_submit",
    "quiz_next_try_at",
    "step_missing_prerequisites",
    "step_progress_confirm",
    "step_progress_return",
    "study_step_complete",
    "workshop_step_submit",
    "workshops_for_step",
]
