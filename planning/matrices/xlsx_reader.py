"""The POM matrices read back from the workbook ``matrices_xlsx`` writes, every problem with its cell."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from common.figures import CENT
from common.numbers import NumberError, read_number
from common.spreadsheets import SpreadsheetRefused, UnreadableCell, XlsxBook, column_letter, written_text
from planning.matrices.layout import (
    FIRST_DATA_ROW,
    GOAL_HEADERS,
    GOALS_FIRST_DATA_ROW,
    HEADER_ROW,
    KIND_PRODUCT,
    KIND_RESULT,
    KIND_SUBPRODUCT,
    KIND_TOTAL,
    PLAN_LABELS,
    SHEET_BUDGET,
    SHEET_CATEGORIES,
    SHEET_GOALS,
    SHEET_PLAN,
    SHEET_RESULTS,
)
from planning.matrices.model import (
    MatricesError,
    MatrixGoal,
    MatrixProduct,
    MatrixProgram,
    MatrixResult,
    MatrixSubproduct,
    PomMatrices,
)


class _Sheet:
    """A sheet's rows as read, addressed by row and column as Excel numbers them."""

    def __init__(self, title: str, rows, *, header_rows: range = range(0)):
        self.title = title
        self.rows = dict(rows)
        self.header_rows = header_rows

    def value(self, row: int, column: int):
        values = self.rows.get(row, ())
        return values[column - 1] if column <= len(values) else None

    def header(self, column: int) -> str:
        """The column's header as the workbook shows it; a year spans its two columns."""
        parts = []
        for row in self.header_rows:
            value = self.value(row, column)
            left = column
            while value is None and row != self.header_rows[-1] and left > 1:
                left -= 1
                value = self.value(row, left)
            if value is not None:
                parts.append(str(value).strip())
        return " ".join(parts)


class _Reader:
    """Collects every problem with its sheet and cell instead of stopping at the first."""

    def __init__(self, book: XlsxBook):
        self.book = book
        self.errors: list[str] = []

    def error(self, ws: _Sheet, row: int, column: int, message: str) -> None:
        text = _("Hoja «%(sheet)s», celda %(cell)s: %(message)s") % {
            "sheet": ws.title,
            "cell": f"{column_letter(column)}{row}",
            "message": message,
        }
        header = ws.header(column)
        if header:
            text += " " + _("Columna «%(header)s».") % {"header": header}
        self.errors.append(text)

    def sheet(self, title: str) -> _Sheet | None:
        if title not in self.book.sheet_names:
            self.errors.append(_("Falta la hoja «%(sheet)s».") % {"sheet": title})
            return None
        first_data = GOALS_FIRST_DATA_ROW if title == SHEET_GOALS else FIRST_DATA_ROW
        headers = range(0) if title == SHEET_PLAN else range(HEADER_ROW, first_data)
        return _Sheet(title, self.book.rows(title), header_rows=headers)

    def _value(self, ws: _Sheet, row: int, column: int):
        """The cell's value; a cell without one (a formula never calculated) is reported here."""
        value = ws.value(row, column)
        if isinstance(value, UnreadableCell):
            self.error(ws, row, column, value.message)
        return value

    def text(self, ws: _Sheet, row: int, column: int, *, required: bool = True) -> str:
        value = self._value(ws, row, column)
        if isinstance(value, UnreadableCell):
            return ""
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(ws, row, column, _("falta el valor."))
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return written_text(str(value).strip())

    def number(self, ws: _Sheet, row: int, column: int, *, integer: bool, required: bool = True):
        value = self._value(ws, row, column)
        if isinstance(value, UnreadableCell):
            return None
        try:
            number = read_number(value)
        except NumberError as problem:
            self.error(ws, row, column, problem.message)
            return None
        if number is None:
            if required:
                self.error(ws, row, column, _("falta el valor."))
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


def _rows(ws: _Sheet, first: int):
    """Data rows until the first fully empty one."""
    row = first
    while any(value not in (None, "") for value in ws.rows.get(row, ())):
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
    """Read the workbook written by ``matrices_xlsx`` (a file or its bytes); raise ``MatricesError``
    listing every problem. The archive is checked as every uploaded XLSX is (common.spreadsheets)."""
    content = file.read() if hasattr(file, "read") else file
    try:
        with XlsxBook(content) as book:
            return _read_book(_Reader(book))
    except SpreadsheetRefused as refused:
        if refused.code == "corrupt":
            message = _("El archivo no es un libro XLSX legible: está dañado o no es un XLSX.")
        else:
            message = refused.message
        raise MatricesError([message]) from refused


def _read_book(reader: _Reader) -> PomMatrices:
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
