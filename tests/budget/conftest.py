"""A small institution with a 2024 plan, two cost centres and their officers, and file builders."""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

import pytest
from openpyxl import Workbook

from accounts.models import Role
from budget.execution_files import IMPORT_COLUMNS
from planning.models import Plan, Subproduct
from tests.factories import (
    CostCentreFactory,
    GoalFactory,
    InstitutionFactory,
    PlanFactory,
    ProductFactory,
    SubproductFactory,
    UserFactory,
)


@dataclass
class World:
    institution: object
    plan: Plan
    passports: Subproduct
    visas: Subproduct
    shelters: Subproduct
    central: object
    xela: object
    officer: object
    other_officer: object
    planner: object
    auditor: object
    director: object


@pytest.fixture
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db, fast_passwords) -> World:
    institution = InstitutionFactory(code="IGT")
    plan = PlanFactory(institution=institution, kind=Plan.Kind.POA, start_year=2024, name="POA 2024")
    documents = ProductFactory(plan=plan, code="P01", name="Emisión de documentos", unit="Documento")
    people = ProductFactory(plan=plan, code="P02", name="Atención a personas", unit="Persona")
    passports = SubproductFactory(product=documents, code="S01", name="Pasaportes", unit="Documento")
    visas = SubproductFactory(product=documents, code="S02", name="Visas", unit="Documento")
    shelters = SubproductFactory(product=people, code="S03", name="Albergues", unit="Persona")
    for subproduct, physical, financial in ((passports, 12000, "1500000.00"), (visas, 800, "90000.00")):
        GoalFactory(
            subproduct=subproduct, year=2024, physical_initial=physical, financial_initial=Decimal(financial)
        )
    central = CostCentreFactory(institution=institution, code="CC-01", name="Oficinas centrales")
    xela = CostCentreFactory(institution=institution, code="CC-02", name="Delegación Quetzaltenango")
    central.subproducts.set([passports, visas])
    xela.subproducts.set([passports, shelters])
    officer = UserFactory(username="igt-encargado", role=Role.OFFICER, institution=institution)
    other_officer = UserFactory(username="igt-encargado-xela", role=Role.OFFICER, institution=institution)
    central.officers.add(officer)
    xela.officers.add(other_officer)
    return World(
        institution=institution,
        plan=plan,
        passports=passports,
        visas=visas,
        shelters=shelters,
        central=central,
        xela=xela,
        officer=officer,
        other_officer=other_officer,
        planner=UserFactory(username="igt-planificador", role=Role.PLANNER, institution=institution),
        auditor=UserFactory(username="igt-auditor", role=Role.AUDITOR, institution=institution),
        director=UserFactory(username="igt-director", role=Role.DIRECTOR, institution=institution),
    )


def xlsx_bytes(rows, headers=IMPORT_COLUMNS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, headers=IMPORT_COLUMNS) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
