"""Reads of institutions and plans, limited to what the user may see."""

from django.db.models import Count, Prefetch, QuerySet

from planning.models import Institution, Plan


def institution_list_for_user(*, user) -> QuerySet[Institution]:
    institutions = Institution.objects.all()
    if user.is_superuser or user.institution_id is None:
        return institutions
    return institutions.filter(pk=user.institution_id)


def plan_list_for_user(*, user) -> QuerySet[Plan]:
    return Plan.objects.filter(institution__in=institution_list_for_user(user=user)).select_related(
        "institution"
    )


def _operational_plans(year: int) -> QuerySet[Plan]:
    # "POA" sorts before "POM": the annual plan wins when both cover the year.
    return Plan.objects.filter(
        kind__in=[Plan.Kind.POA, Plan.Kind.POM], start_year__lte=year, end_year__gte=year
    ).order_by("kind", "-start_year")


def plan_for_year(*, institution: Institution, year: int) -> Plan | None:
    """The operational plan that governs a year: its POA if there is one, else the POM covering it."""
    return _operational_plans(year).filter(institution=institution).first()


def plans_for_year(*, institutions, year: int) -> dict[int, Plan]:
    """``plan_for_year`` of several institutions in one query: institution id → plan."""
    governing: dict[int, Plan] = {}
    for plan in _operational_plans(year).filter(institution__in=institutions):
        governing.setdefault(plan.institution_id, plan)
    return governing


def institution_workspace_list(*, user) -> QuerySet[Institution]:
    plans = Plan.objects.order_by("-start_year", "kind")
    return institution_list_for_user(user=user).prefetch_related(Prefetch("plans", queryset=plans))


def institution_plans(*, institution: Institution) -> QuerySet[Plan]:
    return institution.plans.annotate(
        result_count=Count("results", distinct=True), product_count=Count("products", distinct=True)
    ).order_by("-start_year", "kind")


def pom_years(*, pom: Plan) -> list[tuple[int, Plan | None]]:
    """Each year of a POM with the POA that governs it, if there is one (one query)."""
    annual = {
        plan.start_year: plan
        for plan in Plan.objects.filter(
            institution_id=pom.institution_id, kind=Plan.Kind.POA, start_year__in=pom.years
        )
    }
    return [(year, annual.get(year)) for year in pom.years]
