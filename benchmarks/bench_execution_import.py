"""Benchmark of the monthly execution import.

Builds a 100,000-row execution file with the synthetic builder (``seeding.synthetic``) and
measures, in one run: (a) the bare parse of the file with openpyxl in read-only mode, (b) the full
validated import into the database (read, SHA-256, stored copy, validation of every row, bulk
write with history), and (c) django-import-export's plain row-by-row import of a 5,000-row slice.
Prints the figures, the ratio (b)/(a) against the target of 3, and the process's peak memory
against 500 MB.

    python benchmarks/bench_execution_import.py                      # temporary SQLite file
    python benchmarks/bench_execution_import.py --database-url postgres://postgres@127.0.0.1:5432/igm

With PostgreSQL the run uses a throw-away test database (``test_<name>``) and drops it at the end.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 3
TARGET_MEMORY_MB = 500
YEAR = 2025


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=100_000, help="filas del archivo (múltiplo de 10,000)")
    parser.add_argument("--slice", type=int, default=5_000, help="filas de la importación fila por fila")
    parser.add_argument("--database-url", default="", help="PostgreSQL; por omisión, SQLite temporal")
    return parser.parse_args()


def _setup(workdir: Path, database_url: str):
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "igm_plan.settings"
    os.environ["IGM_MEDIA_ROOT"] = str(workdir / "media")
    os.environ["IGM_MAX_UPLOAD_BYTES"] = str(200 * 1024 * 1024)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
        os.environ["IGM_VAR_DIR"] = str(workdir)
        os.environ["SQLITE_TEST_NAME"] = str(workdir / "bench.sqlite3")
    import django

    django.setup()
    from django.db import connection

    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return connection


def _timed(function):
    start = time.perf_counter()
    value = function()
    return time.perf_counter() - start, value


def _bare_parse(path: Path) -> int:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    count = sum(1 for _row in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    return count


def main() -> int:
    args = _arguments()
    with tempfile.TemporaryDirectory(prefix="bench-ejecucion-") as tmp:
        workdir = Path(tmp)
        connection = _setup(workdir, args.database_url)
        try:
            return _run(args, workdir, connection)
        finally:
            connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


def _world():
    """An institution as large as ten IGMs: 250 cost centres each producing 40 of its 400 subproducts,
    so ten months make 100,000 rows. Returns it, a planner of it and its (centre, subproduct) pairs."""
    from accounts.models import Role, User
    from seeding.synthetic import synthetic_build

    built = synthetic_build(
        code="SINT",
        start_year=YEAR,
        products=40,
        subproducts=10,
        cost_centres=250,
        subproducts_per_centre=40,
        execution=False,
        seed=2025,
    )
    institution = built.institutions[0]
    user = User.objects.create(username="bench-planner", role=Role.PLANNER, institution=institution)
    return institution, user, built.production


def _file_rows(production, months, *, seed: int):
    """The execution file's rows (the columns of ``IMPORT_COLUMNS``) from the synthetic figures."""
    from seeding.synthetic import synthetic_execution_rows

    for centre, subproduct, year, month, physical, financial in synthetic_execution_rows(
        production, years=[YEAR], months=months, seed=seed
    ):
        yield centre.code, subproduct.code, year, month, physical, financial, ""


def _write_xlsx(path: Path, rows) -> None:
    from openpyxl import Workbook

    from budget.resources import IMPORT_COLUMNS

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ejecución")
    sheet.append(list(IMPORT_COLUMNS))
    for row in rows:
        sheet.append([value if value != "" else None for value in row])
    workbook.save(path)


def _run(args, workdir: Path, connection) -> int:
    import tablib

    from budget.models import Execution
    from budget.resources import IMPORT_COLUMNS, ExecutionResource
    from budget.services import execution_file_import

    institution, user, production = _world()
    months = range(1, args.rows // len(production) + 1)
    path = workdir / "ejecucion.xlsx"
    _write_xlsx(path, _file_rows(production, months, seed=7))
    content = path.read_bytes()

    parse_seconds, parsed = _timed(lambda: _bare_parse(path))
    import_seconds, (upload, outcome) = _timed(
        lambda: execution_file_import(content=content, name=path.name, user=user, institution=institution)
    )
    if not outcome.ok:
        print("La importación fue rechazada:", outcome.errors[:5], file=sys.stderr)
        return 1
    reimport_seconds, (_upload, again) = _timed(
        lambda: execution_file_import(content=content, name=path.name, user=user, institution=institution)
    )

    # The plain import gets months the big file does not contain, so it creates rows as (b) did.
    plain_rows = list(_file_rows(production, [12], seed=11))[: args.slice]
    dataset = tablib.Dataset(
        *[[("" if v is None else v) for v in row] for row in plain_rows], headers=IMPORT_COLUMNS
    )
    plain_seconds, plain = _timed(
        lambda: ExecutionResource(institution=institution, user=user).import_data(dataset, raise_errors=True)
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rows = parsed - 1
    ratio = import_seconds / parse_seconds
    plain_rate = args.slice / plain_seconds
    full_rate = rows / import_seconds
    print(f"Base de datos: {connection.vendor} · archivo {path.stat().st_size / 1e6:.1f} MB, {rows:,} filas")
    print(f"(a) lectura openpyxl read-only:         {parse_seconds:8.2f} s")
    print(f"(b) importación validada completa:      {import_seconds:8.2f} s  ({outcome.created:,} creadas)")
    print(f"    razón (b)/(a):                      {ratio:8.2f}   (meta ≤ {TARGET_RATIO})")
    print(
        f"    reimportación sin cambios:          {reimport_seconds:8.2f} s  "
        f"({again.unchanged:,} sin cambios)"
    )
    print(
        f"(c) django-import-export fila por fila: {plain_seconds:8.2f} s  para {args.slice:,} filas "
        f"({plain.totals['new']:,} creadas); {plain_rate:,.0f} filas/s frente a {full_rate:,.0f} filas/s "
        f"(×{full_rate / plain_rate:.0f}); 100,000 filas tomarían ≈ {100_000 / plain_rate:,.0f} s"
    )
    print(f"Memoria máxima del proceso: {peak_mb:.0f} MB (meta < {TARGET_MEMORY_MB} MB)")
    assert Execution.objects.count() == rows + plain.totals["new"]
    return 0


if __name__ == "__main__":
    sys.exit(main())
