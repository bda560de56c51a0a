"""The sections of a year's plan document: goals as SIPLAN reports them, their reprogrammings and the
monthly execution, with the months no document gives derived and marked as such."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from budget.models import Execution
from planning.models import Goal, Measure, Plan, Reprogramming

from .reading import FixtureError, _money, _spread_remainder, _units


class AnnualPlanSections:
    """Sections of the loader (``_Loader``) for the annual plan; they write through its seed rule."""

    def load_annual_plan(self, plan: Plan, loaded: dict, relative: str) -> None:
        """Goals, reprogrammings and monthly execution of a year's plan (the 2024 SIPLAN figures)."""
        data = loaded["data"]
        year = plan.start_year
        cost_centre = self.cost_centres[data["execution_cost_centre"]]
        for item in data["products"]:
            product = loaded["objects"][item["code"]]
            self._annual_goal(product, "product", item, year, data["reprogramming_note"], relative)
            for sub in item["subproducts"]:
                subproduct = loaded["objects"][sub["code"]]
                self._annual_goal(subproduct, "subproduct", sub, year, data["reprogramming_note"], relative)
                self.set_m2m(subproduct, "cost_centres", [cost_centre])
                self._execution(
                    cost_centre, subproduct, year, sub["execution"], data["execution_note"], relative
                )

    def _annual_goal(self, owner, owner_field: str, item: dict, year: int, note: str, relative: str) -> None:
        where = f"{relative}, meta {year} de {owner.code}"
        values = item["goal"]
        goal = self.goal(
            owner_field=owner_field,
            owner=owner,
            year=year,
            values={
                "physical_initial": _units(values["physical_initial"], where),
                "physical_current": _units(values["physical_current"], where),
                "financial_initial": _money(values["financial_initial"], where),
                "financial_current": _money(values["financial_current"], where),
            },
            source=Goal.Source.DOCUMENT,
            note="Reporte SIPLAN, tercer cuatrimestre 2024",
        )
        for measure in (Measure.PHYSICAL, Measure.FINANCIAL):
            count = item["reprogrammings"][measure]
            old, new = (
                (Decimal(goal.physical_initial), Decimal(goal.physical_current))
                if measure == Measure.PHYSICAL
                else (goal.financial_initial, goal.financial_current)
            )
            if count == 0 and old != new:
                raise FixtureError(f"{where}: meta {measure} cambió sin reprogramación.")
            if count > 1:
                raise FixtureError(
                    f"{where}: el documento da {count} reprogramaciones sin sus valores intermedios."
                )
            if count == 1:
                self.add_missing(
                    Reprogramming,
                    {"goal": goal, "measure": measure},
                    {
                        "old_value": old,
                        "new_value": new,
                        "effective_date": date(year, 12, 31),
                        "justification": note,
                        "status": Reprogramming.Status.APPROVED,
                        "approver_name": "Según SIPLAN (no consignado)",
                    },
                )

    def _execution(
        self, cost_centre, subproduct, year: int, execution: dict, note: str, relative: str
    ) -> None:
        where = f"{relative}, ejecución de {subproduct.code}"
        annual_physical = _units(execution["annual"][0], where)
        annual_financial = _money(execution["annual"][1], where)
        known: dict[int, list] = {
            int(m): [_units(p, where), _money(f, where)] for m, (p, f) in execution["months"].items()
        }
        january_physical = execution.get("january_physical")
        physical, financial = {m: v[0] for m, v in known.items()}, {m: v[1] for m, v in known.items()}
        if january_physical is not None:
            physical[1] = _units(january_physical, where)
        derived_physical = _spread_remainder(annual_physical, physical, where, "física")
        derived_financial = _spread_remainder(annual_financial, financial, where, "financiera")
        for month in range(1, 13):
            derived = month in derived_physical or month in derived_financial
            sources = []
            if month in known:
                sources.append("reporte SIPLAN tercer cuatrimestre 2024")
            if month == 1 and january_physical is not None:
                sources.append("física: informe de actividades enero 2024")
            if derived:
                sources.append("derivado: acumulado anual menos meses conocidos, repartido por igual")
            self.add_missing(
                Execution,
                {"cost_centre": cost_centre, "subproduct": subproduct, "year": year, "month": month},
                {
                    "physical": physical.get(month, derived_physical.get(month)),
                    "financial": financial.get(month, derived_financial.get(month)),
                    "is_derived": derived,
                    "source_note": f"{note} Fuente: {'; '.join(sources)}."[:300],
                },
            )
