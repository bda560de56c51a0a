"""The POM matrices (9.2, 9.3, 9.5 and section 8) as data, and their XLSX/PDF writers and XLSX reader.

Pure functions: ``PomMatrices`` in, bytes out (and back). The figures come from
``indicators.selectors.pom_matrices``; the reader returns the same structure so that
export → import → export gives the same file.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from common.figures import CENT
from common.pdf import pdf_layout
from common.spreadsheets import QUETZALES_FORMAT, UNITS_FORMAT, neutralise, print_to_page_width

# A fixed timestamp inside the file so that the same plan always gives the same bytes.
FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
FIXED_CORE_TIME = "2000-01-01T00:00:00Z"

SHEET_PLAN = "Plan"
SHEET_RESULTS = "9.2 Resultados"
SHEET_CATEGORIES = "9.3 Categorías"
SHEET_GOALS = "9.5 Metas"
SHEET_BUDGET = "8 Presupuesto"

KIND_RESULT = "Resultado"
KIND_PRODUCT = "Producto"
KIND_SUBPRODUCT = "Subproducto"
KIND_TOTAL = "Total"
NO_RESULT = "Sin Resultado"

PLAN_LABELS = (
    ("institution_code", "Institución (siglas)"),
    ("institution_name", "Institución"),
    ("institution_budget_code", "Código presupuestario"),
    ("plan_kind", "Tipo de plan"),
    ("plan_name", "Nombre del plan"),
    ("start_year", "Año inicial"),
    ("end_year", "Año final"),
    ("approval_act", "Acto de aprobación"),
)
RESULT_HEADERS = (
    "Código resultado",
    "Resultado institucional",
    "Nivel",
    "Unidad de medida",
    "Año línea base",
    "Valor línea base",
    "Tipo",
    "Código",
    "Producto / Subproducto",
    "Mayor contribución a la PGG (1/0)",
)
CATEGORY_HEADERS = (
    "Tipo",
    "Código",
    "Producto / Subproducto",
    "Unidad de medida",
    "Descripción de la actividad",
    "Programa",
    "Subprograma",
    "Proyecto",
    "Actividad",
)
GOAL_HEADERS = ("Tipo", "Código", "Producto / Subproducto", "Unidad de medida")
HEADER_ROW = 3
FIRST_DATA_ROW = 4
GOALS_FIRST_DATA_ROW = 5


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


# --- XLSX writer ---------------------------------------------------------------------------------


def _put(ws, row: int, column: int, value, number_format: str | None = None):
    cell = ws.cell(row=row, column=column, value=neutralise(value))
    if number_format:
        cell.number_format = number_format
    return cell


def _put_row(ws, row: int, first_column: int, values) -> None:
    for column, value in enumerate(values, start=first_column):
        _put(ws, row, column, value)


def _title(ws, text: str, headers: tuple[str, ...], *, header_rows: int = 1) -> None:
    """Title, header row(s) frozen on screen and repeated on every printed page, one page wide."""
    last_header = HEADER_ROW + header_rows - 1
    ws.freeze_panes = f"A{last_header + 1}"
    print_to_page_width(ws, title_rows=f"{HEADER_ROW}:{last_header}")
    ws.cell(row=1, column=1, value=text).font = Font(bold=True, size=12)
    fill = PatternFill("solid", fgColor="DCE6F1")
    for column, header in enumerate(headers, start=1):
        cell = ws.cell(row=HEADER_ROW, column=column, value=header)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(ws, widths: tuple[int, ...]) -> None:
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


def _write_plan(ws, matrices: PomMatrices) -> None:
    ws.cell(row=1, column=1, value=_("Matrices del plan")).font = Font(bold=True, size=12)
    for row, (attribute, label) in enumerate(PLAN_LABELS, start=HEADER_ROW):
        ws.cell(row=row, column=1, value=label).font = Font(bold=True)
        _put(ws, row, 2, getattr(matrices, attribute))
    _widths(ws, (28, 70))


def _write_results(ws, matrices: PomMatrices) -> None:
    _title(ws, "9.2 RESULTADOS, PRODUCTOS Y SUBPRODUCTOS MULTIANUALES", RESULT_HEADERS)
    row = FIRST_DATA_ROW
    for result, products in matrices.result_blocks:
        if result is None:
            values = ("", NO_RESULT, "", "", None, None)
        else:
            values = (
                result.code,
                result.description,
                result.level,
                result.unit,
                result.baseline_year,
                result.baseline_value,
            )
        for column, value in enumerate(values, start=1):
            _put(ws, row, column, value, QUETZALES_FORMAT if column == 6 else None)
        _put(ws, row, 7, KIND_RESULT)
        row += 1
        for product in products:
            _put_row(
                ws, row, 7, (KIND_PRODUCT, product.code, product.name, int(product.pgg_major_contribution))
            )
            row += 1
            for subproduct in product.subproducts:
                _put_row(ws, row, 7, (KIND_SUBPRODUCT, subproduct.code, subproduct.name))
                row += 1
    _widths(ws, (12, 60, 12, 14, 10, 16, 12, 12, 60, 14))


def _write_categories(ws, matrices: PomMatrices) -> None:
    _title(
        ws,
        "9.3 VINCULACIÓN DE PRODUCTOS Y SUBPRODUCTOS CON RED DE CATEGORÍAS PROGRAMÁTICAS",
        CATEGORY_HEADERS,
    )
    row = FIRST_DATA_ROW
    for product in matrices.products:
        values = (
            KIND_PRODUCT,
            product.code,
            product.name,
            product.unit,
            product.activity_name,
            product.program_code,
            product.subprogram,
            product.project,
            product.activity,
        )
        _put_row(ws, row, 1, values)
        row += 1
        for subproduct in product.subproducts:
            _put_row(ws, row, 1, (KIND_SUBPRODUCT, subproduct.code, subproduct.name, subproduct.unit))
            row += 1
    _widths(ws, (12, 12, 60, 14, 40, 10, 12, 10, 10))


def _write_goal_cells(ws, row: int, goals) -> None:
    for index, goal in enumerate(goals):
        column = len(GOAL_HEADERS) + 1 + 2 * index
        if goal is not None:
            _put(ws, row, column, goal.physical, UNITS_FORMAT)
            _put(ws, row, column + 1, goal.financial, QUETZALES_FORMAT)


def _write_goals(ws, matrices: PomMatrices) -> None:
    _title(
        ws,
        "9.5 PRODUCTOS, SUBPRODUCTOS Y METAS MULTIANUALES (metas vigentes)",
        GOAL_HEADERS,
        header_rows=GOALS_FIRST_DATA_ROW - HEADER_ROW,
    )
    for index, year in enumerate(matrices.years):
        column = len(GOAL_HEADERS) + 1 + 2 * index
        ws.cell(row=HEADER_ROW, column=column, value=year).font = Font(bold=True)
        ws.merge_cells(start_row=HEADER_ROW, start_column=column, end_row=HEADER_ROW, end_column=column + 1)
        ws.cell(row=HEADER_ROW + 1, column=column, value="Meta física").font = Font(bold=True)
        ws.cell(row=HEADER_ROW + 1, column=column + 1, value="Meta financiera").font = Font(bold=True)
    row = GOALS_FIRST_DATA_ROW
    for product in matrices.products:
        _put_row(ws, row, 1, (KIND_PRODUCT, product.code, product.name, product.unit))
        ws.cell(row=row, column=3).font = Font(bold=True)
        _write_goal_cells(ws, row, product.goals)
        row += 1
        for subproduct in product.subproducts:
            _put_row(ws, row, 1, (KIND_SUBPRODUCT, subproduct.code, subproduct.name, subproduct.unit))
            _write_goal_cells(ws, row, subproduct.goals)
            row += 1
    _put(ws, row, 1, KIND_TOTAL)
    for index, amount in enumerate(matrices.goals_totals):
        _put(ws, row, len(GOAL_HEADERS) + 2 + 2 * index, amount, QUETZALES_FORMAT)
    _widths(ws, (12, 12, 60, 14) + (14, 20) * len(matrices.years))


def _write_budget(ws, matrices: PomMatrices) -> None:
    _title(ws, "8. PROYECCIÓN DEL PRESUPUESTO", ("PRG", "Descripción", *map(str, matrices.years)))
    row = FIRST_DATA_ROW
    for program in matrices.programs:
        _put(ws, row, 1, program.code)
        _put(ws, row, 2, program.name)
        for index, amount in enumerate(program.amounts):
            if amount is not None:
                _put(ws, row, 3 + index, amount, QUETZALES_FORMAT)
        row += 1
    _put(ws, row, 2, KIND_TOTAL)
    for index, amount in enumerate(matrices.projection_totals):
        _put(ws, row, 3 + index, amount, QUETZALES_FORMAT)
    _widths(ws, (8, 40) + (20,) * len(matrices.years))


def _deterministic(data: bytes) -> bytes:
    """Rewrite the archive with fixed timestamps so equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>" + FIXED_CORE_TIME.encode() + rb"\g<2>",
                    content,
                )
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def matrices_xlsx(matrices: PomMatrices) -> bytes:
    workbook = Workbook()
    workbook.active.title = SHEET_PLAN
    _write_plan(workbook.active, matrices)
    for title, writer in (
        (SHEET_RESULTS, _write_results),
        (SHEET_CATEGORIES, _write_categories),
        (SHEET_GOALS, _write_goals),
        (SHEET_BUDGET, _write_budget),
    ):
        writer(workbook.create_sheet(title), matrices)
    workbook.properties.creator = "IGM Plan"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _deterministic(buffer.getvalue())


# --- PDF writer ----------------------------------------------------------------------------------


def matrices_pdf_layout(matrices: PomMatrices):
    return pdf_layout("indicators/matrices/matrices_pdf.html", {"m": matrices})


def matrices_pdf(matrices: PomMatrices) -> bytes:
    return matrices_pdf_layout(matrices).write_pdf()


# --- XLSX reader ---------------------------------------------------------------------------------


class _Reader:
    """Collects every problem with its sheet and cell instead of stopping at the first."""

    def __init__(self, workbook):
        self.workbook = workbook
        self.errors: list[str] = []

    def error(self, ws, row: int, column: int, message: str) -> None:
        self.errors.append(
            _("Hoja «%(sheet)s», celda %(cell)s: %(message)s")
            % {"sheet": ws.title, "cell": f"{get_column_letter(column)}{row}", "message": message}
        )

    def sheet(self, title: str):
        if title not in self.workbook.sheetnames:
            self.errors.append(_("Falta la hoja «%(sheet)s».") % {"sheet": title})
            return None
        return self.workbook[title]

    def text(self, ws, row: int, column: int, *, required: bool = True) -> str:
        value = ws.cell(row=row, column=column).value
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(ws, row, column, _("falta el valor."))
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return _written_text(str(value).strip())

    def number(self, ws, row: int, column: int, *, integer: bool, required: bool = True):
        value = ws.cell(row=row, column=column).value
        if value is None or value == "":
            if required:
                self.error(ws, row, column, _("falta el valor."))
            return None
        try:
            if isinstance(value, str):
                value = value.replace("Q", "").replace(",", "").strip()
            number = Decimal(repr(value) if isinstance(value, float) else str(value))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            self.error(ws, row, column, _("«%(value)s» no es un número.") % {"value": value})
            return None
        if number < 0:
            self.error(ws, row, column, _("no puede ser negativo."))
            return None
        if integer:
            if number != number.to_integral_value():
                self.error(ws, row, column, _("debe ser un número entero."))
                return None
            return int(number)
        return number.quantize(CENT)


def _written_text(value: str) -> str:
    """The text as it was before ``neutralise`` put an apostrophe in front of it."""
    return value[1:] if value.startswith("'") and neutralise(value[1:]) == value else value


def _rows(ws, first: int):
    """Data rows until the first fully empty one."""
    row = first
    while any(cell.value not in (None, "") for cell in ws[row]):
        yield row
        row += 1


def _read_plan(reader: _Reader, ws) -> dict:
    labels = {label: attribute for attribute, label in PLAN_LABELS}
    values: dict = {}
    for row in _rows(ws, HEADER_ROW):
        attribute = labels.get(reader.text(ws, row, 1, required=False))
        if attribute in ("start_year", "end_year"):
            values[attribute] = reader.number(ws, row, 2, integer=True)
        elif attribute:
            values[attribute] = reader.text(ws, row, 2, required=attribute != "approval_act")
    for attribute, label in PLAN_LABELS:
        if attribute not in values:
            reader.errors.append(
                _("Hoja «%(sheet)s»: falta «%(label)s».") % {"sheet": ws.title, "label": label}
            )
    return values


def _read_results(reader: _Reader, ws) -> tuple[list[MatrixResult], dict[str, dict]]:
    """Results, and each product code with its result, name, PGG flag and subproduct names in order."""
    results: list[MatrixResult] = []
    products: dict[str, dict] = {}
    result_code = None
    product = None
    for row in _rows(ws, FIRST_DATA_ROW):
        kind = reader.text(ws, row, 7)
        if kind == KIND_RESULT:
            result_code = reader.text(ws, row, 1, required=False)
            product = None
            if result_code:
                results.append(
                    MatrixResult(
                        code=result_code,
                        description=reader.text(ws, row, 2),
                        level=reader.text(ws, row, 3),
                        unit=reader.text(ws, row, 4),
                        baseline_year=reader.number(ws, row, 5, integer=True),
                        baseline_value=reader.number(ws, row, 6, integer=False),
                    )
                )
        elif kind == KIND_PRODUCT and result_code is not None:
            code = reader.text(ws, row, 8)
            if code in products:
                reader.error(ws, row, 8, _("el código de producto %(code)s está repetido.") % {"code": code})
            flag = reader.text(ws, row, 10)
            if flag not in ("0", "1"):
                reader.error(ws, row, 10, _("escriba 1 o 0."))
            product = {
                "result_code": result_code,
                "name": reader.text(ws, row, 9),
                "pgg": flag == "1",
                "subs": [],
            }
            products[code] = product
        elif kind == KIND_SUBPRODUCT and product is not None:
            product["subs"].append((reader.text(ws, row, 8), reader.text(ws, row, 9)))
        else:
            reader.error(ws, row, 7, _("tipo de fila «%(kind)s» inesperado aquí.") % {"kind": kind})
    return results, products


def _read_categories(reader: _Reader, ws) -> dict[str, dict]:
    """Each product code with its unit, category and its subproducts' units."""
    products: dict[str, dict] = {}
    product = None
    for row in _rows(ws, FIRST_DATA_ROW):
        kind = reader.text(ws, row, 1)
        code = reader.text(ws, row, 2)
        if kind == KIND_PRODUCT:
            product = {
                "unit": reader.text(ws, row, 4),
                "activity_name": reader.text(ws, row, 5),
                "category": tuple(reader.text(ws, row, column) for column in range(6, 10)),
                "subs": {},
            }
            for column, width in zip(range(6, 10), (2, 2, 3, 3), strict=True):
                value = reader.text(ws, row, column, required=False)
                if value and not re.fullmatch(rf"\d{{{width}}}", value):
                    reader.error(ws, row, column, _("se esperaban %(n)s dígitos.") % {"n": width})
            products[code] = product
        elif kind == KIND_SUBPRODUCT and product is not None:
            product["subs"][code] = reader.text(ws, row, 4)
        else:
            reader.error(ws, row, 1, _("tipo de fila «%(kind)s» inesperado aquí.") % {"kind": kind})
    return products


def _read_goal_cells(reader: _Reader, ws, row: int, years, *, required: bool) -> tuple:
    goals = []
    for index in range(len(years)):
        column = len(GOAL_HEADERS) + 1 + 2 * index
        physical = reader.number(ws, row, column, integer=True, required=required)
        financial = reader.number(ws, row, column + 1, integer=False, required=required)
        if (physical is None) != (financial is None):
            reader.error(ws, row, column, _("escriba la meta física y la financiera, o ninguna."))
        goals.append(None if physical is None or financial is None else MatrixGoal(physical, financial))
    return tuple(goals)


def _read_goals(reader: _Reader, ws, years) -> tuple[dict, dict, tuple]:
    product_goals: dict[str, tuple] = {}
    subproduct_goals: dict[tuple[str, str], tuple] = {}
    totals: tuple = ()
    product_code = None
    for row in _rows(ws, GOALS_FIRST_DATA_ROW):
        kind = reader.text(ws, row, 1)
        if kind == KIND_TOTAL:
            totals = tuple(
                reader.number(ws, row, len(GOAL_HEADERS) + 2 + 2 * index, integer=False)
                for index in range(len(years))
            )
            continue
        code = reader.text(ws, row, 2)
        if kind == KIND_PRODUCT:
            product_code = code
            product_goals[code] = _read_goal_cells(reader, ws, row, years, required=True)
        elif kind == KIND_SUBPRODUCT and product_code is not None:
            subproduct_goals[(product_code, code)] = _read_goal_cells(reader, ws, row, years, required=False)
        else:
            reader.error(ws, row, 1, _("tipo de fila «%(kind)s» inesperado aquí.") % {"kind": kind})
    if not totals:
        reader.errors.append(_("Hoja «%(sheet)s»: falta la fila «Total».") % {"sheet": ws.title})
    return product_goals, subproduct_goals, totals


def _read_budget(reader: _Reader, ws, years) -> tuple[list[MatrixProgram], tuple]:
    programs: list[MatrixProgram] = []
    totals: tuple = ()
    for row in _rows(ws, FIRST_DATA_ROW):
        amounts = tuple(
            reader.number(ws, row, 3 + index, integer=False, required=False) for index in range(len(years))
        )
        if reader.text(ws, row, 2) == KIND_TOTAL:
            totals = amounts
            if None in totals:
                reader.error(ws, row, 3, _("la fila «Total» debe tener un monto por año."))
            continue
        code = reader.text(ws, row, 1)
        if code and not re.fullmatch(r"\d{2}", code):
            reader.error(ws, row, 1, _("el programa se escribe con dos dígitos, p. ej. 11."))
        programs.append(MatrixProgram(code=code, name=reader.text(ws, row, 2), amounts=amounts))
    if not totals:
        reader.errors.append(_("Hoja «%(sheet)s»: falta la fila «Total».") % {"sheet": ws.title})
    return programs, totals


def _assemble(reader: _Reader, plan: dict, results, chain, categories, goals, budget) -> PomMatrices:
    product_goals, subproduct_goals, goals_totals = goals
    programs, projection_totals = budget
    products = []
    # The products' order is that of 9.3, which lists them in plan order (9.2 groups them by result).
    for code in list(categories) + [code for code in chain if code not in categories]:
        category, product = categories.get(code), chain.get(code)
        if category is None or product is None or code not in product_goals:
            missing = (
                SHEET_CATEGORIES if category is None else SHEET_RESULTS if product is None else SHEET_GOALS
            )
            reader.errors.append(
                _("El producto %(code)s falta en la hoja «%(sheet)s».") % {"code": code, "sheet": missing}
            )
            continue
        subproducts = []
        for sub_code, sub_name in product["subs"]:
            if sub_code not in category["subs"] or (code, sub_code) not in subproduct_goals:
                reader.errors.append(
                    _("El subproducto %(code)s del producto %(product)s falta en «%(a)s» o «%(b)s».")
                    % {"code": sub_code, "product": code, "a": SHEET_CATEGORIES, "b": SHEET_GOALS}
                )
                continue
            subproducts.append(
                MatrixSubproduct(
                    sub_code, sub_name, category["subs"][sub_code], subproduct_goals[(code, sub_code)]
                )
            )
        program_code, subprogram, project, activity = category["category"]
        products.append(
            MatrixProduct(
                code=code,
                name=product["name"],
                unit=category["unit"],
                result_code=product["result_code"],
                pgg_major_contribution=product["pgg"],
                program_code=program_code,
                subprogram=subprogram,
                project=project,
                activity=activity,
                activity_name=category["activity_name"],
                goals=product_goals[code],
                subproducts=tuple(subproducts),
            )
        )
    extra = set(product_goals) - set(chain)
    if extra:
        reader.errors.append(
            _("Productos sin fila en «%(sheet)s»: %(codes)s.")
            % {"sheet": SHEET_RESULTS, "codes": ", ".join(sorted(extra))}
        )
    return PomMatrices(
        institution_code=plan["institution_code"],
        institution_name=plan["institution_name"],
        institution_budget_code=plan["institution_budget_code"],
        plan_kind=plan["plan_kind"],
        plan_name=plan["plan_name"],
        start_year=plan["start_year"],
        end_year=plan["end_year"],
        approval_act=plan["approval_act"],
        results=tuple(results),
        products=tuple(products),
        programs=tuple(programs),
        goals_totals=goals_totals,
        projection_totals=projection_totals,
    )


def matrices_read(file) -> PomMatrices:
    """Read the workbook written by ``matrices_xlsx``; raise ``MatricesError`` listing every problem."""
    try:
        workbook = load_workbook(file, read_only=False, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a file that is not a workbook
        raise MatricesError(
            [_("El archivo no es un libro XLSX legible: %(error)s") % {"error": exc}]
        ) from exc
    reader = _Reader(workbook)
    sheets = [
        reader.sheet(title)
        for title in (SHEET_PLAN, SHEET_RESULTS, SHEET_CATEGORIES, SHEET_GOALS, SHEET_BUDGET)
    ]
    if reader.errors:
        raise MatricesError(reader.errors)
    plan_ws, results_ws, categories_ws, goals_ws, budget_ws = sheets
    plan = _read_plan(reader, plan_ws)
    if reader.errors:
        raise MatricesError(reader.errors)
    if plan["end_year"] < plan["start_year"]:
        raise MatricesError([_("El año final del plan es anterior al inicial.")])
    years = range(plan["start_year"], plan["end_year"] + 1)
    results, chain = _read_results(reader, results_ws)
    matrices = _assemble(
        reader,
        plan,
        results,
        chain,
        _read_categories(reader, categories_ws),
        _read_goals(reader, goals_ws, years),
        _read_budget(reader, budget_ws, years),
    )
    if reader.errors:
        raise MatricesError(reader.errors)
    return matrices
