"""The public transparency portal: no login, read-only, Spanish. Views parse the address, call one
selector of ``transparency.selectors`` and respond; ``public_page`` rate-limits and caches them."""

from __future__ import annotations

import hashlib

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from common.calendar import MONTH_ABBREVIATIONS, PERIOD_MONTHS, PERIODS, is_year, period_label
from monitoring.charts import dashboard_charts
from planning.models import Institution
from reporting.forms import VerifyForm
from reporting.signing import signature_verify
from transparency import selectors
from transparency.open_data import DATASETS, FORMATS, write_csv, write_json, write_xlsx
from transparency.public_pages import public_page

INSTITUTIONS_PER_PAGE = 50


def _institution(code: str) -> Institution:
    return get_object_or_404(Institution, code=code)


def _period(year: int, period: int) -> None:
    if not is_year(year) or period not in PERIODS:
        raise Http404


@require_safe
@public_page
def index(request):
    institutions = Paginator(selectors.portal_institutions(), INSTITUTIONS_PER_PAGE)
    return render(
        request, "transparency/index.html", {"institutions": institutions.get_page(request.GET.get("pagina"))}
    )


@require_safe
@public_page
def institution(request, code: str):
    portal = selectors.institution_portal(institution=_institution(code))
    return render(request, "transparency/institution.html", {"portal": portal, "periods": PERIODS})


@require_safe
@public_page
def execution(request, code: str, year: int, period: int):
    _period(year, period)
    institution = _institution(code)
    progress = selectors.public_execution(institution=institution, year=year, period=period)
    has_figures = selectors.execution_has_figures(progress)
    return render(
        request,
        "transparency/execution.html",
        {
            "institution": institution,
            "year": year,
            "period": period,
            "period_label": period_label(period),
            "month_names": [MONTH_ABBREVIATIONS[month - 1] for month in PERIOD_MONTHS[period]],
            "periods": PERIODS,
            "progress": progress,
            "has_figures": has_figures,
            "table": selectors.execution_table(progress) if has_figures else (),
            "charts": dashboard_charts(progress) if has_figures else None,
        },
    )


@require_safe
@public_page(cached=False)
def report_download(request, code: str, year: int, period: int):
    _period(year, period)
    document = selectors.public_report_document(institution=_institution(code), year=year, period=period)
    if document is None or not document.file:
        raise Http404
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=f"reporte-{code}-{year}-C{period}-firmado.pdf"
    )


@require_safe
@public_page
def report_verification(request, code: str, year: int, period: int):
    """Checks the stored signed PDF's signature now, on the server, and shows its SHA-256 so a
    visitor can compare it with the file they downloaded (or upload it on the verify page)."""
    _period(year, period)
    institution = _institution(code)
    document = selectors.public_report_document(institution=institution, year=year, period=period)
    if document is None or not document.file:
        raise Http404
    with document.file.open("rb") as handle:
        content = handle.read()
    return render(
        request,
        "transparency/verification.html",
        {
            "institution": institution,
            "year": year,
            "period": period,
            "result": signature_verify(content),
            "sha256": hashlib.sha256(content).hexdigest(),
            "checked_at": timezone.now(),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@public_page(cached=False)
def verify_upload(request):
    """A visitor uploads a PDF they hold; the page says whether its signature is valid and
    whether it is a report the portal publishes."""
    form = VerifyForm(request.POST or None, request.FILES or None)
    result, matches = None, ()
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"].read()
        result = signature_verify(content)
        matches = selectors.published_documents_with_digest(sha256=hashlib.sha256(content).hexdigest())
    return render(request, "transparency/verify.html", {"form": form, "result": result, "matches": matches})


@require_safe
@public_page
def open_data(request, code: str):
    portal = selectors.institution_portal(institution=_institution(code))
    return render(
        request,
        "transparency/open_data.html",
        {"portal": portal, "datasets": DATASETS.values(), "formats": FORMATS},
    )


@require_safe
@public_page
def open_data_file(request, code: str, dataset: str, fmt: str):
    if dataset not in DATASETS or fmt not in FORMATS:
        raise Http404
    institution = _institution(code)
    definition = DATASETS[dataset]
    rows = selectors.open_data_rows(institution=institution, dataset=dataset)
    if fmt == "csv":
        content = write_csv(definition, rows)
    elif fmt == "xlsx":
        content = write_xlsx(definition, rows)
    else:
        updated = selectors.institution_updated(institution=institution)
        content = write_json(
            definition, rows, institution=institution.name, updated=updated.isoformat() if updated else ""
        )
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{code}-{dataset}.{fmt}"'
    return response
