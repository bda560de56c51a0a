"""The POM matrices of a plan, downloaded as XLSX or PDF."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from planning.matrices.pdf import matrices_pdf
from planning.matrices.xlsx_writer import matrices_xlsx
from planning.selectors.matrices import pom_matrices
from planning.views.common import readable_plan

MATRIX_FORMATS = {
    "xlsx": (matrices_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pdf": (matrices_pdf, "application/pdf"),
}


@login_required
def plan_matrices(request, plan_id: int, fmt: str):
    if fmt not in MATRIX_FORMATS:
        raise Http404(_("Formato desconocido."))
    plan = readable_plan(request.user, plan_id)
    writer, content_type = MATRIX_FORMATS[fmt]
    response = HttpResponse(writer(pom_matrices(plan=plan)), content_type=content_type)
    filename = f"matrices-{plan.institution.code}-{plan.kind}-{plan.start_year}-{plan.end_year}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
