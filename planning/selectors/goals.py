"""Reads of goals and their reprogrammings, and goals rolled up by the SIPLAN unit rule."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from common.figures import ZERO
from planning.models import Goal, Institution, Measure, Plan, Product, Reprogramming, Subproduct
from planning.selectors.plans import institution_list_for_user


def goal_plan(goal: Goal) -> Plan:
    product = goal.subproduct.product if goal.subproduct_id else goal.product
    return product.plan


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
    return goals_of_plans_with_reprogramming_counts(plans=[plan], year=year)


def goals_of_plans_with_reprogramming_counts(*, plans, year: int) -> list[Goal]:
    """The goals of several plans in one query (the national view reads every institution's).

    Products' and subproducts' goals are read as the two halves of a UNION: an OR across the two
    joins makes PostgreSQL scan every goal of the year (19 ms against 0.3 ms at 200 institutions)."""

    def counted(goals: QuerySet) -> QuerySet:
        return (
            goals.filter(year=year)
            .order_by()
            .annotate(
                physical_reprogrammings=reprogramming_count(Measure.PHYSICAL),
                financial_reprogrammings=reprogramming_count(Measure.FINANCIAL),
            )
        )

    # A goal belongs to a product or to a subproduct, never both (goal_product_xor_subproduct).
    products = counted(Goal.objects.filter(product__plan__in=plans))
    return list(products.union(counted(Goal.objects.filter(subproduct__product__plan__in=plans)), all=True))


def subproduct_goals_rolled_up(*, plan: Plan, year: int) -> dict[int, GoalFigures]:
    return subproduct_goals_of_plans_rolled_up(plans=[plan], year=year)


# subproduct id → (its product's id, whether its physical figures add to the product's)
UnitRule = dict[int, tuple[int, bool]]


def unit_rule(subproducts) -> UnitRule:
    """The SIPLAN unit rule for ``subproducts`` (with their product selected): a product adds the
    physical figures of the subproducts measured in its own unit, and the money of all."""
    return {sub.id: (sub.product_id, sub.unit == sub.product.unit) for sub in subproducts}


NO_GOAL = {
    "physical_initial": 0,
    "physical_current": 0,
    "financial_initial": ZERO,
    "financial_current": ZERO,
    "physical_reprogrammings": 0,
    "financial_reprogrammings": 0,
}


def goals_rolled_up(goals: list[Goal], rule: UnitRule) -> dict[int, GoalFigures]:
    """``subproduct_goals_rolled_up`` from goals already read with their reprogramming counts
    (``goals_with_reprogramming_counts``) instead of a second query; keyed by product."""
    sums: dict[int, dict] = {}
    for goal in goals:
        if goal.subproduct_id not in rule:
            continue  # a product's own goal
        product_id, adds_physical = rule[goal.subproduct_id]
        total = sums.setdefault(product_id, dict(NO_GOAL))
        for measure in ("physical", "financial") if adds_physical else ("financial",):
            for figure in ("initial", "current", "reprogrammings"):
                total[f"{measure}_{figure}"] += getattr(goal, f"{measure}_{figure}")
    return {product_id: GoalFigures(**total) for product_id, total in sums.items()}


def subproduct_goals_of_plans_rolled_up(*, plans, year: int) -> dict[int, GoalFigures]:
    """A product's goal from its subproducts: physical of the same unit only, financial of all.
    Keyed by product, so several plans go in one query."""
    same_unit = Q(subproduct__unit=F("subproduct__product__unit"))
    rows = (
        Goal.objects.filter(subproduct__product__plan__in=plans, year=year)
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


def approved_plan_goals(*, institution: Institution) -> QuerySet[Goal]:
    """Every goal of the institution's approved plans, product goals and subproduct goals, with
    their chain, in plan and chain order (one query)."""
    approved = Plan.Status.APPROVED
    return (
        Goal.objects.filter(
            Q(product__plan__institution=institution, product__plan__status=approved)
            | Q(
                subproduct__product__plan__institution=institution, subproduct__product__plan__status=approved
            )
        )
        .select_related("product__plan", "subproduct__product__plan")
        .order_by(
            Coalesce("product__plan__start_year", "subproduct__product__plan__start_year"),
            Coalesce("product__plan__kind", "subproduct__product__plan__kind"),
            "year",
            Coalesce("product__code", "subproduct__product__code"),
            "subproduct__code",
        )
    )


def reprogrammable_plans(*, user) -> QuerySet[Plan]:
    """Approved plans of the user's institution: their goals change only by reprogramming."""
    return (
        Plan.objects.filter(institution_id=user.institution_id, status=Plan.Status.APPROVED)
        .select_related("institution")
        .order_by("-start_year", "kind")
    )


def plan_year_goals(*, plan: Plan, year: int) -> QuerySet[Goal]:
    """A plan's goals of one year, subproducts and products' own, in chain order (one query)."""
    return (
        goals_with_chain()
        .filter(Q(subproduct__product__plan=plan) | Q(product__plan=plan), year=year)
        .order_by("subproduct__product__code", "product__code", "subproduct__code")
    )
