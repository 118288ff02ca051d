"""Every write of the workshops app, one module per domain. Keyword-only, typed, one action per function.

- scheduling: create, edit, publish, reschedule, cancel, complete, record a past session; which
  facilitators may run it; EDITABLE_FIELDS, the one list of a workshop's editable fields
- registration: register, resend the link, cancel, fill freed seats from the waiting list
- attendance: who came and the walk-in head counts
- quiz: a participant's answers on the phone, the class totals of the paper quiz
- reports: feedback, the facilitator's report, the registrations a coordinator downloads
- personal_data: shredding participants' details once a workshop is long over

Callers import from here (`from workshops import services`; `services.workshop_publish(...)`).
"""

from workshops.services.attendance import attendance_record
from workshops.services.personal_data import workshops_personal_data_compact, workshops_shred_personal_data
from workshops.services.quiz import (
    QuizChanged,
    QuizMark,
    TooManyAnswers,
    quiz_answers_flush,
    quiz_response_submit,
    quiz_tallies_save,
    quiz_tally_record,
    quiz_tally_remove,
)
from workshops.services.registration import (
    DuplicateRegistration,
    registration_cancel,
    registration_create,
    registration_link_resend,
)
from workshops.services.reports import (
    FeedbackAlreadySent,
    facilitator_report_save,
    feedback_submit,
    workshop_registrations_export,
)
from workshops.services.scheduling import (
    EDITABLE_FIELDS,
    PLACE_FIELDS,
    RELATED_FIELDS,
    facilitator_problems,
    past_session_problems,
    record_past_window,
    workshop_cancel,
    workshop_complete,
    workshop_create,
    workshop_publish,
    workshop_record_past,
    workshop_reschedule,
    workshop_update,
)

__all__ = [
    "EDITABLE_FIELDS",
    "PLACE_FIELDS",
    "RELATED_FIELDS",
    "DuplicateRegistration",
    "FeedbackAlreadySent",
    "QuizChanged",
    "QuizMark",
    "TooManyAnswers",
    "attendance_record",
    "facilitator_problems",
    "facilitator_report_save",
    "feedback_submit",
    "past_session_problems",
    "quiz_answers_flush",
    "quiz_response_submit",
    "quiz_tallies_save",
    "quiz_tally_record",
    "quiz_tally_remove",
    "record_past_window",
    "registration_cancel",
    "registration_create",
    "registration_link_resend",
    "workshop_cancel",
    "workshop_complete",
    "workshop_create",
    "workshop_publish",
    "workshop_record_past",
    "workshop_registrations_export",
    "workshop_reschedule",
    "workshop_update",
    "workshops_personal_data_compact",
    "workshops_shred_personal_data",
]
