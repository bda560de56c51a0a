"""The plans of the small world's institutions: programs and categories, the approved POA 2024 and
the POM 2026-2030 under formulation (tests/cast/small_world.py describes their figures)."""

from datetime import date
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from indicators.models import IndicatorSheet, IndicatorSheetValue
from planning import models as planning
from tests import factories


def saved(model, objects) -> list:
    """Objects the factories built, saved in one query with their first version in the history."""
    return bulk_create_with_history(list(objects), model)


def subproducts_of(product, *rows) -> list[planning.Subproduct]:
    """(code, name) or (code, name, unit) a row; the unit is the product's unless given."""
    return saved(
        planning.Subproduct,
        (
            factories.SubproductFactory.build(
                product=product, code=code, name=name, **({"unit": rest[0]} if rest else {})
            )
            for code, name, *rest in rows
        ),
    )


def goals_of(rows) -> list[planning.Goal]:
    """Dictionaries of GoalFactory's fields (2024 unless a row says otherwise), amounts as text."""
    return saved(
        planning.Goal,
        (
            factories.GoalFactory.build(
                **{key: Decimal(value) if key == "financial_initial" else value for key, value in row.items()}
            )
            for row in rows
        ),
    )


def approved_poa(institution) -> planning.Plan:
    return factories.PlanFactory(
        institution=institution,
        name="POA 2024",
        status=planning.Plan.Status.APPROVED,
        approval_act=f"Acuerdo {institution.code}-01-2023",
        approval_date=date(2023, 12, 15),
    )


def poa_2024(institution, programs, staff) -> dict:
    poa = approved_poa(institution)
    result = factories.ResultFactory(
        plan=poa, code="RI-1", description="Para el año 2030 se ha incrementado la atención a migrantes"
    )
    planning.ResultTarget.objects.create(result=result, year=2024, value=Decimal("1500.00"))
    documents, assistance = (
        factories.ProductFactory(
            plan=poa, result=result, code=code, name=name, unit=unit, category=programs[category]
        )
        for code, name, unit, category in (
            ("P01", "Emisión de Documentos Migratorios", "Documento", "documents"),
            ("P02", "Asistencia y Protección a las Personas Migrantes", "Persona", "assistance"),
        )
    )
    passports, visas = subproducts_of(documents, ("S01", "Pasaportes"), ("S02", "Visas"))
    shelters, reports = subproducts_of(
        assistance,
        ("S03", "Migrantes atendidos en albergues"),
        ("S04", "Informes de seguimiento", "Documento"),
    )
    goals = goals_of(
        {"subproduct": sub, "physical_initial": physical, "financial_initial": financial}
        for sub, physical, financial in (
            (passports, 12000, "1500000.00"),
            (visas, 800, "90000.00"),
            (shelters, 1000, "12000.00"),
            (reports, 12, "1200.00"),
        )
    )
    shelters_goal = goals[2]
    shelters_goal.physical_current = 1100
    shelters_goal.save()
    reprogramming = planning.Reprogramming.objects.create(
        goal=shelters_goal,
        measure="physical",
        old_value=Decimal("1000"),
        new_value=Decimal("1100"),
        effective_date=date(2024, 6, 1),
        justification="Apertura del albergue de Petén",
        status=planning.Reprogramming.Status.APPROVED,
        requested_by=staff["planner"],
        decided_by=staff["planning_lead"],
    )
    return {
        "poa": poa,
        "result": result,
        "documents": documents,
        "assistance": assistance,
        "passports": passports,
        "visas": visas,
        "shelters": shelters,
        "follow_up_reports": reports,
        "passports_goal": goals[0],
        "visas_goal": goals[1],
        "shelters_goal": shelters_goal,
        "reprogramming": reprogramming,
    }


def _pom_goal_rows(plan, issue, extension, people, contributions):
    for offset, year in enumerate(plan.years):
        yield {
            "subproduct": issue,
            "year": year,
            "physical_initial": 1000 + offset,
            "financial_initial": "500.50",
        }
        yield {"subproduct": extension, "year": year, "physical_initial": 200, "financial_initial": "99.25"}
        if year < 2028:
            yield {"subproduct": people, "year": year, "physical_initial": 7, "financial_initial": "10.00"}
        yield {
            "subproduct": None,
            "product": contributions,
            "year": year,
            "physical_initial": 23,
            "financial_initial": "82260000.00",
            "source": planning.Goal.Source.DOCUMENT,
        }


def _pom_goals(plan, documents, contributions, programs) -> dict:
    issuance, extension, people = subproducts_of(
        documents, ("S1", "Emisión"), ("S2", "Prórroga"), ("S3", "Personas atendidas", "Persona")
    )
    goals = goals_of(_pom_goal_rows(plan, issuance, extension, people, contributions))
    saved(
        planning.BudgetProjection,
        (
            planning.BudgetProjection(plan=plan, program=programs[code], year=year, amount=Decimal(amount))
            for year in plan.years
            for code, amount in (("11", "609.75"), ("99", "82260000.00"))
        ),
    )
    return {
        "issuance": issuance,
        "extension": extension,
        "people_served": people,
        "extension_2026": next(goal for goal in goals if goal.subproduct == extension),
    }


def pom_2026_2030(institution, programs) -> dict:
    pom = factories.PlanFactory(
        institution=institution,
        kind=planning.Plan.Kind.POM,
        start_year=2026,
        end_year=2030,
        name="POM 2026-2030",
    )
    result = factories.ResultFactory(plan=pom, code="R1", description="=Resultado que empieza con igual")
    documents = factories.ProductFactory(
        plan=pom,
        result=result,
        code="P1",
        name="Emisión de Documentos Migratorios",
        unit="Documento",
        pgg_major_contribution=True,
        category=programs["documents"],
    )
    contributions = factories.ProductFactory(
        plan=pom,
        code="P2",
        name="Aportes a instituciones",
        unit="Documento",
        category=programs["contributions"],
    )
    chain = _pom_goals(pom, documents, contributions, programs)
    subproducts_of(contributions, ("S4", "Aportes a instituciones"))
    planning.DeclaredTotal.objects.bulk_create(
        planning.DeclaredTotal(plan=pom, matrix=matrix, year=2026, amount=Decimal(amount))
        for matrix, amount in (
            (planning.DeclaredTotal.Matrix.BUDGET_PROJECTION, "82260609.75"),
            (planning.DeclaredTotal.Matrix.GOALS, "4.00"),
        )
    )
    sheet = IndicatorSheet.objects.create(
        plan=pom,
        product=documents,
        position=1,
        code="1",
        name="Porcentaje de documentos migratorios emitidos",
        category=IndicatorSheet.Category.PRODUCT,
        frequency=IndicatorSheet.Frequency.ANNUAL,
        baseline_year=2023,
        baseline_value=Decimal("97.53"),
        report_code="DTP5",
        report_date="Abril-2025",
    )
    IndicatorSheetValue.objects.create(sheet=sheet, year=2026, value=Decimal("100.00"))
    return {
        "pom": pom,
        "pom_result": result,
        "pom_documents": documents,
        "contributions": contributions,
        **chain,
        "sheet": sheet,
    }


def programs_of(institution) -> dict:
    law = factories.ProgramFactory(institution=institution, code="11", name="Derecho Migratorio")
    unassigned = factories.ProgramFactory(
        institution=institution, code="99", name="Partidas no Asignables a Programas"
    )
    return {
        "11": law,
        "99": unassigned,
        "documents": factories.CategoryFactory(
            program=law, activity="002", name="Emisión de Documentos Migratorios"
        ),
        "assistance": factories.CategoryFactory(
            program=law, activity="003", name="Asistencia y Protección a las Personas Migrantes"
        ),
        "contributions": factories.CategoryFactory(program=unassigned, activity="001", name="Aportes"),
    }
