"""Who may open each workshops URL. Objects are built in Sindh (Karachi Central)."""

from tests.authz import Rule, everyone, only
from tests.curriculum.factories import ModuleFactory, module_quiz
from tests.facilitators.factories import AmbassadorProfileFactory
from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.tokens import feedback_token, quiz_token, registration_token

COORDINATORS = {"coordinator": 200, "admin": 200}
# Lists and new-workshop pages: every coordinator, each sees their own region.
ANY_COORDINATOR = {"coordinator": 200, "coordinator_elsewhere": 200, "admin": 200}
COORDINATOR_REDIRECT = {"coordinator": 302, "admin": 302}


def _workshop(world):
    return WorkshopFactory()


def manage(suffix: str):
    return lambda world: f"/en/workshops/manage/{_workshop(world).pk}/{suffix}"


def public(suffix: str):
    return lambda world: f"/en/workshops/{_workshop(world).pk}/{suffix}"


def registration_url(world) -> str:
    return f"/en/workshops/registration/{registration_token(RegistrationFactory().pk)}/"


def feedback_url(world) -> str:
    return f"/en/workshops/feedback/{feedback_token(_workshop(world).pk)}/"


def quiz_take_url(world) -> str:
    workshop = _workshop(world)
    module = ModuleFactory()
    module_quiz(module)
    workshop.modules.add(module)
    return f"/en/workshops/quiz/{quiz_token(workshop.pk, 'pre')}/"


def feed_url(world) -> str:
    return f"/en/workshops/feed/{AmbassadorProfileFactory().calendar_token}.ics"


def feed_rotate_url(world) -> str:
    from facilitators.models import AmbassadorProfile

    AmbassadorProfile.objects.get_or_create(user=world.users["ambassador"])
    return "/en/workshops/mine/calendar-link/"


RULES = {
    "workshops:list": Rule("/en/workshops/", everyone()),
    "workshops:detail": Rule(public(""), everyone()),
    "workshops:ics": Rule(public("calendar.ics"), everyone()),
    # GET on the registration endpoint sends people to the detail page that holds the form.
    "workshops:register": Rule(public("register/"), everyone(302)),
    # The same page after every registration, new or a number already registered.
    "workshops:registered": Rule(public("registered/"), everyone()),
    "workshops:registration": Rule(registration_url, everyone()),
    "workshops:feedback": Rule(feedback_url, everyone()),
    "workshops:quiz_take": Rule(quiz_take_url, everyone()),
    "workshops:feed": Rule(feed_url, everyone()),
    "workshops:mine": Rule("/en/workshops/mine/", only({"ambassador": 200, "admin": 200})),
    # Only someone with an ambassador profile has a link to rotate.
    "workshops:feed_rotate": Rule(feed_rotate_url, only({"ambassador": 302}), method="post"),
    "workshops:manage_list": Rule("/en/workshops/manage/", only(ANY_COORDINATOR)),
    "workshops:manage_calendar": Rule("/en/workshops/manage/calendar/", only(ANY_COORDINATOR)),
    "workshops:manage_create": Rule("/en/workshops/manage/new/", only(ANY_COORDINATOR)),
    "workshops:manage_record": Rule("/en/workshops/manage/record/", only(ANY_COORDINATOR)),
    "workshops:manage_export": Rule("/en/workshops/manage/export.csv", only(ANY_COORDINATOR)),
    "workshops:manage_detail": Rule(manage(""), only(COORDINATORS)),
    "workshops:manage_edit": Rule(manage("edit/"), only(COORDINATORS)),
    "workshops:manage_publish": Rule(manage("publish/"), only(COORDINATOR_REDIRECT), method="post"),
    "workshops:manage_reschedule": Rule(manage("reschedule/"), only(COORDINATORS)),
    "workshops:manage_cancel": Rule(manage("cancel/"), only(COORDINATORS)),
    "workshops:manage_registrations_csv": Rule(manage("registrations.csv"), only(COORDINATORS)),
    # Facilitators of the workshop also reach these; the world's ambassador facilitates nothing.
    "workshops:attendance": Rule(manage("attendance/"), only(COORDINATORS)),
    "workshops:complete": Rule(manage("complete/"), only(COORDINATOR_REDIRECT), method="post"),
    "workshops:quiz": Rule(manage("quiz/"), only(COORDINATORS)),
    "workshops:quiz_sheet": Rule(manage("quiz/sheet/"), only(COORDINATORS)),
    "workshops:facilitator_report": Rule(manage("facilitator-report/"), only(COORDINATORS)),
    "workshops:report": Rule(manage("report/"), only(COORDINATORS)),
}
