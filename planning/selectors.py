"""Reads of the results chain."""

from django.db.models import QuerySet

from .models import Institution, Plan


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
    # POA sorts after POM alphabetically; the annual plan wins when both cover the year.
    return candidates.order_by("-kind", "-start_year").first()


# --- Planning workspace (issue 5a) selectors below this line ---
# Imported here so the workspace's reads merge apart from the ones above.
from django.db.models import Count, Prefetch, Q  # noqa: E402

from .models import (  # noqa: E402
    Goal,
    Municipality,
    Product,
    ProgrammaticCategory,
    Reprogramming,
    Result,
    Subproduct,
)

# Units of measure of the MINFIN catalogue that IGM's plans use, offered first in the forms.
COMMON_UNITS = ("Persona", "Documento", "Evento", "Entidad", "Informe", "Servicio", "Delegación")


def institution_workspace_list(*, user) -> QuerySet[Institution]:
    plans = Plan.objects.order_by("-start_year", "kind")
    return institution_list_for_user(user=user).prefetch_related(Prefetch("plans", queryset=plans))


def institution_plans(*, institution: Institution) -> QuerySet[Plan]:
    return institution.plans.annotate(
        result_count=Count("results", distinct=True), product_count=Count("products", distinct=True)
    ).order_by("-start_year", "kind")


def plan_results(*, plan: Plan) -> QuerySet[Result]:
    return plan.results.annotate(product_count=Count("products")).order_by("position", "code")


def plan_products(
    *, plan: Plan, result: Result | None = None, without_result: bool = False
) -> QuerySet[Product]:
    products = plan.products.select_related("category__program", "result").annotate(
        subproduct_count=Count("subproducts")
    )
    if result is not None:
        products = products.filter(result=result)
    if without_result:
        products = products.filter(result__isnull=True)
    return products.order_by("position", "code")


def product_subproducts(*, product: Product) -> QuerySet[Subproduct]:
    return product.subproducts.annotate(goal_count=Count("goals")).order_by("position", "code")


def coverage_places(*, owner) -> dict:
    """Departments and municipalities of a product or subproduct, for display."""
    return {
        "departments": list(owner.departments.order_by("code")),
        "municipalities": list(owner.municipalities.select_related("department").order_by("code")),
    }


def owner_goals(*, owner: Product | Subproduct) -> QuerySet[Goal]:
    """The yearly goals of a subproduct, or the ones a plan declares for a product itself."""
    approved = Q(reprogrammings__status=Reprogramming.Status.APPROVED)
    return owner.goals.annotate(
        physical_reprogrammings=Count(
            "reprogrammings", filter=approved & Q(reprogrammings__measure="physical")
        ),
        financial_reprogrammings=Count(
            "reprogrammings", filter=approved & Q(reprogrammings__measure="financial")
        ),
        pending_reprogrammings=Count(
            "reprogrammings", filter=Q(reprogrammings__status=Reprogramming.Status.REQUESTED)
        ),
    ).order_by("year")


def goals_with_chain() -> QuerySet[Goal]:
    return Goal.objects.select_related("subproduct__product__plan__institution", "product__plan__institution")


def goal_reprogrammings(*, goal: Goal) -> QuerySet[Reprogramming]:
    return goal.reprogrammings.select_related("requested_by", "decided_by").order_by("-requested_at", "-id")


def goal_history(*, goal: Goal):
    """Every saved version of the goal, newest first, with who changed it and why."""
    return goal.history.select_related("history_user").order_by("-history_date", "-history_id")


def reprogramming_list(*, user, status: str = "") -> QuerySet[Reprogramming]:
    institutions = institution_list_for_user(user=user)
    reprogrammings = Reprogramming.objects.filter(
        Q(goal__subproduct__product__plan__institution__in=institutions)
        | Q(goal__product__plan__institution__in=institutions)
    ).select_related("goal__subproduct__product__plan", "goal__product__plan", "requested_by", "decided_by")
    if status:
        reprogrammings = reprogrammings.filter(status=status)
    return reprogrammings.order_by("-requested_at", "-id")


def reprogrammings_with_chain() -> QuerySet[Reprogramming]:
    return Reprogramming.objects.select_related(
        "goal__subproduct__product__plan__institution",
        "goal__product__plan__institution",
        "requested_by",
        "decided_by",
    )


def units_in_use(*, institution: Institution) -> list[str]:
    """The catalogue units first, then any other unit the institution's chain already uses."""
    used = set(Product.objects.filter(plan__institution=institution).values_list("unit", flat=True))
    used |= set(
        Subproduct.objects.filter(product__plan__institution=institution).values_list("unit", flat=True)
    )
    return list(COMMON_UNITS) + sorted(used - set(COMMON_UNITS))


def category_codes(*, institution: Institution) -> QuerySet[ProgrammaticCategory]:
    return ProgrammaticCategory.objects.filter(program__institution=institution).select_related("program")


def municipalities_by_department() -> QuerySet[Municipality]:
    return Municipality.objects.select_related("department").order_by("department__code", "code")
