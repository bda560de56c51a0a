"""Benchmark: SIPLAN report to PDF for IGM 2024 period 3 and for synthetic institutions.

Prints, per institution: SQL queries to build the document (constant in the number of products),
query time, PDF render time (wall and CPU, first and warm run), pages and pages per second; then
the same documents laid out as a report job does in a worker (in parts, one per CPU, when long).
Runs on a throw-away SQLite database, so it never touches your data:

    .venv/bin/python benchmarks/bench_report_pdf.py [--sizes 100 500]
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = tempfile.mkdtemp(prefix="igm-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/bench.sqlite3"
os.environ["IGM_VAR_DIR"] = WORKDIR
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "igm_plan.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from planning.models import Institution  # noqa: E402
from reporting.renderers.pdf import ROWS_PER_PART, render_pdf_document  # noqa: E402
from reporting.selectors.documents import live_report_document  # noqa: E402
from seeding.synthetic import synthetic_build  # noqa: E402

TARGET_SECONDS = 0.6  # IGM's report
TARGET_500_SECONDS = 6.0
FLAT_WITHIN = 0.20  # pages per second, smallest against largest


PROCESSES = os.cpu_count() or 1


def measure(institution: Institution, label: str, subproducts: int) -> dict:
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        document = live_report_document(institution=institution, year=2024, period=3)
    query_seconds = time.perf_counter() - start
    runs = []
    for _ in range(2):  # the first run also loads fonts and parses the stylesheet
        wall, cpu = time.perf_counter(), time.process_time()
        rendered = render_pdf_document(document)
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    warm_wall, warm_cpu = runs[-1]
    wall = time.perf_counter()
    in_parts = render_pdf_document(document, processes=PROCESSES)
    parts_wall = time.perf_counter() - wall
    return {
        "rows": sum(len(block.rows) for block in document.report.blocks),
        "parts": in_parts.parts,
        "parts_s": parts_wall,
        "parts_pages": in_parts.pages,
        "label": label,
        "subproducts": subproducts,
        "queries": len(queries),
        "query_s": query_seconds,
        "first_s": runs[0][0],
        "warm_s": warm_wall,
        "cpu_s": warm_cpu,
        "pages": rendered.pages,
        "pages_per_s": rendered.pages / warm_wall,
        "bytes": len(rendered.content),
    }


def print_targets(results: list[dict], *, seconds: str, pages: str) -> None:
    """The speed issue's three targets against one way of laying out (``seconds``, ``pages`` keys)."""
    igm, *synthetic = results
    verdict = "cumple" if igm[seconds] < TARGET_SECONDS else "NO cumple"
    print(f"  Meta IGM < {TARGET_SECONDS:.1f} s: {verdict} ({igm[seconds]:.2f} s).")
    for r in synthetic:
        if r["subproducts"] == 500:
            verdict = "cumple" if r[seconds] < TARGET_500_SECONDS else "NO cumple"
            print(f"  Meta 500 subproductos < {TARGET_500_SECONDS:.0f} s: {verdict} ({r[seconds]:.2f} s).")
    rates = [r[pages] / r[seconds] for r in results]
    spread = 1 - min(rates) / max(rates)
    verdict = "cumple" if spread <= FLAT_WITHIN else "NO cumple"
    print(f"  pág/s parejas (±{FLAT_WITHIN:.0%}): {verdict} (la menor {spread:.0%} bajo la mayor).")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="*", default=[100, 500], help="Synthetic subproduct counts."
    )
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_igm", verbosity=0)
    igm = Institution.objects.get(code="IGM")
    subproducts = sum(
        len(block.rows) for block in live_report_document(institution=igm, year=2024, period=3).report.blocks
    )
    results = [measure(igm, "IGM 2024 C3", subproducts)]
    for size in options.sizes:
        built = synthetic_build(code=f"S{size}", start_year=2024, products=size // 10, subproducts=10)
        institution = built.institutions[0]
        results.append(measure(institution, f"Sintética {size} subproductos", size))
    header = f"{'reporte':32s} {'filas':>6s} {'SQL':>4s} {'consulta s':>10s} {'PDF 1ª s':>9s} {'PDF s':>7s} "
    print(header + f"{'CPU s':>6s} {'páginas':>7s} {'pág/s':>6s}")
    for r in results:
        figures = (
            f"{r['queries']:4d} {r['query_s']:10.3f} {r['first_s']:9.2f} {r['warm_s']:7.2f} {r['cpu_s']:6.2f}"
        )
        print(f"{r['label']:32s} {r['subproducts']:6d} {figures} {r['pages']:7d} {r['pages_per_s']:6.1f}")
    print(
        f"\nComo en un trabajo de reporte: en partes de al menos {ROWS_PER_PART} filas, {PROCESSES} procesos"
    )
    print(
        f"{'reporte':32s} {'filas':>6s} {'partes':>6s} {'PDF s':>7s} {'páginas':>7s} {'pág/s':>6s} {'×':>5s}"
    )
    for r in results:
        rate = r["parts_pages"] / r["parts_s"]
        figures = f"{r['parts']:6d} {r['parts_s']:7.2f} {r['parts_pages']:7d} {rate:6.1f}"
        print(f"{r['label']:32s} {r['rows']:6d} {figures} {r['warm_s'] / r['parts_s']:5.2f}")
    print("\nUna sola composición:")
    print_targets(results, seconds="warm_s", pages="pages")
    print("En partes, como un trabajo de reporte:")
    print_targets(results, seconds="parts_s", pages="parts_pages")
    print(f"Carga de la máquina: {' '.join(f'{load:.2f}' for load in os.getloadavg())} (1, 5, 15 min).")
    print(f"Consultas SQL constantes: {sorted({r['queries'] for r in results})}")


if __name__ == "__main__":
    main()
