"""When a POA is created from the POM, its subproducts take over the POM's for that year: the cost
centres that produce them, and the year's execution already recorded against the POM's."""

from __future__ import annotations

from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from budget.models import CostCentre, Execution


def production_carry_over(*, year: int, subproducts: dict[int, int], user) -> None:
    """``subproducts`` maps each POM subproduct id to its POA copy (``annual_plan_create``)."""
    links = CostCentre.subproducts.through.objects.filter(subproduct_id__in=list(subproducts))
    CostCentre.subproducts.through.objects.bulk_create(
        [
            CostCentre.subproducts.through(
                costcentre_id=link.costcentre_id, subproduct_id=subproducts[link.subproduct_id]
            )
            for link in links
        ],
        ignore_conflicts=True,
    )
    moved = list(Execution.objects.filter(subproduct_id__in=list(subproducts), year=year))
    for execution in moved:
        execution.subproduct_id = subproducts[execution.subproduct_id]
    if moved:
        bulk_update_with_history(
            moved,
            Execution,
            ["subproduct"],
            default_user=user,
            default_change_reason=_("La ejecución de %(year)s pasa al subproducto del POA") % {"year": year},
        )
