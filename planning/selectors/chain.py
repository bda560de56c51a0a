"""Reads of the results chain below a plan, and the choices its forms offer."""

from django.db.models import Count, QuerySet

from planning.models import Institution, Municipality, Plan, Product, ProgrammaticCategory, Result, Subproduct

# Units of measure of the MINFIN catalogue that IGM's plans use, offered first in the forms.
COMMON_UNITS = ("Persona", "Documento", "Evento", "Entidad", "Informe", "Servicio", "Delegación")


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
