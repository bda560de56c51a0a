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
