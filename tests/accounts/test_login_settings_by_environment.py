"""Production requires the second factor and reads the client's address from one reverse proxy;
development lets the demo users log in with their password; each can be changed by environment."""

import json
import os
import subprocess
import sys

from django.conf import settings

PRINT = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps([s.IGM_REQUIRE_2FA, s.IGM_PROXY_COUNT, s.IGM_SESSION_IDLE_MINUTES, "
    "s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME.total_seconds()]))"
)


def settings_under(**env) -> list:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("IGM_", "DJANGO_ENV"))}
    environment.update(DJANGO_SETTINGS_MODULE="igm_plan.settings", **env)
    done = subprocess.run(
        [sys.executable, "-c", PRINT],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_production_requires_the_second_factor_and_trusts_one_proxy():
    production = {"DJANGO_ENV": "production", "DJANGO_SECRET_KEY": "x" * 50, "IGM_VAR_DIR": "/tmp/igm-var"}
    assert settings_under(**production) == [True, 1, 30, 5, 900.0]
    assert settings_under(**production, IGM_PROXY_COUNT="2")[1] == 2


def test_development_lets_demo_users_in_with_the_password_and_everything_is_configurable():
    assert settings_under() == [False, 0, 30, 5, 900.0]
    changed = settings_under(
        IGM_REQUIRE_2FA="1",
        IGM_SESSION_IDLE_MINUTES="10",
        IGM_LOGIN_FAILURE_LIMIT="8",
        IGM_LOGIN_COOLOFF_MINUTES="30",
    )
    assert changed == [True, 0, 10, 8, 1800.0]
