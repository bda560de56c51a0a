"""Reads of institutions and plans, limited to what the user may see."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from planning.models import Institution, Plan, StrategicFrame


def institution_list_for_user(*, user) -> QuerySet[Institution]:
    institutions = Institution.objects.all()
    if user.is_superuser or user.institution_id is None:
        return institutions
    return institutions.filter(pk=user.institution_id)


def institution_search(queryset: QuerySet, text: str, *, prefix: str = "") -> QuerySet:
    """Rows whose institution's name or code (siglas) contains ``text``; all when it is blank."""
    text = (text or "").strip()
    if not text:
        return queryset
    return queryset.filter(Q(**{f"{prefix}name__icontains": text}) | Q(**{f"{prefix}code__icontains": text}))


def institution_chosen(*, user, code: str | None) -> Institution | None:
    """The institution a page shows: ``?institucion=CODE`` among those the user reads, else the
    user's own, else the first by code (SEGEPLAN reads every institution and has none)."""
    institutions = institution_list_for_user(user=user).order_by("code")
    chosen = (
        (institutions.filter(code=code).first() or institution_search(institutions, code).first())
        if code
        else None
    )
    if chosen is None and user.institution_id is not None:
        chosen = institutions.filter(pk=user.institution_id).first()
    return chosen or institutions.first()


def institution_choices(*, user) -> list[tuple[str, str]]:
    """(code, name) of every institution, for the picker of those who read them all; else none."""
    if user.institution_id is not None and not user.is_superuser:
        return []
    return list(institution_list_for_user(user=user).order_by("code").values_list("code", "name"))


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


def plan_ids_for_year(*, institutions, year: int) -> dict[int, int]:
    """``plan_for_year`` of several institutions in one query: institution id → plan id (the
    national view reads every institution's; ids spare it building hundreds of plans)."""
    governing: dict[int, int] = {}
    for institution_id, plan_id in (
        _operational_plans(year).filter(institution__in=institutions).values_list("institution_id", "id")
    ):
        governing.setdefault(institution_id, plan_id)
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


def approved_plans(*, institution: Institution) -> QuerySet[Plan]:
    """The institution's approved plans, newest first (what the public may read)."""
    return institution.plans.filter(status=Plan.Status.APPROVED).order_by("-start_year", "kind")


def institution_directory() -> QuerySet[Institution]:
    """Every institution by name, marking those with a published strategic frame (one query)."""
    return Institution.objects.annotate(
        has_frame=Exists(StrategicFrame.objects.filter(institution=OuterRef("pk")))
    ).order_by("name")
