"""Fixtures for the planning workspace tests: one institution, its staff and a small chain."""

from decimal import Decimal

import pytest

from accounts.models import Role
from planning.models import Department, Municipality, Plan
from tests.factories import (
    CategoryFactory,
    GoalFactory,
    InstitutionFactory,
    PlanFactory,
    ProgramFactory,
    SubproductFactory,
    UserFactory,
)


@pytest.fixture
def institution(db):
    # Not IGM: the session database already holds IGM's real data.
    return InstitutionFactory(code="TST", budget_code="1120-0999-000-000", name="Instituto de Prueba")


@pytest.fixture
def make_user(institution):
    def make(role, **kwargs):
        return UserFactory(role=role, institution=institution, **kwargs)

    return make


@pytest.fixture
def planner(make_user):
    return make_user(Role.PLANNER, username="tst-planificador", first_name="Ana", last_name="Planificadora")


@pytest.fixture
def lead(make_user):
    return make_user(Role.PLANNING_LEAD, username="tst-jefa", first_name="Berta", last_name="Jefa")


@pytest.fixture
def plan(institution):
    """A draft POM 2026-2030 of the test institution."""
    return PlanFactory(
        institution=institution, kind="POM", name="POM 2026-2030", start_year=2026, end_year=2030
    )


@pytest.fixture
def category(institution):
    """11-00-000-002, the category the product form data (chain_data.py) names."""
    program = ProgramFactory(institution=institution, code="11", name="Derecho Migratorio")
    return CategoryFactory(program=program, activity="002", name="Emisión de Documentos Migratorios")


@pytest.fixture
def approved_goal(institution):
    plan = PlanFactory(institution=institution, status=Plan.Status.APPROVED, name="POA 2024")
    subproduct = SubproductFactory(product__plan=plan)
    return GoalFactory(subproduct=subproduct, physical_initial=1200, financial_initial=Decimal("120000.00"))


@pytest.fixture
def draft_goal(institution):
    plan = PlanFactory(institution=institution, status=Plan.Status.DRAFT, name="POA 2025", start_year=2025)
    return GoalFactory(subproduct=SubproductFactory(product__plan=plan), year=2025)


@pytest.fixture
def geography(db):
    """A small slice of the official list (already there when the session loaded IGM's data)."""
    guatemala, _ = Department.objects.get_or_create(code="01", defaults={"name": "Guatemala"})
    peten, _ = Department.objects.get_or_create(code="17", defaults={"name": "Petén"})
    Municipality.objects.get_or_create(code="0101", defaults={"department": guatemala, "name": "Guatemala"})
    Municipality.objects.get_or_create(code="0108", defaults={"department": guatemala, "name": "Mixco"})
    Municipality.objects.get_or_create(code="1701", defaults={"department": peten, "name": "Flores"})
    return {"guatemala": guatemala, "peten": peten, "flores": Municipality.objects.get(code="1701")}


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Test users need a password, not a slow hash.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
