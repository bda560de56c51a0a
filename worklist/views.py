"""The home page: the user's work queue, then the plans they may read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from planning.selectors.plans import plan_list_for_user
from worklist.selectors import worklist_for


@login_required
def home(request):
    if request.user.follows_every_institution:
        return redirect("national:index")
    worklist = worklist_for(user=request.user, today=timezone.localdate())
    return render(
        request,
        "worklist/home.html",
        {"worklist": worklist, "plans": plan_list_for_user(user=request.user)},
    )
