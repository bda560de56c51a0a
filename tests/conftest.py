"""Fixtures shared by every test folder."""

import pytest
from django.core.management import call_command

from planning.models import Institution


@pytest.fixture
def igm(db) -> Institution:
    """IGM's real data, loaded by the same command users run (``load_igm``)."""
    call_command("load_igm", verbosity=0)
    return Institution.objects.get(code="IGM")
