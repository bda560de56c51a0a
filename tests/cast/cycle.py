"""A small institution for the year's cycle: a POM 2026-2028 with one result and products of several
subproducts (one in another unit), its staff, and a cost centre producing its subproducts."""

from decimal import Decimal

from accounts.models import Role
from planning.models import Goal, Plan
from planning.services.annual_plans import annual_plan_create
from planning.services.programming import programming_spread
from tests.factories import (
    CategoryFactory,
    CostCentreFactory,
    GoalFactory,
    InstitutionFactory,
    PlanFactory,
    ProductFactory,
    ProgramFactory,
    ResultFactory,
    SubproductFactory,
    UserFactory,
)


def cycle_institution(*, subproducts: int = 2, code: str = "CIC") -> dict:
    institution = InstitutionFactory(
        code=code, name="Instituto del ciclo", budget_code=f"1120-{sum(map(ord, code)):04d}-000-000"
    )
    pom = PlanFactory(
        institution=institution, kind=Plan.Kind.POM, start_year=2026, end_year=2028, name="POM 2026-2028"
    )
    result = ResultFactory(plan=pom, code="R1")
    result.targets.create(year=2026, value=Decimal("500.00"), statement="Meta 2026")
    category = CategoryFactory(program=ProgramFactory(institution=institution, code="11"), activity="002")
    documents = ProductFactory(
        plan=pom, result=result, code="P1", name="Documentos", unit="Documento", category=category
    )
    cost_centre = CostCentreFactory(institution=institution, code="CC-1")
    subs = []
    for index in range(subproducts):
        sub = SubproductFactory(
            product=documents, code=f"S{index + 1}", name=f"Documento tipo {index + 1}", unit="Documento"
        )
        for year in pom.years:
            GoalFactory(
                subproduct=sub, year=year, physical_initial=1200, financial_initial=Decimal("1000.00")
            )
        cost_centre.subproducts.add(sub)
        subs.append(sub)
    people = SubproductFactory(product=documents, code="SX", name="Personas atendidas", unit="Persona")
    GoalFactory(subproduct=people, year=2026, physical_initial=50, financial_initial=Decimal("200.00"))
    Goal.objects.create(product=documents, year=2026, physical_initial=9999, physical_current=9999)
    users = {
        role: UserFactory(username=f"{code.lower()}-{role}", role=role, institution=institution)
        for role in (Role.PLANNER, Role.PLANNING_LEAD, Role.OFFICER, Role.DIRECTOR)
    }
    cost_centre.officers.add(users[Role.OFFICER])
    return {
        "institution": institution,
        "pom": pom,
        "product": documents,
        "subproducts": subs,
        "people": people,
        "cost_centre": cost_centre,
        "users": users,
    }


def poa_2026_with_s1_spread(cycle: dict | None = None) -> Plan:
    """The POA 2026 planning makes from the cycle institution's POM, with S1's goals spread evenly
    over the twelve months (100 units a month); the other subproducts are not programmed yet."""
    cycle = cycle or cycle_institution()
    planner = cycle["users"][Role.PLANNER]
    plan = annual_plan_create(pom=cycle["pom"], year=2026, user=planner)
    s1 = plan.products.get().subproducts.get(code="S1")
    programming_spread(plan=plan, subproduct_ids=[s1.id], measures=[], user=planner)
    return plan
