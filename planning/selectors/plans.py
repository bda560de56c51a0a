"""Reads of institutions and plans, limited to what the user may see."""

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet

from planning.models import Institution, Plan, StrategicFrame


def institution_list_for_user(*, user) -> QuerySet[Institution]:
    institutions = Institution.objects.all()
    if user.is_superuser or user.institution_id is None:
        return institutions
    return institutions.filter(pk=user.institution_id)


def plan_list_for_user(*, user) -> QuerySet[Plan]:
    return Plan.objects.filter(institution__in=institution_list_for_user(user=user)).select_related(
        "institution"
    )


def plan_for_year(*, institution: Institution, year: int) -> Plan | None:
    """The operational plan that governs a year: its POA if there is one, else the POM covering it."""
    candidates = Plan.objects.filter(
        institution=institution,
        kind__in=[Plan.Kind.POA, Plan.Kind.POM],
        start_year__lte=year,
        end_year__gte=year,
    )
    # "POA" sorts before "POM": the annual plan wins when both cover the year.
    return candidates.order_by("kind", "-start_year").first()


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


def approved_plans(*, institution: Institution) -> QuerySet[Plan]:
    """The institution's approved plans, newest first (what the public may read)."""
    return institution.plans.filter(status=Plan.Status.APPROVED).order_by("-start_year", "kind")


def institution_directory() -> QuerySet[Institution]:
    """Every institution by name, marking those with a published strategic frame (one query)."""
    return Institution.objects.annotate(
        has_frame=Exists(StrategicFrame.objects.filter(institution=OuterRef("pk")))
    ).order_by("name")
