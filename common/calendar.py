"""The fiscal calendar every app speaks: years, months and four-month periods (cuatrimestres).

A period is Jan–Apr, May–Aug or Sep–Dec (DESIGN.md); the SIPLAN report is due 15 days after it ends.
"""

from django.core.validators import MaxValueValidator, MinValueValidator

YEAR_MIN, YEAR_MAX = 2000, 2100
MONTHS = tuple(range(1, 13))
PERIODS = (1, 2, 3)
PERIOD_MONTHS = {1: (1, 2, 3, 4), 2: (5, 6, 7, 8), 3: (9, 10, 11, 12)}
PERIOD_ORDINALS = {1: "Primer", 2: "Segundo", 3: "Tercer"}
PERIOD_SHORT = {1: "1er", 2: "2do", 3: "3er"}
MONTH_NAMES = (
    "Enero",
    "Febrero",
    "Marzo",
    "Abril",
    "Mayo",
    "Junio",
    "Julio",
    "Agosto",
    "Septiembre",
    "Octubre",
    "Noviembre",
    "Diciembre",
)
MONTH_ABBREVIATIONS = ("Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic")

year_validators = [MinValueValidator(YEAR_MIN), MaxValueValidator(YEAR_MAX)]
month_validators = [MinValueValidator(1), MaxValueValidator(12)]
period_validators = [MinValueValidator(1), MaxValueValidator(3)]


def is_year(value: int) -> bool:
    return YEAR_MIN <= value <= YEAR_MAX


def period_of_month(month: int) -> int:
    return (month - 1) // 4 + 1


def period_label(period: int) -> str:
    first, last = PERIOD_MONTHS[period][0], PERIOD_MONTHS[period][-1]
    return f"{MONTH_NAMES[first - 1].lower()} - {MONTH_NAMES[last - 1].lower()}"
