"""Benchmark: SIPLAN report to PDF for IGM 2024 period 3 and for synthetic institutions.

Prints, per institution: SQL queries to build the document (constant in the number of products),
query time, PDF time (wall and CPU, first and warm run), pages, pages per second and rows per
second, and the baseline measured in the same run: WeasyPrint laying out the report's HTML download
(the way the PDF was made before), its time and the ratio. Pages per second are compared among the
synthetic reports, whose pages are all full tables; IGM's four pages are a letter, two tables and a
page of notes, so its rate is set against theirs by rows. Runs on a throw-away SQLite database, so
it never touches your data:

    .venv/bin/python benchmarks/bench_report_pdf.py [--sizes 100 500 1000] [--baseline-up-to 500]
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
from django.template.loader import render_to_string  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from common.pdf import html_to_pdf_pages  # noqa: E402
from planning.models import Institution  # noqa: E402
from reporting.renderers.html import render_html  # noqa: E402
from reporting.renderers.pdf import render_pdf_document  # noqa: E402
from reporting.selectors.documents import live_report_document  # noqa: E402
from seeding.synthetic import synthetic_build  # noqa: E402

TARGET_SECONDS = 0.6  # IGM's report
TARGET_500_SECONDS = 6.0
FLAT_WITHIN = 0.20  # pages (or rows) per second, smallest against largest


ROUNDS = 8  # the first also loads fonts; the best of the others counts


def prepare(institution: Institution, label: str, subproducts: int) -> dict:
    """The document, the queries that build it, and its first PDF."""
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        document = live_report_document(institution=institution, year=2024, period=3)
    query_seconds = time.perf_counter() - start
    return {
        "document": document,
        "rows": sum(len(block.rows) for block in document.report.blocks),
        "label": label,
        "subproducts": subproducts,
        "queries": len(queries),
        "query_s": query_seconds,
        "runs": [],
        "baseline_s": None,
        "baseline_pages": None,
    }


def measure_in_rounds(results: list[dict]) -> None:
    """Every document once per round, round after round: a slow spell of this shared machine then
    slows one round of every size, not every run of one size, and the best run of each counts."""
    for _ in range(ROUNDS):
        for result in results:
            wall, cpu = time.perf_counter(), time.process_time()
            rendered = render_pdf_document(result["document"])
            result["runs"].append((time.perf_counter() - wall, time.process_time() - cpu))
            result["pages"] = rendered.pages
    for result in results:
        result["first_s"] = result["runs"][0][0]
        result["warm_s"], result["cpu_s"] = min(result["runs"][1:])
        result["pages_per_s"] = result["pages"] / result["warm_s"]
        result["rows_per_s"] = result["rows"] / result["warm_s"]


def measure_baseline(result: dict) -> None:
    """WeasyPrint laying out the report's HTML, as the PDF was made before: the stylesheet compiled
    once per process and fonts loaded once (a first layout), then timed."""
    css = render_to_string("reporting/document/document.css")
    html = render_html(result["document"]).decode().replace(f"<style>{css}</style>", "")
    html_to_pdf_pages(html, (css,))
    wall = time.perf_counter()
    _, result["baseline_pages"] = html_to_pdf_pages(html, (css,))
    result["baseline_s"] = time.perf_counter() - wall


def spread(rates: list[float]) -> float:
    return 1 - min(rates) / max(rates)


def print_targets(results: list[dict]) -> None:
    igm, *synthetic = results
    verdict = "cumple" if igm["warm_s"] < TARGET_SECONDS else "NO cumple"
    print(f"  Meta IGM < {TARGET_SECONDS:.1f} s: {verdict} ({igm['warm_s']:.2f} s).")
    for r in synthetic:
        if r["subproducts"] == 500:
            verdict = "cumple" if r["warm_s"] < TARGET_500_SECONDS else "NO cumple"
            print(f"  Meta 500 subproductos < {TARGET_500_SECONDS:.0f} s: {verdict} ({r['warm_s']:.2f} s).")
    pages = spread([r["pages_per_s"] for r in synthetic])
    verdict = "cumple" if pages <= FLAT_WITHIN else "NO cumple"
    first, last = synthetic[0], synthetic[-1]
    print(
        f"  pág/s parejas (±{FLAT_WITHIN:.0%}) de {first['pages']} a {last['pages']} páginas: {verdict} "
        f"(la menor {pages:.0%} bajo la mayor)."
    )
    rows = spread([r["rows_per_s"] for r in results])
    verdict = "cumple" if rows <= FLAT_WITHIN else "NO cumple"
    print(
        f"  filas/s parejas (±{FLAT_WITHIN:.0%}) de IGM ({igm['pages']} páginas) a {last['pages']} páginas: "
        f"{verdict} (la menor {rows:.0%} bajo la mayor)."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="*", default=[100, 500, 1000], help="Synthetic subproduct counts."
    )
    parser.add_argument(
        "--baseline-up-to",
        type=int,
        default=500,
        help="Lay out with WeasyPrint (the baseline) the reports of up to this many subproducts.",
    )
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_igm", verbosity=0)
    igm = Institution.objects.get(code="IGM")
    subproducts = sum(
        len(block.rows) for block in live_report_document(institution=igm, year=2024, period=3).report.blocks
    )
    results = [prepare(igm, "IGM 2024 C3", subproducts)]
    for size in options.sizes:
        built = synthetic_build(code=f"S{size}X", start_year=2024, products=size // 10, subproducts=10)
        results.append(prepare(built.institutions[0], f"Sintética {size} subproductos", size))
    measure_in_rounds(results)
    for result in results:
        if result["subproducts"] <= options.baseline_up_to:
            measure_baseline(result)
    header = f"{'reporte':32s} {'filas':>6s} {'SQL':>4s} {'consulta s':>10s} {'PDF 1ª s':>9s} {'PDF s':>7s} "
    print(header + f"{'CPU s':>6s} {'páginas':>7s} {'pág/s':>6s} {'filas/s':>7s}")
    for r in results:
        figures = (
            f"{r['queries']:4d} {r['query_s']:10.3f} {r['first_s']:9.2f} {r['warm_s']:7.2f} {r['cpu_s']:6.2f}"
        )
        rates = f"{r['pages']:7d} {r['pages_per_s']:6.1f} {r['rows_per_s']:7.0f}"
        print(f"{r['label']:32s} {r['rows']:6d} {figures} {rates}")
    print("\nLínea base en la misma corrida: WeasyPrint compone el HTML del reporte (como antes)")
    print(f"{'reporte':32s} {'páginas':>7s} {'WeasyPrint s':>12s} {'pág/s':>6s} {'× más rápido':>12s}")
    for r in results:
        if r["baseline_s"] is not None:
            rate = r["baseline_pages"] / r["baseline_s"]
            ratio = r["baseline_s"] / r["warm_s"]
            print(
                f"{r['label']:32s} {r['baseline_pages']:7d} {r['baseline_s']:12.2f} {rate:6.1f} {ratio:12.1f}"
            )
    print("\nMetas:")
    print_targets(results)
    print(f"Carga de la máquina: {' '.join(f'{load:.2f}' for load in os.getloadavg())} (1, 5, 15 min).")
    print(f"Consultas SQL constantes: {sorted({r['queries'] for r in results})}")


if __name__ == "__main__":
    main()
