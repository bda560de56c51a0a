"""Benchmark of the monthly execution import, on SQLite and on PostgreSQL in one run.

Builds a 100,000-row execution file with the synthetic builder (``seeding.synthetic``) and, for each
database, measures: the bare parse of the file with openpyxl in read-only mode (the old reader) and
with python-calamine (the reader the product uses); (b) the full validated import (archive checks,
read, SHA-256, stored copy, validation of every row, bulk write with history, the upload's outcome);
(r) the unchanged re-import; (c) django-import-export's plain row-by-row import of a slice. Prints
wall and CPU seconds, the ratios of (b) and (r) to each bare parse against the targets (b ≤ 1.0 ×
openpyxl, r ≤ 0.6 × openpyxl) and the peak memory of each database's process against 250 MB.

    python benchmarks/bench_execution_import.py                                  # SQLite only
    python benchmarks/bench_execution_import.py --database-url postgres://postgres@127.0.0.1:5432/igm
    python benchmarks/bench_execution_import.py --profile                        # cProfile of (b)

Each database runs in its own process (Django binds one database per process); PostgreSQL uses a
throw-away test database (``test_<name>``) dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_IMPORT = 1.0  # (b) / openpyxl parse
TARGET_REIMPORT = 0.6  # (r) / openpyxl parse
TARGET_MEMORY_MB = 250
YEAR = 2025


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=100_000, help="filas del archivo (múltiplo de 10,000)")
    parser.add_argument("--slice", type=int, default=2_000, help="filas de la importación fila por fila")
    parser.add_argument("--database-url", default="", help="PostgreSQL, además de SQLite")
    parser.add_argument("--profile", action="store_true", help="perfil (cProfile) de la importación completa")
    parser.add_argument("--only", default="", help=argparse.SUPPRESS)  # one database, in a child process
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
    wall, cpu = time.perf_counter(), time.process_time()
    value = function()
    return (time.perf_counter() - wall, time.process_time() - cpu), value


def _openpyxl_parse(path: Path) -> int:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    count = sum(1 for _row in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    return count


def _calamine_parse(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(str(path)) as workbook:
        return sum(1 for _row in workbook.get_sheet_by_index(0).iter_rows())


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

    from budget.execution_files import IMPORT_COLUMNS

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ejecución")
    sheet.append(list(IMPORT_COLUMNS))
    for row in rows:
        sheet.append([value if value != "" else None for value in row])
    workbook.save(path)


def _profiled(function):
    import cProfile
    import io
    import pstats

    profile = cProfile.Profile()
    value = profile.runcall(function)
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(15)
    return value, out.getvalue()


def _measure(args, workdir: Path, connection) -> dict:
    import tablib

    from budget.execution_files import IMPORT_COLUMNS, ExecutionResource
    from budget.models import Execution
    from budget.services.uploads import execution_file_import

    institution, user, production = _world()
    months = range(1, args.rows // len(production) + 1)
    path = workdir / "ejecucion.xlsx"
    _write_xlsx(path, _file_rows(production, months, seed=7))
    content = path.read_bytes()
    figures = {"database": connection.vendor, "size_mb": path.stat().st_size / 1e6}

    figures["openpyxl"], parsed = _timed(lambda: _openpyxl_parse(path))
    figures["calamine"], _count = _timed(lambda: _calamine_parse(path))

    def full_import():
        return execution_file_import(content=content, name=path.name, user=user, institution=institution)

    if args.profile:
        figures["import"], ((_upload, outcome), figures["profile"]) = _timed(lambda: _profiled(full_import))
    else:
        figures["import"], (_upload, outcome) = _timed(full_import)
    if not outcome.ok:
        raise SystemExit(f"La importación fue rechazada: {outcome.errors[:5]}")
    figures["reimport"], (_upload, again) = _timed(full_import)
    figures |= {"rows": parsed - 1, "created": outcome.created, "unchanged": again.unchanged}

    # The plain import gets months the big file does not contain, so it creates rows as (b) did.
    if args.slice:
        plain_rows = list(_file_rows(production, [12], seed=11))[: args.slice]
        dataset = tablib.Dataset(
            *[[("" if v is None else v) for v in row] for row in plain_rows], headers=IMPORT_COLUMNS
        )
        resource_ = ExecutionResource(institution=institution, user=user)
        figures["plain"], plain = _timed(lambda: resource_.import_data(dataset, raise_errors=True))
        figures["plain_created"] = plain.totals["new"]
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert Execution.objects.count() == figures["rows"] + figures.get("plain_created", 0)
    return figures


def _child(args) -> int:
    database_url = "" if args.only == "sqlite" else args.database_url
    with tempfile.TemporaryDirectory(prefix="bench-ejecucion-") as tmp:
        connection = _setup(Path(tmp), database_url)
        try:
            figures = _measure(args, Path(tmp), connection)
        finally:
            connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
    print("RESULT " + json.dumps(figures))
    return 0


def _report(figures: dict) -> None:
    """Print one database's figures and whether its targets are met."""
    (a_wall, a_cpu), (k_wall, k_cpu) = figures["openpyxl"], figures["calamine"]
    b_wall, r_wall = figures["import"][0], figures["reimport"][0]
    print(
        f"\nBase de datos: {figures['database']} · archivo {figures['size_mb']:.1f} MB, "
        f"{figures['rows']:,} filas ((b) creó {figures['created']:,}; (r) halló {figures['unchanged']:,} "
        f"sin cambios)\n{'':38} {'pared':>9} {'CPU':>9}   ÷openpyxl (pared/CPU)  "
        "÷calamine (pared/CPU)"
    )
    for label, (wall, cpu) in (
        ("(a) lectura openpyxl read-only", figures["openpyxl"]),
        ("(k) lectura python-calamine", figures["calamine"]),
        ("(b) importación validada completa", figures["import"]),
        ("(r) reimportación sin cambios", figures["reimport"]),
    ):
        print(
            f"{label:<38} {wall:7.2f} s {cpu:7.2f} s   {wall / a_wall:6.2f} / {cpu / a_cpu:5.2f}"
            f"          {wall / k_wall:6.2f} / {cpu / k_cpu:5.2f}"
        )
    if "plain" in figures:
        plain_wall = figures["plain"][0]
        rate, full_rate = figures["plain_created"] / plain_wall, figures["rows"] / b_wall
        print(
            f"(c) django-import-export fila por fila: {plain_wall:.2f} s para {figures['plain_created']:,} "
            f"filas ({rate:,.0f} filas/s frente a {full_rate:,.0f} filas/s, ×{full_rate / rate:.0f})"
        )
    met = (
        b_wall / a_wall <= TARGET_IMPORT
        and r_wall / a_wall <= TARGET_REIMPORT
        and figures["peak_mb"] <= TARGET_MEMORY_MB
    )
    print(
        f"Metas: (b)/(a) {b_wall / a_wall:.2f} ≤ {TARGET_IMPORT} · (r)/(a) {r_wall / a_wall:.2f} ≤ "
        f"{TARGET_REIMPORT} · memoria máxima {figures['peak_mb']:.0f} MB ≤ {TARGET_MEMORY_MB} MB: "
        + ("cumplidas" if met else "NO cumplidas")
    )
    if "profile" in figures:
        print(figures["profile"])


def main() -> int:
    args = _arguments()
    if args.only:
        return _child(args)
    uptime = subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    print(f"{time.strftime('%Y-%m-%d %H:%M')} · {os.cpu_count()} núcleos · uptime: {uptime}")
    for database in ["sqlite"] + (["postgresql"] if args.database_url else []):
        command = [sys.executable, __file__, "--only", database, "--rows", str(args.rows)]
        command += ["--slice", str(args.slice), "--database-url", args.database_url]
        command += ["--profile"] if args.profile else []
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
        result = next((line for line in done.stdout.splitlines() if line.startswith("RESULT ")), None)
        if done.returncode or result is None:
            print(done.stdout + done.stderr, file=sys.stderr)
            return 1
        _report(json.loads(result[len("RESULT ") :]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
