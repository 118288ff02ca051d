"""Who may open each impact URL. The dashboard is for coordinators (each sees their own region)
and admins; other staff get 404, like any page outside their work."""

from tests.authz import Rule, everyone, only

ANY_COORDINATOR = {"coordinator": 200, "coordinator_elsewhere": 200, "admin": 200}

RULES = {
    "impact:public": Rule("/ur/impact/", everyone()),
    "impact:public_export": Rule("/en/impact/export/reports-by-category.csv", everyone()),
    "impact:dashboard": Rule("/ur/impact/dashboard/", only(ANY_COORDINATOR)),
    "impact:dashboard_export": Rule(
        "/en/impact/dashboard/export/reach-by-region.xlsx", only(ANY_COORDINATOR)
    ),
}
