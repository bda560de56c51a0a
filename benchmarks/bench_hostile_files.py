"""Benchmark: hostile execution files are cheap to refuse, on the upload page and in import_execution.

Builds (a) a ~1 MiB XLSX whose sheet inflates to 1 GiB, declaring that size; (b) the same bomb
declaring 1,000 bytes; (c) an XLSX of 200,000 rows that are all wrong. Each file is refused through
the web form (Django's test client, a logged-in planner) and through ``import_execution``, each in a
fresh process, measuring the seconds to refuse, how much the process's peak memory grew, and the
messages stored on the upload. (c) runs twice: with the default IGM_MAX_ROWS_PER_FILE (refused by
the row limit) and with a higher limit, so that every row is validated and the errors are capped.

Targets: the bomb refused in under 1 s with peak memory growing less than 50 MB; the 200,000 bad
rows refused in under 5 s with at most 200 stored messages.

    python benchmarks/bench_hostile_files.py
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GiB = 1 << 30
BAD_ROWS = 200_000
USERNAME = "bench-hostil"


def _django(workdir: Path, **environment) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ |= {
        "DJANGO_SETTINGS_MODULE": "igm_plan.settings",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "IGM_MEDIA_ROOT": str(workdir / "media"),
        "IGM_VAR_DIR": str(workdir),
    } | environment
    os.environ.pop("CELERY_BROKER_URL", None)
    import django

    django.setup()


def _prepare(workdir: Path) -> dict[str, Path]:
    """The database with a small institution and its planner, and the three files."""
    _django(workdir)
    from django.core.management import call_command
    from openpyxl import Workbook

    from accounts.models import Role, User
    from budget.execution_files import IMPORT_COLUMNS
    from seeding.synthetic import synthetic_build
    from tests.common.workbooks import zip_bomb

    call_command("migrate", verbosity=0)
    built = synthetic_build(
        code="HOST",
        start_year=2025,
        products=2,
        subproducts=2,
        cost_centres=2,
        subproducts_per_centre=2,
        execution=False,
    )
    User.objects.create(username=USERNAME, role=Role.PLANNER, institution=built.institutions[0])
    # The hidden bomb's sheet is rows, so that it is refused by what it really inflates to.
    row = b'<row r="2"><c r="A2"><v>1</v></c></row>'
    files = {
        "bomba-declarada.xlsx": zip_bomb(GiB),
        "bomba-encubierta.xlsx": zip_bomb(GiB, declared=1000, filler=row),
    }
    paths = {}
    for name, content in files.items():
        paths[name] = workdir / name
        paths[name].write_bytes(content)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ejecución")
    sheet.append(list(IMPORT_COLUMNS))
    for _number in range(BAD_ROWS):
        sheet.append(["CC-99", "S-99", 2025, 3, 1, 1, None])
    paths["filas-malas.xlsx"] = workdir / "filas-malas.xlsx"
    workbook.save(paths["filas-malas.xlsx"])
    return paths


def _refuse(workdir: Path, path: Path, route: str) -> dict:
    """In this fresh process: refuse the file by the web form or the command, and measure."""
    _django(workdir)
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import CommandError, call_command
    from django.test import Client

    from accounts.models import User
    from budget.models import Execution, ExecutionUpload

    user = User.objects.get(username=USERNAME)
    content = path.read_bytes()
    client = Client()
    client.force_login(user)
    client.get("/ejecucion/")  # a warm process: URLs, templates and views already loaded
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu = time.perf_counter(), time.process_time()
    if route == "web":
        client.post("/ejecucion/cargas/nueva/", {"file": SimpleUploadedFile(path.name, content)})
    else:
        with open(os.devnull, "w") as quiet, contextlib.suppress(CommandError):
            call_command("import_execution", str(path), "--user", USERNAME, stderr=quiet)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    upload = ExecutionUpload.objects.latest("id")
    return {
        "seconds": seconds,
        "cpu": cpu,
        "growth_mb": growth,
        "outcome": upload.outcome,
        "stored": len(upload.errors),
        "first": upload.errors[0]["message"] if upload.errors else "",
        "rows_written": Execution.objects.count(),
    }


def _child(*arguments: str, environment: dict | None = None) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, *arguments],
        cwd=ROOT,
        env=environment or os.environ,
        capture_output=True,
        text=True,
        check=False,
    )
    line = next((item for item in done.stdout.splitlines() if item.startswith("RESULT ")), None)
    if done.returncode or line is None:
        raise SystemExit(done.stdout + done.stderr)
    return json.loads(line[len("RESULT ") :])


def main() -> int:
    if len(sys.argv) == 2:  # a child: prepare the database and the files
        _prepare(Path(sys.argv[1]))
        print("RESULT {}")
        return 0
    if len(sys.argv) == 4:  # a child: workdir, file, route
        print("RESULT " + json.dumps(_refuse(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])))
        return 0
    uptime = subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    print(f"{time.strftime('%Y-%m-%d %H:%M')} · {os.cpu_count()} núcleos · uptime: {uptime}")
    with tempfile.TemporaryDirectory(prefix="bench-hostil-") as tmp:
        workdir = Path(tmp)
        _child(tmp)
        for path in sorted(workdir.glob("*.xlsx")):
            print(f"  {path.name}: {path.stat().st_size / (1 << 20):.2f} MiB")
        print(
            f"\n{'archivo':<22} {'vía':<8} {'filas máx.':<11} {'segundos':>8} {'CPU s':>6} "
            f"{'memoria +MB':>11} {'mensajes':>8}  primer mensaje"
        )
        cases = [(name, None) for name in ("bomba-declarada.xlsx", "bomba-encubierta.xlsx")]
        cases += [("filas-malas.xlsx", None), ("filas-malas.xlsx", 250_000)]
        for name, max_rows in cases:
            for route in ("web", "comando"):
                limit = {"IGM_MAX_ROWS_PER_FILE": str(max_rows)} if max_rows else {}
                result = _child(tmp, str(workdir / name), route, environment=os.environ | limit)
                assert result["outcome"] == "rejected" and result["rows_written"] == 0
                print(
                    f"{name:<22} {route:<8} {max_rows or 'omisión'!s:<11} {result['seconds']:8.2f} "
                    f"{result['cpu']:6.2f} {result['growth_mb']:11.1f} {result['stored']:8}  "
                    f"{result['first'][:60]}"
                )
    print("\nMetas: bomba < 1 s y < 50 MB de memoria; 200,000 filas malas < 5 s y ≤ 200 mensajes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
