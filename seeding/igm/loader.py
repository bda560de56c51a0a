"""Seeds IGM's real plan data from the transcribed documents in ``fixtures/``.

Loading is a *seed*: it adds what is missing and never changes or deletes a row that exists, because
from the moment a row exists it belongs to its users (an officer's corrected month, a reprogrammed
goal, a renamed product, a changed password). A plan is one unit: when it exists, none of its chain,
goals, execution or sheets is touched, so a planner's new code for a product cannot make the seed
add the document's product beside it. Every file is still read and every figure checked, so a broken
file is reported even when nothing would be written. The load is atomic (a broken file leaves the
database as it was). Figures are kept exactly as the documents print them; derived figures are marked
as such with the derivation in words.
"""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction

from budget.models import CostCentre
from indicators.models import (
    IndicatorSheet,
    IndicatorSheetValue,
    ProductIndicatorTarget,
    ProductIndicatorYear,
)
from planning.models import (
    BudgetProjection,
    DeclaredTotal,
    Department,
    Goal,
    Institution,
    Municipality,
    Plan,
    Product,
    Program,
    ProgrammaticCategory,
    Result,
    ResultTarget,
    Subproduct,
)

from .annual_plan import AnnualPlanSections
from .demo_users import DemoUsersSection
from .reading import FIXTURES_DIR, FixtureError, _money, _require, _split_category, _units, read_document
from .strategic_frame import StrategicFrameSection

SEED_REASON = "Carga inicial de los documentos del IGM (load_igm)"


@dataclass
class LoadSummary:
    created: Counter = field(default_factory=Counter)
    existing: Counter = field(default_factory=Counter)
    skipped_plans: list[str] = field(default_factory=list)
    demo_users: list[tuple[str, str, str]] = field(default_factory=list)
    existing_demo_users: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created)


class _Loader(AnnualPlanSections, DemoUsersSection, StrategicFrameSection):
    def __init__(self, directory: Path):
        self.directory = directory
        self.summary = LoadSummary()
        # False inside a plan that already exists: its rows are read and checked but never written.
        self.writing = True

    # -- reading ---------------------------------------------------------------------------------
    def read(self, relative: str) -> dict:
        return read_document(self.directory, relative)

    # -- writing ---------------------------------------------------------------------------------
    def add_missing(self, model, lookup: dict, values: dict):
        """The existing row untouched, or a new one created from the document (never an update)."""
        if not self.writing:
            return model(**lookup, **values)
        instance = model.objects.filter(**lookup).first()
        label = model._meta.verbose_name_plural
        if instance is not None:
            self.summary.existing[label] += 1
            return instance
        instance = model(**lookup, **values)
        _validate(instance, lookup)
        instance._change_reason = SEED_REASON
        instance.save()
        instance._seeded = True
        self.summary.created[label] += 1
        return instance

    def set_m2m(self, owner, name: str, objects) -> None:
        """Links are set on rows this load created; an existing row keeps the links its users gave it."""
        if getattr(owner, "_seeded", False):
            getattr(owner, name).set(objects)

    @contextmanager
    def plan_unit(self, relative: str):
        """Read a plan's document; write the plan and everything under it only when it does not exist."""
        data = self.read(relative)
        info = data["plan"]
        exists = Plan.objects.filter(
            institution=self.institution, kind=info["kind"], start_year=info["start_year"]
        ).exists()
        if exists:
            self.summary.skipped_plans.append(
                f"{info['kind']} {info['start_year']}-{info['end_year']} ({relative})"
            )
        self.writing = not exists
        try:
            yield data
        finally:
            self.writing = True

    # -- sections --------------------------------------------------------------------------------
    def load_geography(self) -> None:
        data = self.read("geography/guatemala.json")
        for dept in _require(data, "departments", "geography/guatemala.json"):
            department = self.add_missing(Department, {"code": dept["code"]}, {"name": dept["name"]})
            for muni in dept["municipalities"]:
                self.add_missing(
                    Municipality, {"code": muni["code"]}, {"name": muni["name"], "department": department}
                )
        self.departments = {d.name: d for d in Department.objects.all()}
        self.municipalities = {
            (m.department.name, m.name): m for m in Municipality.objects.select_related("department")
        }

    def department(self, name: str, where: str) -> Department:
        try:
            return self.departments[name]
        except KeyError as exc:
            raise FixtureError(f"{where}: departamento desconocido «{name}».") from exc

    def municipality(self, department: str, name: str, where: str) -> Municipality:
        try:
            return self.municipalities[(department, name)]
        except KeyError as exc:
            raise FixtureError(f"{where}: municipio desconocido «{name}» ({department}).") from exc

    def load_institution(self) -> None:
        data = self.read("igm/institution.json")
        info = data["institution"]
        self.institution = self.add_missing(
            Institution, {"code": info["code"]}, {k: v for k, v in info.items() if k != "code"}
        )
        self.programs = {
            item["code"]: self.add_missing(
                Program, {"institution": self.institution, "code": item["code"]}, {"name": item["name"]}
            )
            for item in data["programs"]
        }
        self.categories = {}
        for item in data["categories"]:
            program_code, subprogram, project, activity = _split_category(
                item["code"], "igm/institution.json"
            )
            if program_code not in self.programs:
                raise FixtureError(
                    f"igm/institution.json: la categoría {item['code']} usa un programa inexistente."
                )
            self.categories[item["code"]] = self.add_missing(
                ProgrammaticCategory,
                {
                    "program": self.programs[program_code],
                    "subprogram": subprogram,
                    "project": project,
                    "activity": activity,
                },
                {"name": item["name"]},
            )
        self.load_plan_header(data["pei"], "igm/institution.json")
        self.cost_centres = {}
        for item in data["cost_centres"]:
            where = f"igm/institution.json, centro de costo {item['code']}"
            self.cost_centres[item["code"]] = self.add_missing(
                CostCentre,
                {"institution": self.institution, "code": item["code"]},
                {
                    "name": item["name"],
                    "status": item.get("status", CostCentre.Status.ACTIVE),
                    "department": self.department(item["department"], where),
                    "municipality": self.municipality(item["department"], item["municipality"], where),
                    "source_note": item["source"],
                },
            )
        self.production = data["production"]

    def load_plan_header(self, info: dict, where: str) -> Plan:
        approval_date = date.fromisoformat(info["approval_date"]) if info.get("approval_date") else None
        return self.add_missing(
            Plan,
            {"institution": self.institution, "kind": info["kind"], "start_year": info["start_year"]},
            {
                "name": info["name"],
                "end_year": info["end_year"],
                "status": info["status"],
                "approval_act": info.get("approval_act", ""),
                "approval_date": approval_date,
            },
        )

    def load_plan(self, data: dict, relative: str) -> tuple[Plan, dict]:
        plan = self.load_plan_header(data["plan"], relative)
        results = {}
        for item in data["results"]:
            where = f"{relative}, resultado {item['code']}"
            result = self.add_missing(
                Result,
                {"plan": plan, "code": item["code"]},
                {
                    "position": item["position"],
                    "description": item["description"],
                    "level": item["level"],
                    "unit": item["unit"],
                    "baseline_year": item["baseline_year"],
                    "baseline_value": _money(item["baseline_value"], where),
                    "pgg_axis": item.get("pgg_axis", ""),
                    "pgg_objective": item.get("pgg_objective", ""),
                    "pgg_statement": item.get("pgg_statement", ""),
                    "ods_targets": item.get("ods_targets", ""),
                    "pnd_priorities": item.get("pnd_priorities", ""),
                },
            )
            for target in item["targets"]:
                self.add_missing(
                    ResultTarget,
                    {"result": result, "year": target["year"]},
                    {"value": _money(target["value"], where), "statement": target["statement"]},
                )
            results[item["code"]] = result
        products = {}
        for item in data["products"]:
            where = f"{relative}, producto {item['code']}"
            if item["category"] not in self.categories:
                raise FixtureError(f"{where}: categoría programática desconocida {item['category']}.")
            if item["result"] is not None and item["result"] not in results:
                raise FixtureError(f"{where}: resultado desconocido {item['result']}.")
            product = self.add_missing(
                Product,
                {"plan": plan, "code": item["code"]},
                {
                    "position": item["position"],
                    "result": results.get(item["result"]),
                    "category": self.categories[item["category"]],
                    "name": item["name"],
                    "unit": item["unit"],
                    "responsible_units": item["responsible_units"],
                    "pgg_major_contribution": item["pgg_major_contribution"],
                    "is_national": item["national"],
                },
            )
            self.load_coverage(product, item, where)
            products[item["code"]] = product
            for sub in item["subproducts"]:
                sub_where = f"{relative}, subproducto {sub['code']}"
                subproduct = self.add_missing(
                    Subproduct,
                    {"product": product, "code": sub["code"]},
                    {
                        "position": sub["position"],
                        "name": sub["name"],
                        "unit": sub["unit"],
                        "responsible_unit": sub["responsible_unit"],
                        "is_national": sub.get("national", item["national"]),
                    },
                )
                self.load_coverage(subproduct, sub, sub_where)
                products[sub["code"]] = subproduct
        return plan, {"data": data, "objects": products}

    def load_coverage(self, owner, item: dict, where: str) -> None:
        self.set_m2m(
            owner, "departments", [self.department(name, where) for name in item.get("departments", [])]
        )
        self.set_m2m(
            owner,
            "municipalities",
            [self.municipality(dept, name, where) for dept, name in item.get("municipalities", [])],
        )

    def goal(self, *, owner_field: str, owner, year: int, values: dict, source: str, note: str) -> Goal:
        return self.add_missing(
            Goal, {owner_field: owner, "year": year}, {**values, "source": source, "source_note": note}
        )

    def load_multiannual_goals(self, plan: Plan, loaded: dict, relative: str) -> None:
        years = list(plan.years)
        for item in loaded["data"]["products"]:
            self._multiannual(loaded["objects"][item["code"]], "product", item.get("goals"), years, relative)
            for sub in item["subproducts"]:
                self._multiannual(
                    loaded["objects"][sub["code"]], "subproduct", sub.get("goals"), years, relative
                )

    def _multiannual(
        self, owner, owner_field: str, goals: dict | None, years: list[int], relative: str
    ) -> None:
        if goals is None:
            return
        where = f"{relative}, metas de {owner.code}"
        if len(goals["physical"]) != len(years) or len(goals["financial"]) != len(years):
            raise FixtureError(f"{where}: se esperaban {len(years)} años de metas.")
        for year, physical, financial in zip(years, goals["physical"], goals["financial"], strict=True):
            amount = _money(financial, where)
            self.goal(
                owner_field=owner_field,
                owner=owner,
                year=year,
                values={
                    "physical_initial": _units(physical, where),
                    "physical_current": _units(physical, where),
                    "financial_initial": amount,
                    "financial_current": amount,
                },
                source=goals["source"],
                note=goals["note"],
            )

    def load_budget(self, plan: Plan, data: dict) -> None:
        years = list(plan.years)
        for program_code, amounts in data["budget_projection"].items():
            where = f"sección 8, programa {program_code}"
            for year, amount in zip(years, amounts, strict=True):
                self.add_missing(
                    BudgetProjection,
                    {"plan": plan, "program": self.programs[program_code], "year": year},
                    {"amount": _money(amount, where)},
                )
        for matrix, amounts in data["declared_totals"].items():
            for year, amount in zip(years, amounts, strict=True):
                self.add_missing(
                    DeclaredTotal,
                    {"plan": plan, "matrix": matrix, "year": year},
                    {"amount": _money(amount, f"total consignado {matrix}")},
                )

    def load_indicator_sheets(self, plan: Plan, loaded: dict) -> None:
        years = list(plan.years)
        for item in loaded["data"]["indicator_sheets"]:
            where = f"ficha de indicador {item['position']}"
            fields = {
                key: item[key]
                for key in (
                    "code",
                    "name",
                    "category",
                    "associated_objective",
                    "public_policy",
                    "description",
                    "pertinence",
                    "interpretation",
                    "formula_text",
                    "frequency",
                    "baseline_year",
                    "trend_explanation",
                    "how_goal_is_reached",
                    "data_source",
                    "responsible_unit",
                    "collection_method",
                    "associated_production",
                    "technical_notes",
                    "report_code",
                    "report_date",
                )
            }
            sheet = self.add_missing(
                IndicatorSheet,
                {"plan": plan, "position": item["position"]},
                {
                    **fields,
                    "product": loaded["objects"][item["product"]],
                    "baseline_value": _money(item["baseline_value"], where),
                },
            )
            for year, value in item["values"].items():
                self.add_missing(
                    IndicatorSheetValue, {"sheet": sheet, "year": int(year)}, {"value": _money(value, where)}
                )
            table = item["multiannual"]
            target = self.add_missing(
                ProductIndicatorTarget,
                {"sheet": sheet},
                {
                    "unit": table["unit"],
                    "baseline_year": table["baseline_year"],
                    "baseline_absolute": _money(table["baseline_absolute"], where),
                    "baseline_relative": _money(table["baseline_relative"], where),
                    "total_absolute": _money(table["total_absolute"], where),
                    "total_relative": _money(table["total_relative"], where),
                },
            )
            for year, (absolute, relative) in zip(years, table["years"], strict=True):
                self.add_missing(
                    ProductIndicatorYear,
                    {"target": target, "year": year},
                    {"absolute": _money(absolute, where), "relative": _money(relative, where)},
                )

    def load_production(self, plans: list[tuple[Plan, dict]]) -> None:
        """Which cost centres produce each POM subproduct (the POA 2024 links are set with its execution)."""
        for _plan, loaded in plans:
            for code, centres in self.production.items():
                subproduct = loaded["objects"].get(code)
                if subproduct is None:
                    raise FixtureError(
                        f"igm/institution.json: producción de un subproducto inexistente {code}."
                    )
                self.set_m2m(subproduct, "cost_centres", [self.cost_centres[c] for c in centres])


def institution_load_igm(*, directory: Path = FIXTURES_DIR, rebuild: bool = False) -> LoadSummary:
    """Seed IGM's plans, goals, execution, indicator sheets, strategic frame and demo users where they
    are missing.

    ``rebuild`` first empties the whole database (every institution, user and change history): for a
    demo database only; the command asks for an explicit confirmation before passing it.
    """
    loader = _Loader(Path(directory))
    with transaction.atomic():
        if rebuild:
            call_command("flush", interactive=False, verbosity=0)
        loader.load_geography()
        loader.load_institution()
        loader.load_strategic_frame()
        pom_relative = "igm/pom-2026-2030.json"
        with loader.plan_unit(pom_relative) as data:
            pom, pom_loaded = loader.load_plan(data, pom_relative)
            loader.load_multiannual_goals(pom, pom_loaded, pom_relative)
            loader.load_budget(pom, pom_loaded["data"])
            loader.load_indicator_sheets(pom, pom_loaded)
            loader.load_production([(pom, pom_loaded)])
        poa_relative = "igm/poa-2024.json"
        with loader.plan_unit(poa_relative) as data:
            poa, poa_loaded = loader.load_plan(data, poa_relative)
            loader.load_annual_plan(poa, poa_loaded, poa_relative)
        loader.load_demo_users()
    return loader.summary


def _validate(instance, lookup: dict) -> None:
    try:
        # Passwords are set separately (hashed) after the row exists.
        instance.full_clean(exclude=["password"])
    except ValidationError as exc:
        where = ", ".join(f"{key}={value}" for key, value in lookup.items())
        raise FixtureError(f"{instance._meta.verbose_name} ({where}): {'; '.join(exc.messages)}") from exc
