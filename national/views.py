"""The national view's page and its consolidated exports (report jobs)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from reporting.permissions import reads_reports

from .charts import band_distribution_svg, progress_scatter_svg
from .exports import EXPORT_FORMATS, national_export_request
from .filtersets import NationalProgressFilterSet
from .permissions import ensure_national_reader, national_institutions
from .selectors import national_summary

LINES_PER_PAGE = 25


def national_filterset(request, data) -> NationalProgressFilterSet:
    ensure_national_reader(user=request.user)
    return NationalProgressFilterSet(
        data, queryset=national_institutions(user=request.user), today=timezone.localdate()
    )


@login_required
def index(request):
    filterset = national_filterset(request, request.GET)
    lines = filterset.national_progress() if filterset.is_valid() else []
    year, period = (
        filterset.year_period if filterset.is_valid() else (filterset.default_year, filterset.default_period)
    )
    summary = national_summary(lines=lines, year=year, period=period)
    page = Paginator(lines, LINES_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "national/index.html",
        {
            "filterset": filterset,
            "page": page,
            "summary": summary,
            "year": year,
            "period": period,
            # Every line shown is an institution the user may read; the role says whether it reads reports.
            "reads_reports": reads_reports(user=request.user),
            "band_chart": band_distribution_svg(summary),
            "scatter_chart": progress_scatter_svg(lines),
            "export_formats": EXPORT_FORMATS,
            "query": request.GET.urlencode(),
        },
    )


@login_required
@require_POST
def export(request):
    filterset = national_filterset(request, request.POST)
    if not filterset.is_valid() or request.POST.get("format") not in EXPORT_FORMATS:
        messages.error(request, "Revise los filtros y el formato de la exportación.")
        return redirect("national:index")
    job = national_export_request(
        user=request.user, format=request.POST["format"], parameters=filterset.form.cleaned_data
    )
    return redirect("reporting:job", pk=job.pk)
