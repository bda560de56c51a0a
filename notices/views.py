"""Each person's notices: read them, mark them read, silence a kind of reminder."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from notices.forms import SilenceForm
from notices.models import Kind, Notice
from notices.selectors import notice_list_for_user, silenced_kinds
from notices.services import notice_kind_silence, notice_mark_read, notices_mark_all_read

PER_PAGE = 30


@login_required
def notice_list(request):
    silenced = silenced_kinds(user=request.user)
    return render(
        request,
        "notices/list.html",
        {
            "notices": Paginator(notice_list_for_user(user=request.user), PER_PAGE).get_page(
                request.GET.get("pagina")
            ),
            "kinds": [(value, label, value in silenced) for value, label in Kind.choices],
        },
    )


@login_required
@require_POST
def notice_read(request, pk: int):
    notice = get_object_or_404(Notice, pk=pk)
    notice_mark_read(user=request.user, notice=notice)
    return redirect(notice.link if request.POST.get("abrir") else "notices:list")


@login_required
@require_POST
def notices_read_all(request):
    count = notices_mark_all_read(user=request.user)
    messages.success(request, _("%(count)s aviso(s) marcados como leídos.") % {"count": count})
    return redirect("notices:list")


@login_required
@require_POST
def kind_silence(request):
    form = SilenceForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Tipo de aviso no válido."))
    kind, silenced = form.cleaned_data["kind"], form.cleaned_data["silenced"]
    notice_kind_silence(user=request.user, kind=kind, silenced=silenced)
    label = Kind(kind).label
    messages.success(
        request,
        _("Ya no recibirá avisos de «%(kind)s».") % {"kind": label}
        if silenced
        else _("Volverá a recibir avisos de «%(kind)s».") % {"kind": label},
    )
    return redirect("notices:list")
