"""The home page: the plans the user may read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from accounts.models import NATIONAL_HOME_ROLES
from planning.selectors.plans import plan_list_for_user


@login_required
def home(request):
    if request.user.role in NATIONAL_HOME_ROLES:
        return redirect("national:index")
    return render(request, "home.html", {"plans": plan_list_for_user(user=request.user)})
