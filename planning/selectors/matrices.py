"""The POM matrices of a plan (9.2, 9.3, 9.5 and section 8) as data for their writers."""

from __future__ import annotations

from decimal import Decimal

from planning.matrices.model import (
    MatrixGoal,
    MatrixProduct,
    MatrixProgram,
    MatrixResult,
    MatrixSubproduct,
    PomMatrices,
)
from planning.models import DeclaredTotal, Plan, Product, Subproduct
from planning.selectors.goals_grid import as_money, plan_chain, plan_goal_figures


def _matrix_goal(physical, financial) -> MatrixGoal:
    return MatrixGoal(int(physical), as_money(financial))


def pom_matrices(*, plan: Plan) -> PomMatrices:
    """The POM matrices 9.2, 9.3, 9.5 and section 8 of a plan, with current (vigente) goals.

    A product row shows the goal the plan declares for it when there is one, else the roll-up of
    its subproducts; a total row shows the declared total when there is one, else the computed one.
    Long because it is one expression building the matrices section by section, in their order.
    """
    figures = plan_goal_figures(plan=plan)
    products, programs = plan_chain(plan=plan)
    years = tuple(plan.years)
    institution = plan.institution

    def product_goal(product: Product, year: int) -> MatrixGoal:
        declared = figures["declared"].get((product.pk, year))
        if declared is not None:
            return _matrix_goal(declared.physical_current, declared.financial_current)
        return _matrix_goal(*figures["computed"].get((product.pk, year), (0, 0)))

    def subproduct_goal(subproduct: Subproduct, year: int) -> MatrixGoal | None:
        goal = figures["subproduct"].get((subproduct.pk, year))
        return _matrix_goal(goal.physical_current, goal.financial_current) if goal else None

    def declared_or(matrix: str, year: int, computed: Decimal) -> Decimal:
        return figures["declared_totals"].get((matrix, year), computed)

    return PomMatrices(
        institution_code=institution.code,
        institution_name=institution.name,
        institution_budget_code=institution.budget_code,
        plan_kind=plan.kind,
        plan_name=plan.name,
        start_year=plan.start_year,
        end_year=plan.end_year,
        approval_act=plan.approval_act,
        results=tuple(
            MatrixResult(
                result.code,
                result.description,
                str(result.get_level_display()),
                result.unit,
                result.baseline_year,
                as_money(result.baseline_value),
            )
            for result in plan.results.order_by("position", "code")
        ),
        products=tuple(
            MatrixProduct(
                code=product.code,
                name=product.name,
                unit=product.unit,
                result_code=product.result.code if product.result else "",
                pgg_major_contribution=product.pgg_major_contribution,
                program_code=product.category.program.code,
                subprogram=product.category.subprogram,
                project=product.category.project,
                activity=product.category.activity,
                activity_name=product.category.name,
                goals=tuple(product_goal(product, year) for year in years),
                subproducts=tuple(
                    MatrixSubproduct(
                        subproduct.code,
                        subproduct.name,
                        subproduct.unit,
                        tuple(subproduct_goal(subproduct, year) for year in years),
                    )
                    for subproduct in product.subproducts.all()
                ),
            )
            for product in products
        ),
        programs=tuple(
            MatrixProgram(
                program.code,
                program.name,
                tuple(
                    as_money(amount)
                    if (amount := figures["projection"].get((program.pk, year))) is not None
                    else None
                    for year in years
                ),
            )
            for program in programs
        ),
        goals_totals=tuple(
            as_money(declared_or(DeclaredTotal.Matrix.GOALS, year, figures["year_totals"].get(year, 0)))
            for year in years
        ),
        projection_totals=tuple(
            as_money(
                declared_or(
                    DeclaredTotal.Matrix.BUDGET_PROJECTION, year, figures["year_projections"].get(year, 0)
                )
            )
            for year in years
        ),
    )
