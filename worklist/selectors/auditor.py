"""The auditor's start: the latest changes to goals, reprogrammings and monthly reports."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse

from budget.models import ExecutionMonth
from common.calendar import MONTH_NAMES
from planning.models import Goal, Reprogramming
from worklist.selectors.items import Item, Queue

LATEST = 15
KINDS = {"+": "creó", "~": "modificó", "-": "eliminó"}


def _goal_change(version) -> Item:
    owner = version.subproduct or version.product
    return Item(
        f"Meta {owner.code} {version.year}",
        reverse("planning:goal_detail", args=[version.id]),
        detail=getattr(version, "history_change_reason", None) or "",
    )


def _reprogramming_change(version) -> Item:
    return Item(
        f"Reprogramación n.º {version.id} ({version.get_status_display()})",
        reverse("planning:reprogramming_detail", args=[version.id]),
    )


def _month_change(version) -> Item:
    centre = version.cost_centre
    return Item(
        f"{centre.code} {MONTH_NAMES[version.month - 1]} {version.year}: {version.get_status_display()}",
        reverse("budget:month", args=[centre.pk, version.year, version.month]),
        detail=version.comment,
    )


def auditor_changes_queue(*, user) -> Queue:
    """The newest versions of each kind, merged by date: three queries."""
    institution_id = user.institution_id
    sources = (
        (
            Goal.history.filter(
                Q(subproduct__product__plan__institution_id=institution_id)
                | Q(product__plan__institution_id=institution_id)
            ).select_related("history_user", "subproduct", "product"),
            _goal_change,
        ),
        (
            Reprogramming.history.filter(
                Q(goal__subproduct__product__plan__institution_id=institution_id)
                | Q(goal__product__plan__institution_id=institution_id)
            ).select_related("history_user"),
            _reprogramming_change,
        ),
        (
            ExecutionMonth.history.filter(cost_centre__institution_id=institution_id).select_related(
                "history_user", "cost_centre"
            ),
            _month_change,
        ),
    )
    versions = []
    for versions_of_kind, describe in sources:
        for version in versions_of_kind.order_by("-history_date", "-history_id")[:LATEST]:
            versions.append((version.history_date, version, describe))
    versions.sort(key=lambda found: found[0], reverse=True)
    items = []
    for when, version, describe in versions[:LATEST]:
        item = describe(version)
        who = version.history_user or "sistema"
        said = f"{who} {KINDS.get(version.history_type, '')} el {when:%d/%m/%Y %H:%M}"
        items.append(Item(item.text, item.url, detail=f"{said} · {item.detail}" if item.detail else said))
    return Queue(
        "ultimos-cambios",
        "Últimos cambios",
        tuple(items),
        "Aún no hay cambios registrados en su institución.",
        ("Ver los planes", reverse("planning:index")),
        pending=False,
    )
