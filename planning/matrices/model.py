"""The POM matrices as data: what the writers take and the reader gives back."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class MatrixGoal:
    physical: int
    financial: Decimal


@dataclass(frozen=True)
class MatrixSubproduct:
    code: str
    name: str
    unit: str
    goals: tuple[MatrixGoal | None, ...]  # one per plan year; None where no goal is set


@dataclass(frozen=True)
class MatrixProduct:
    code: str
    name: str
    unit: str
    result_code: str  # "" for products «Sin Resultado»
    pgg_major_contribution: bool
    program_code: str
    subprogram: str
    project: str
    activity: str
    activity_name: str
    goals: tuple[MatrixGoal, ...]  # as the plan declares them, else computed from the subproducts
    subproducts: tuple[MatrixSubproduct, ...]


@dataclass(frozen=True)
class MatrixResult:
    code: str
    description: str
    level: str  # the Spanish label, e.g. «Intermedio»
    unit: str
    baseline_year: int
    baseline_value: Decimal


@dataclass(frozen=True)
class MatrixProgram:
    code: str
    name: str
    amounts: tuple[Decimal | None, ...]  # one per plan year; None where no projection


YEARS_PER_PAGE = 5  # the POM's five years: ten figure columns fit a landscape page


@dataclass(frozen=True)
class PomMatrices:
    institution_code: str
    institution_name: str
    institution_budget_code: str
    plan_kind: str
    plan_name: str
    start_year: int
    end_year: int
    approval_act: str
    results: tuple[MatrixResult, ...]
    products: tuple[MatrixProduct, ...]
    programs: tuple[MatrixProgram, ...]
    goals_totals: tuple[Decimal, ...]  # 9.5 total row, one per year
    projection_totals: tuple[Decimal, ...]  # section 8 total row, one per year

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.start_year, self.end_year + 1))

    @property
    def year_blocks(self) -> tuple[tuple[tuple[int, ...], str], ...]:
        """The years in blocks a landscape page holds in matrix 9.5 (two columns each), with the
        ``slice`` that picks the same years from each row's goals: a ten-year PEI prints two tables."""
        years = self.years
        return tuple(
            (years[start : start + YEARS_PER_PAGE], f"{start}:{start + YEARS_PER_PAGE}")
            for start in range(0, len(years), YEARS_PER_PAGE)
        )

    def products_of(self, result_code: str) -> tuple[MatrixProduct, ...]:
        return tuple(product for product in self.products if product.result_code == result_code)

    @property
    def result_blocks(self) -> tuple[tuple[MatrixResult | None, tuple[MatrixProduct, ...]], ...]:
        """Each result with its products, then «Sin Resultado» (None) when some product has none."""
        blocks = [(result, self.products_of(result.code)) for result in self.results]
        if any(not product.result_code for product in self.products):
            blocks.append((None, self.products_of("")))
        return tuple(blocks)


class MatricesError(Exception):
    """The workbook cannot be read as POM matrices; ``errors`` lists each problem with its cell."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors
