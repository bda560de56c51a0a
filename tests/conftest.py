"""Fixtures shared by every test folder."""

from pathlib import Path

import pytest
from django.core.management import call_command

from planning.models import Institution

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "docs" / "reference"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load IGM's real data once per test database, with the command users run."""
    with django_db_blocker.unblock():
        call_command("load_igm", verbosity=0)


@pytest.fixture
def igm(db) -> Institution:
    """IGM's real data. Transactional tests flush the database, so reload when it is gone."""
    institution = Institution.objects.filter(code="IGM").first()
    if institution is None:
        call_command("load_igm", verbosity=0)
        institution = Institution.objects.get(code="IGM")
    return institution
