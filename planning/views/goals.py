"""A goal's page, where planners request reprogrammings, and the planning lead's decisions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from common.calendar import MONTH_NAMES
from common.formats import quetzales, units
from common.forms import text_from_query
from common.versions import VERSION_FIELD, StaleEdit, ensure_current, snapshot_read, snapshot_token
from planning.forms import ReprogrammingDecisionForm, ReprogrammingRequestForm
from planning.models import Goal, Measure, Reprogramming
from planning.permissions import (
    plan_ensure_readable_by,
    plans_ensure_readable_by,
    reprogramming_decidable_by,
    reprogrammings_ensure_requestable_by,
)
from planning.selectors.goals import (
    goal_history,
    goal_plan,
    goal_reprogrammings,
    goals_with_chain,
    plan_year_goals,
    reprogrammable_plans,
    reprogramming_list,
    reprogrammings_with_chain,
)
from planning.selectors.programming import goal_months
from planning.services.reprogrammings import (
    reprogramming_approve,
    reprogramming_reject,
    reprogramming_request,
)
from planning.views.common import apply_errors, crumbs, page, plan_context

GOAL_LABELS = {"physical": _("Meta física vigente"), "financial": _("Meta financiera vigente")}


def _goal_values(goal) -> dict[str, str]:
    """What a reprogramming request is asked against: the goal's current values."""
    return {"physical": units(goal.physical_current), "financial": quetzales(goal.financial_current)}


def _goal_crumbs(goal) -> list[tuple[str, str]]:
    label = _("Meta %(year)s") % {"year": goal.year}
    return [*crumbs(goal.owner), (label, reverse("planning:goal_detail", args=[goal.pk]))]


@login_required
def goal_detail(request, pk: int):
    """A goal's values, its reprogrammings and every saved version; planners request changes here."""
    goal = get_object_or_404(goals_with_chain(), pk=pk)
    plan = goal_plan(goal)
    plan_ensure_readable_by(user=request.user, plan=plan)
    programming = goal_months([goal]).get(goal.id, {})
    initial = {
        f"month_{month}": value
        for month, value in enumerate(
            programming.get(text_from_query(request.GET, "meta", default="physical"), ()), start=1
        )
    }
    initial[VERSION_FIELD] = snapshot_token(_goal_values(goal))
    form = ReprogrammingRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                stored = Goal.objects.select_for_update().get(pk=goal.pk)
                ensure_current(
                    read=snapshot_read(request.POST.get(VERSION_FIELD)),
                    current=_goal_values(stored),
                    labels=GOAL_LABELS,
                    history=stored.history.select_related("history_user")[:1],
                )
                reprogramming_request(goal=goal, user=request.user, **form.service_arguments())
        except StaleEdit as stale:
            form.data = form.data.copy()
            form.data[VERSION_FIELD] = stale.token
            apply_errors(form, stale)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Reprogramación solicitada; queda pendiente de la jefatura."))
            return redirect("planning:goal_detail", pk=goal.pk)
    return render(
        request,
        "planning/goal_detail.html",
        {
            **plan_context(request, plan),
            "goal": goal,
            "form": form,
            "programming": [(label, programming.get(measure)) for measure, label in Measure.choices],
            "reprogrammings": goal_reprogrammings(goal=goal),
            "versions": page(request, goal_history(goal=goal)),
            "crumbs": _goal_crumbs(goal),
        },
    )


@login_required
def reprogramming_index(request):
    plans_ensure_readable_by(user=request.user)
    status = text_from_query(request.GET, "estado", default=Reprogramming.Status.REQUESTED)
    if status not in Reprogramming.Status.values:
        status = ""
    return render(
        request,
        "planning/reprogramming_index.html",
        {
            "reprogrammings": page(request, reprogramming_list(user=request.user, status=status)),
            "status": status,
            "statuses": Reprogramming.Status.choices,
            "crumbs": [*crumbs(), (_("Reprogramaciones"), reverse("planning:reprogramming_index"))],
        },
    )


@login_required
def reprogramming_new(request):
    """Where a reprogramming starts: choose the approved plan, the year and the goal, whose page
    holds the request form."""
    reprogrammings_ensure_requestable_by(user=request.user)
    plans = list(reprogrammable_plans(user=request.user))
    plan = next((p for p in plans if str(p.pk) == request.GET.get("plan")), plans[0] if plans else None)
    year = None
    if plan is not None:
        asked = request.GET.get("anio", "")
        year = int(asked) if asked.isdigit() and int(asked) in plan.years else plan.start_year
    return render(
        request,
        "planning/reprogramming_new.html",
        {
            "plans": plans,
            "plan": plan,
            "year": year,
            "goals": plan_year_goals(plan=plan, year=year) if plan else (),
            "crumbs": [
                *crumbs(),
                (_("Reprogramaciones"), reverse("planning:reprogramming_index")),
                (_("Nueva"), reverse("planning:reprogramming_new")),
            ],
        },
    )


@login_required
def reprogramming_detail(request, pk: int):
    reprogramming = get_object_or_404(reprogrammings_with_chain(), pk=pk)
    goal = reprogramming.goal
    plan_ensure_readable_by(user=request.user, plan=goal_plan(goal))
    form = ReprogrammingDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decide = reprogramming_approve if form.cleaned_data["decision"] == "approve" else reprogramming_reject
        try:
            decide(
                reprogramming=reprogramming, user=request.user, comment=form.cleaned_data["decision_comment"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Decisión registrada."))
            return redirect("planning:goal_detail", pk=goal.pk)
    label = _("Reprogramación n.º %(id)s") % {"id": reprogramming.pk}
    months = [
        (name, old, new)
        for name, old, new in zip(
            MONTH_NAMES,
            reprogramming.old_months or [None] * 12,
            reprogramming.new_months or [None] * 12,
            strict=True,
        )
    ]
    return render(
        request,
        "planning/reprogramming_detail.html",
        {
            "reprogramming": reprogramming,
            "months": months if reprogramming.old_months or reprogramming.new_months else (),
            "goal": goal,
            "form": form,
            "can_decide": reprogramming_decidable_by(user=request.user, reprogramming=reprogramming)
            and reprogramming.status == Reprogramming.Status.REQUESTED,
            "crumbs": [*_goal_crumbs(goal), (label, reverse("planning:reprogramming_detail", args=[pk]))],
        },
    )
