"""Fixtures of the API tests."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from .helpers import InstitutionData, build_institution, token_client


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    """Client ids repeat from test to test (rolled back), so their request counts must not carry over."""
    cache.clear()


@pytest.fixture
def two_institutions(db) -> tuple[InstitutionData, InstitutionData]:
    return build_institution("AAA"), build_institution("BBB", program="12")


@pytest.fixture
def read_client(db) -> APIClient:
    return token_client("read")


@pytest.fixture
def institution_client(two_institutions) -> APIClient:
    return token_client("institution:AAA", client_name="Sistema AAA")
