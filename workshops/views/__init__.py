"""The workshops pages, one module per domain (workshops/urls.py names them):

- public: the list, a workshop, registering, a registrant's own page, feedback
- mine: an ambassador's own workshops and calendar feed
- manage: coordinators plan, edit, publish, reschedule and cancel
- attendance: who came, completing the workshop
- quiz: the knowledge quiz (facilitator's page, paper sheet, participants' phones)
- reports: the workshop and facilitator reports, the CSV exports
- shared: who may open a page, and how refusals and expired links are shown
"""

from workshops.views.public import FEEDBACK_DEVICE_COOKIE

__all__ = ["FEEDBACK_DEVICE_COOKIE"]
