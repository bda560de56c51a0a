"""Every role's main pages in a real browser under the production Content-Security-Policy: no
violation reported, and axe-core finds no serious or critical accessibility problem."""

import pytest

from accounts.models import User
from tests.pages.main_pages import csp_problems, logged_in, main_pages, serious_axe_findings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_main_pages_of_every_role_keep_the_policy_and_pass_axe(browser, live_server, igm):
    problems = {}
    visited = 0
    for role, paths in main_pages(igm).items():
        user = User.objects.filter(role=role).order_by("username").first()
        page = logged_in(browser, live_server, user)
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, (role, path, response.status)
            policy = response.headers["content-security-policy"]
            assert "default-src 'self'" in policy and "unsafe-inline" not in policy, path
            page.wait_for_load_state("networkidle")
            found = csp_problems(page) + serious_axe_findings(page)
            if found:
                problems[f"{role} {path}"] = found
            visited += 1
        page.context.close()
    assert not problems, "\n".join(f"{page}: {found}" for page, found in problems.items())
    assert visited == 31


def test_api_docs_keep_their_own_policy(browser, live_server, igm):
    """Swagger UI styles itself inline: its page alone admits inline styles, and still no script."""
    page = logged_in(browser, live_server, User.objects.get(username="planificador"))
    response = page.goto(f"{live_server.url}/api/docs/")
    policy = dict(
        part.strip().split(" ", 1) for part in response.headers["content-security-policy"].split(";")
    )
    assert policy["style-src"] == "'self' 'unsafe-inline'" and policy["script-src"] == "'self'"
    page.wait_for_selector(".swagger-ui .information-container")
    assert csp_problems(page) == []
