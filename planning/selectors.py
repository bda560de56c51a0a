"""Reads of the results chain."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, ForeignKey, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.formats import date_format
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from common import formats as formatting

from .models import (
    Goal,
    Institution,
    Measure,
    Municipality,
    Plan,
    Product,
    ProgrammaticCategory,
    Reprogramming,
    Result,
    ResultTarget,
    Subproduct,
)


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


# --- Change history of any history-tracked object (auditors read it on each detail page) --------


CHANGES_PAGE_SIZE = 20
# Query-string parameter of the history's pages; other lists on the same page use ``pagina``.
CHANGES_PAGE_PARAM = "historial"


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    """One saved version: when, who, why, and what it changed against the version before it."""

    when: datetime.datetime
    who: str
    why: str
    subject: str  # empty for the object itself, e.g. «Meta anual 2027» for one of its rows
    kind: str  # simple-history's type: "+" created, "~" changed, "-" deleted
    fields: tuple[FieldChange, ...]


class RelatedHistory(NamedTuple):
    """Historical rows that belong to the object (a result's yearly targets), shown in its history."""

    versions: QuerySet
    subject: Callable[[object], str]  # names the row from its version, e.g. «Meta anual 2027»
    fields: tuple[str, ...] | None  # None: every tracked field


def object_changes(
    *,
    instance,
    fields: tuple[str, ...] | None = None,
    related: tuple[RelatedHistory, ...] = (),
    page_number=None,
) -> Page:
    """The object's saved versions (and its related rows'), newest first, 20 per page.

    Each version is compared with the version of the same row before it (``diff_against``);
    ``fields`` limits the comparison to those field names. A related row's creation or deletion
    lists the values it had; the object's own first version just says «Registro inicial».
    Queries do not grow with the versions shown: count, keys of the page, then per stream its
    versions and their predecessors, then one query per foreign key that changed.
    """
    streams = [RelatedHistory(instance.history.all(), lambda version: "", fields), *related]
    keys = None
    for position, stream in enumerate(streams):
        stream_keys = (
            stream.versions.order_by()
            .annotate(stream=Value(position))
            .values_list("stream", "history_id", "history_date")
        )
        keys = stream_keys if keys is None else keys.union(stream_keys, all=True)
    page = Paginator(keys.order_by("-history_date", "-history_id"), CHANGES_PAGE_SIZE).get_page(page_number)
    ids_by_stream: dict[int, list[int]] = {}
    for position, history_id, _date in page.object_list:
        ids_by_stream.setdefault(position, []).append(history_id)
    found = {
        (position, version.history_id): (version, previous)
        for position, ids in ids_by_stream.items()
        for version, previous in _versions_with_previous(streams[position].versions.model, ids)
    }
    versions = []
    for position, history_id, _date in page.object_list:
        version, previous = found[(position, history_id)]
        stream = streams[position]
        deltas = _field_deltas(version, previous, fields=stream.fields, list_values=position > 0)
        versions.append((version, stream.subject(version), deltas))
    names = _related_names([delta for _version, _subject, deltas in versions for delta in deltas])
    changes = [
        Change(
            when=version.history_date,
            who=str(version.history_user) if version.history_user_id else _("sistema"),
            why=version.history_change_reason or _change_kind_reason(version.history_type),
            subject=subject,
            kind=version.history_type,
            fields=tuple(
                FieldChange(
                    capfirst(field.verbose_name), _display(field, old, names), _display(field, new, names)
                )
                for field, old, new in deltas
            ),
        )
        for version, subject, deltas in versions
    ]
    return Page(changes, page.number, page.paginator)


def result_changes(*, result: Result, page_number=None) -> Page:
    """A result's history together with its yearly targets', also of the years since removed."""
    targets = RelatedHistory(
        ResultTarget.history.filter(result_id=result.pk),
        lambda version: _("Meta anual %(year)s") % {"year": version.year},
        ("value", "statement"),
    )
    return object_changes(instance=result, related=(targets,), page_number=page_number)


def _change_kind_reason(history_type: str) -> str:
    return {"+": _("Registro inicial"), "-": _("Eliminado")}.get(history_type, _("Cambio"))


def _versions_with_previous(model, ids: list[int]) -> list[tuple]:
    """Versions by history id, each with the version of the same row saved just before it."""
    pk = model.instance_type._meta.pk.attname
    earlier = (
        model._default_manager.filter(**{pk: OuterRef(pk)})
        .filter(
            Q(history_date__lt=OuterRef("history_date"))
            | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
        )
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    versions = list(
        model._default_manager.filter(history_id__in=ids)
        .select_related("history_user")
        .annotate(previous_id=Subquery(earlier))
    )
    previous_ids = [version.previous_id for version in versions if version.previous_id]
    previous = model._default_manager.in_bulk(previous_ids) if previous_ids else {}
    return [(version, previous.get(version.previous_id)) for version in versions]


def _field_deltas(version, previous, *, fields, list_values: bool) -> list[tuple]:
    """(field, old value, new value) in the model's field order.

    A change is compared with the previous version; a creation or deletion lists the row's
    values only when ``list_values`` (related rows: the object's page already shows its own).
    """
    names = [
        field.name
        for field in version.tracked_fields
        if field.editable and (fields is None or field.name in fields)
    ]
    if version.history_type == "~":
        if previous is None:  # saved before its history began: nothing to compare with
            return []
        changed = {
            change.field: change for change in version.diff_against(previous, included_fields=names).changes
        }
        return [
            (version._meta.get_field(name), changed[name].old, changed[name].new)
            for name in names
            if name in changed
        ]
    if not list_values:
        return []
    values = [(field, getattr(version, field.attname)) for field in map(version._meta.get_field, names)]
    kept = [(field, value) for field, value in values if value not in (None, "")]
    if version.history_type == "-":
        return [(field, value, None) for field, value in kept]
    return [(field, None, value) for field, value in kept]


def _related_names(deltas: list[tuple]) -> dict:
    """str() of every object a changed foreign key points to: one query per foreign key field."""
    wanted: dict = {}
    for field, old, new in deltas:
        if isinstance(field, ForeignKey):
            wanted.setdefault(field, set()).update(value for value in (old, new) if value is not None)
    names = {}
    for field, ids in wanted.items():
        related = field.related_model._base_manager.select_related().in_bulk(ids)
        for pk, obj in related.items():
            names[(field.name, pk)] = Truncator(str(obj)).chars(120)
    return names


def _display(field, value, names: dict) -> str:
    if value is None or value == "":
        return ""
    if isinstance(field, ForeignKey):
        return names.get((field.name, value), _("n.º %(id)s") % {"id": value})
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Sí") if value else _("No")
    if isinstance(value, Decimal):
        return formatting.quantity(value)
    if isinstance(value, datetime.date):
        return date_format(value, "d/m/Y")
    return str(value)


# --- Goals rolled up by the SIPLAN unit rule --------------------------------------------------


@dataclass(frozen=True)
class GoalFigures:
    physical_initial: Decimal
    physical_current: Decimal
    financial_initial: Decimal
    financial_current: Decimal
    physical_reprogrammings: int
    financial_reprogrammings: int


def reprogramming_count(measure: str, prefix: str = "") -> Count:
    return Count(
        f"{prefix}reprogrammings",
        filter=Q(
            **{
                f"{prefix}reprogrammings__status": Reprogramming.Status.APPROVED,
                f"{prefix}reprogrammings__measure": measure,
            }
        ),
        distinct=True,
    )


def goals_with_reprogramming_counts(*, plan: Plan, year: int) -> list[Goal]:
    return list(
        Goal.objects.filter(Q(product__plan=plan) | Q(subproduct__product__plan=plan), year=year).annotate(
            physical_reprogrammings=reprogramming_count(Measure.PHYSICAL),
            financial_reprogrammings=reprogramming_count(Measure.FINANCIAL),
        )
    )


def subproduct_goals_rolled_up(*, plan: Plan, year: int) -> dict[int, GoalFigures]:
    """A product's goal from its subproducts: physical of the same unit only, financial of all."""
    same_unit = Q(subproduct__unit=F("subproduct__product__unit"))
    rows = (
        Goal.objects.filter(subproduct__product__plan=plan, year=year)
        .values("subproduct__product_id")
        .annotate(
            physical_initial=Coalesce(Sum("physical_initial", filter=same_unit), 0),
            physical_current=Coalesce(Sum("physical_current", filter=same_unit), 0),
            financial_initial=Sum("financial_initial"),
            financial_current=Sum("financial_current"),
            physical_reprogrammings=Count(
                "reprogrammings",
                filter=same_unit
                & Q(
                    reprogrammings__status=Reprogramming.Status.APPROVED,
                    reprogrammings__measure=Measure.PHYSICAL,
                ),
                distinct=True,
            ),
            financial_reprogrammings=reprogramming_count(Measure.FINANCIAL),
        )
        .order_by()
    )
    return {row.pop("subproduct__product_id"): GoalFigures(**row) for row in rows}
