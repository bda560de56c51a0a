"""The small world of the tests: two institutions with a little of everything, built per test.

Tests ask for it with the ``small_world`` fixture (tests/conftest.py) and name what they need:
``small_world.passports``, ``small_world.xela_officer``, ``small_world.user(Role.AUDITOR)``,
``small_world.neighbour.cost_centre`` (the members are the fields of ``SmallWorld`` below). A test
that needs another arrangement builds it from these members plus tests/factories.py. Built by
tests/cast/plans.py (the plans) and this module (people, cost centres, execution), about 100 queries.

«Instituto de Prueba» (INP) holds most of it:

- POA 2024, approved (Acuerdo INP-01-2023): result RI-1 (2024 target 1,500), products
  «Emisión de Documentos Migratorios» (Documento: S01 Pasaportes, S02 Visas) and «Asistencia y
  Protección a las Personas Migrantes» (Persona: S03 Migrantes atendidos en albergues, and
  S04 Informes de seguimiento in Documento). 2024 goals: S01 12,000 / Q 1,500,000.00,
  S02 800 / Q 90,000.00, S03 1,000 / Q 12,000.00 (current 1,100 after an approved
  reprogramming), S04 12 / Q 1,200.00.
- Cost centres: CC-01 Oficinas centrales (S01, S02; nothing executed; department Guatemala),
  CC-02 Delegación Quetzaltenango (S01, S03, S04), CC-03 Delegación Petén (S03; department Petén,
  municipality Flores), one officer each.
- 2024 execution, every month m: CC-02 S03 10·m people, Q 100.25·m; CC-03 S03 30, Q 300.50;
  CC-02 S04 1 document, Q 100.00.
- POM 2026-2030, draft: result R1 whose text starts with «=» (a trap for spreadsheet exports);
  product P1 «Emisión de Documentos Migratorios» (program 11, S1 Emisión and S2 Prórroga in
  Documento, S3 Personas atendidas in Persona) and P2 «Aportes a instituciones» (program 99, no
  result, subproduct S4 without goals, a goal of its own: 23 / Q 82,260,000.00 a year). Goals a
  year, offset o = year − 2026: S1 1,000 + o / Q 500.50; S2 200 / Q 99.25; S3 7 / Q 10.00 in 2026
  and 2027 only. Budget projection a year: program 11 Q 609.75, program 99 Q 82,260,000.00.
  Declared totals of 2026: section 8 Q 82,260,609.75 (right) and matrix 9.5 Q 4.00 (wrong).
- Indicator sheet 1 «Porcentaje de documentos migratorios emitidos» of the POM, measuring P1
  (baseline 2023: 97.53; value 2026: 100.00).
- Users (password tests.factories.TEST_PASSWORD): planner Ana Planificadora (inp-planificadora),
  planning lead Berta Jefa (inp-jefa), director Carlos Director, auditor Diana Auditora, officers
  Eduardo (CC-01), Fabiola (CC-02) and Gerardo (CC-03); and SEGEPLAN's Helena Analista, of no
  institution.

«Institución Vecina» (VEC) has a POA 2024, approved, with result R1, product P01 «Atención al
público» (Persona, program 12) of two subproducts (S01 Personas atendidas, Persona, 1,200 /
Q 120,000.00; S02 Constancias emitidas, Documento, 300 / Q 15,000.00), cost centre VC-01 with its
officer, execution in January, May and September (each subproduct 10·m units, Q 100.25·m) and a
user of every role, named as INP's with « de la Vecina» after the last name (vec-planificadora…).
"""

from dataclasses import dataclass
from decimal import Decimal

from accounts.models import Role, User
from budget.models import CostCentre, Execution, PeriodLock
from budget.services.locks import period_lock
from indicators.models import IndicatorSheet
from planning import models as planning
from tests import factories
from tests.cast.plans import (
    approved_poa,
    goals_of,
    poa_2024,
    pom_2026_2030,
    programs_of,
    saved,
    subproducts_of,
)

MONTHS = range(1, 13)
# Who works at each institution: (role, username after the institution's code, first and last name).
STAFF = {
    "planner": (Role.PLANNER, "planificadora", "Ana", "Planificadora"),
    "planning_lead": (Role.PLANNING_LEAD, "jefa", "Berta", "Jefa"),
    "director": (Role.DIRECTOR, "director", "Carlos", "Director"),
    "auditor": (Role.AUDITOR, "auditora", "Diana", "Auditora"),
    "officer": (Role.OFFICER, "encargado-central", "Eduardo", "Encargado"),
}
DELEGATION_OFFICERS = {
    "xela_officer": (Role.OFFICER, "encargada-xela", "Fabiola", "Encargada"),
    "peten_officer": (Role.OFFICER, "encargado-peten", "Gerardo", "Encargado"),
}


@dataclass
class Neighbour:
    """The other institution: enough of everything to show what stays inside an institution."""

    institution: planning.Institution
    poa: planning.Plan
    result: planning.Result
    product: planning.Product
    people: planning.Subproduct
    certificates: planning.Subproduct
    goals: list[planning.Goal]
    cost_centre: CostCentre
    executions: list[Execution]
    planner: User
    planning_lead: User
    director: User
    auditor: User
    officer: User


@dataclass
class SmallWorld:
    institution: planning.Institution
    # POA 2024
    poa: planning.Plan
    result: planning.Result
    documents: planning.Product
    assistance: planning.Product
    passports: planning.Subproduct
    visas: planning.Subproduct
    shelters: planning.Subproduct
    follow_up_reports: planning.Subproduct
    passports_goal: planning.Goal
    visas_goal: planning.Goal
    shelters_goal: planning.Goal
    reprogramming: planning.Reprogramming
    central: CostCentre
    xela: CostCentre
    peten: CostCentre
    executions: list[Execution]
    # POM 2026-2030
    pom: planning.Plan
    pom_result: planning.Result
    pom_documents: planning.Product
    issuance: planning.Subproduct
    extension: planning.Subproduct
    people_served: planning.Subproduct
    extension_2026: planning.Goal
    contributions: planning.Product
    sheet: IndicatorSheet
    # People
    planner: User
    planning_lead: User
    director: User
    auditor: User
    officer: User
    xela_officer: User
    peten_officer: User
    segeplan: User
    neighbour: Neighbour

    def user(self, role: str) -> User:
        """The institution's user of a role (the officer of Oficinas centrales for officers)."""
        return {
            Role.PLANNER: self.planner,
            Role.PLANNING_LEAD: self.planning_lead,
            Role.DIRECTOR: self.director,
            Role.AUDITOR: self.auditor,
            Role.OFFICER: self.officer,
            Role.SEGEPLAN: self.segeplan,
        }[role]

    def lock_period(self, period: int = 1, *, reason: str = "informe firmado") -> PeriodLock:
        """The planner locks a four-month period of 2024, as signing its report does."""
        return period_lock(
            institution=self.institution, year=2024, period=period, user=self.planner, reason=reason
        )


def _users(institution, people: dict, *, last_name_suffix: str = "") -> dict:
    """{name: (role, username, first name, last name)} → {name: user}, saved in one query; the
    usernames start with the institution's code."""
    prefix = institution.code.lower() if institution else "segeplan"
    built = {
        name: factories.UserFactory.build(
            role=role,
            username=f"{prefix}-{username}",
            first_name=first,
            last_name=last + last_name_suffix,
            institution=institution,
        )
        for name, (role, username, first, last) in people.items()
    }
    User.objects.bulk_create(built.values())
    return built


def _cost_centre(institution, code, name, subproducts, officer, **place) -> CostCentre:
    centre = factories.CostCentreFactory(institution=institution, code=code, name=name, **place)
    centre.subproducts.add(*subproducts)
    centre.officers.add(officer)
    return centre


def _executions(rows) -> list[Execution]:
    """2024 execution: (cost centre, subproduct, month, physical, financial) a row."""
    return saved(
        Execution,
        (
            factories.ExecutionFactory.build(
                cost_centre=centre, subproduct=sub, month=month, physical=units, financial=amount
            )
            for centre, sub, month, units, amount in rows
        ),
    )


def _neighbour() -> Neighbour:
    institution = factories.InstitutionFactory(
        code="VEC", budget_code="1120-0902-000-000", name="Institución Vecina"
    )
    people = _users(institution, STAFF, last_name_suffix=" de la Vecina")
    poa = approved_poa(institution)
    result = factories.ResultFactory(plan=poa, code="R1", description="Personas atendidas con calidad")
    program = factories.ProgramFactory(institution=institution, code="12", name="Servicios al público")
    product = factories.ProductFactory(
        plan=poa, result=result, code="P01", name="Atención al público", category__program=program
    )
    served, certificates = subproducts_of(
        product, ("S01", "Personas atendidas"), ("S02", "Constancias emitidas", "Documento")
    )
    goals = goals_of(
        [
            {"subproduct": served},
            {"subproduct": certificates, "physical_initial": 300, "financial_initial": "15000.00"},
        ]
    )
    centre = _cost_centre(
        institution, "VC-01", "Sede de la Vecina", [served, certificates], people["officer"]
    )
    executions = _executions(
        (centre, sub, month, 10 * month, Decimal("100.25") * month)
        for sub in (served, certificates)
        for month in (1, 5, 9)
    )
    return Neighbour(
        institution=institution,
        poa=poa,
        result=result,
        product=product,
        people=served,
        certificates=certificates,
        goals=goals,
        cost_centre=centre,
        executions=executions,
        **people,
    )


def small_world_build() -> SmallWorld:
    institution = factories.InstitutionFactory(
        code="INP", budget_code="1120-0901-000-000", name="Instituto de Prueba"
    )
    people = _users(institution, STAFF | DELEGATION_OFFICERS)
    people |= _users(None, {"segeplan": (Role.SEGEPLAN, "analista", "Helena", "Analista")})
    programs = programs_of(institution)
    poa = poa_2024(institution, programs, people)
    passports, visas, shelters, reports = (
        poa[name] for name in ("passports", "visas", "shelters", "follow_up_reports")
    )
    guatemala, _ = planning.Department.objects.get_or_create(code="01", defaults={"name": "Guatemala"})
    peten_department, _ = planning.Department.objects.get_or_create(code="17", defaults={"name": "Petén"})
    flores, _ = planning.Municipality.objects.get_or_create(
        code="1701", defaults={"department": peten_department, "name": "Flores"}
    )
    central = _cost_centre(
        institution,
        "CC-01",
        "Oficinas centrales",
        [passports, visas],
        people["officer"],
        department=guatemala,
    )
    xela = _cost_centre(
        institution,
        "CC-02",
        "Delegación Quetzaltenango",
        [passports, shelters, reports],
        people["xela_officer"],
    )
    peten = _cost_centre(
        institution,
        "CC-03",
        "Delegación Petén",
        [shelters],
        people["peten_officer"],
        department=peten_department,
        municipality=flores,
    )
    executions = _executions(
        row
        for month in MONTHS
        for row in (
            (xela, shelters, month, 10 * month, Decimal("100.25") * month),
            (peten, shelters, month, 30, Decimal("300.50")),
            (xela, reports, month, 1, Decimal("100.00")),
        )
    )
    return SmallWorld(
        institution=institution,
        **poa,
        central=central,
        xela=xela,
        peten=peten,
        executions=executions,
        **pom_2026_2030(institution, programs),
        **people,
        neighbour=_neighbour(),
    )
