"""generate_synthetic builds the national-scale dataset in the requested shape, once."""

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F

from budget.models import CostCentre, Execution
from planning.models import Goal, Institution, Subproduct


def test_builds_the_requested_shape(db):
    call_command(
        "generate_synthetic",
        institutions=2,
        years=2,
        products=3,
        subproducts=2,
        cost_centres=3,
        subproducts_per_centre=4,
        verbosity=0,
    )
    synthetic = Institution.objects.filter(code__startswith="SYN")
    assert synthetic.count() == 2
    assert Subproduct.objects.filter(product__plan__institution__in=synthetic).count() == 2 * 3 * 2
    assert Goal.objects.filter(subproduct__product__plan__institution__in=synthetic).count() == 12 * 2
    assert CostCentre.objects.filter(institution__in=synthetic).count() == 6
    # Each centre reports 4 of its institution's subproducts, every month of both years.
    executions = Execution.objects.filter(cost_centre__institution__in=synthetic)
    assert executions.count() == 6 * 4 * 2 * 12
    assert not executions.exclude(
        subproduct__product__plan__institution=F("cost_centre__institution")
    ).exists()


def test_refuses_to_run_twice_and_checks_its_arguments(db):
    call_command("generate_synthetic", institutions=1, years=1, verbosity=0)
    with pytest.raises(CommandError, match="Ya hay datos sintéticos"):
        call_command("generate_synthetic", institutions=1, years=1)
    with pytest.raises(CommandError, match="más subproductos"):
        call_command("generate_synthetic", products=1, subproducts=2, subproducts_per_centre=3)
