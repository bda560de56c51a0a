"""The form behind one row of the multiannual goals grid: a subproduct's goals for every plan year."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.figures import MONEY


def _plain_number(value):
    """Accept figures as people type them: «Q 1,234.50», «1,225,189»."""
    if isinstance(value, str):
        return value.replace("Q", "").replace(",", "").strip()
    return value


class UnitsField(forms.IntegerField):
    def to_python(self, value):
        return super().to_python(_plain_number(value))


class MoneyField(forms.DecimalField):
    def to_python(self, value):
        return super().to_python(_plain_number(value))


class GoalRowForm(forms.Form):
    """Fields ``physical_<year>`` and ``financial_<year>`` for each year of the plan."""

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.years = tuple(years)
        for year in self.years:
            self.fields[f"physical_{year}"] = UnitsField(
                label=_("Meta física %(year)s") % {"year": year}, min_value=0, required=False
            )
            self.fields[f"financial_{year}"] = MoneyField(
                label=_("Meta financiera %(year)s") % {"year": year},
                min_value=Decimal("0"),
                required=False,
                **MONEY,
            )

    def clean(self):
        cleaned = super().clean()
        for year in self.years:
            physical, financial = cleaned.get(f"physical_{year}"), cleaned.get(f"financial_{year}")
            if (physical is None) != (financial is None) and not self.has_error(f"physical_{year}"):
                self.add_error(
                    f"physical_{year}" if physical is None else f"financial_{year}",
                    ValidationError(
                        _("Escriba la meta física y la financiera de %(year)s, o deje ambas vacías."),
                        params={"year": year},
                    ),
                )
        return cleaned

    def goal_values(self) -> dict[int, tuple[int, Decimal] | None]:
        values = {}
        for year in self.years:
            physical = self.cleaned_data.get(f"physical_{year}")
            financial = self.cleaned_data.get(f"financial_{year}")
            values[year] = None if physical is None else (physical, financial)
        return values
