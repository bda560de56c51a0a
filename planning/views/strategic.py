"""The institution's strategic frame: read it with its history; planning staff edit it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from planning.forms import StrategicFrameForm
from planning.models import Institution
from planning.permissions import (
    institution_ensure_readable_by,
    strategic_frame_editable_by,
    strategic_frame_ensure_editable_by,
)
from planning.selectors.strategic import objective_areas, strategic_frame_changes, strategic_frame_of
from planning.services.strategic import FRAME_FIELDS, strategic_frame_save
from planning.views.common import changes_page, crumbs, edit


def _frame_crumbs(institution: Institution) -> list[tuple[str, str]]:
    url = reverse("planning:strategic_frame", args=[institution.pk])
    return [*crumbs(institution), (_("Marco estratégico"), url)]


@login_required
def strategic_frame_detail(request, pk: int):
    institution = get_object_or_404(Institution, pk=pk)
    institution_ensure_readable_by(user=request.user, institution=institution)
    frame = strategic_frame_of(institution=institution)
    return render(
        request,
        "planning/strategic_frame.html",
        {
            "institution": institution,
            "frame": frame,
            "areas": objective_areas(frame=frame) if frame else (),
            "changes": strategic_frame_changes(frame=frame, page_number=changes_page(request))
            if frame
            else None,
            "can_edit": strategic_frame_editable_by(user=request.user, institution=institution),
            "crumbs": _frame_crumbs(institution),
        },
    )


@login_required
def strategic_frame_edit(request, pk: int):
    institution = get_object_or_404(Institution, pk=pk)
    strategic_frame_ensure_editable_by(user=request.user, institution=institution)
    frame = strategic_frame_of(institution=institution)
    form = StrategicFrameForm(
        request.POST or None,
        instance=frame,
        values=frame.values.all() if frame else (),
        objectives=frame.objectives.all() if frame else (),
    )

    def save(form):
        strategic_frame_save(
            institution=institution,
            user=request.user,
            header={name: form.cleaned_data[name] for name in FRAME_FIELDS},
            values=form.cleaned_data["values_text"],
            objectives=form.cleaned_data["objectives_text"],
        )
        return institution

    return edit(
        request,
        form=form,
        save=save,
        context={"title": _("Editar marco estratégico"), "crumbs": _frame_crumbs(institution)},
        success_url=reverse("planning:strategic_frame", args=[institution.pk]),
    )
