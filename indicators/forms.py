"""Forms of the indicators pages: they parse and validate input; services write."""

from __future__ import annotations

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from common.calendar import year_validators
from common.figures import MONEY
from common.forms import TextLimitsMixin
from common.numbers import FigureField
from common.versions import VersionedFormMixin

from .models import SHEET_FIELDS, IndicatorSheet


class IndicatorSheetForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = IndicatorSheet
        fields = ["position", "product", *SHEET_FIELDS]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["product"].queryset = plan.products.order_by("position", "code")
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 2
        self.fields["position"].required = False
        self.saved_position = self.instance.position if self.instance.pk else 0

    def clean_position(self):
        """Blank keeps the sheet's place; a new sheet then goes last (0 tells the service)."""
        position = self.cleaned_data.get("position")
        return self.saved_position if position is None else position


class _UniqueYearFormSet(forms.BaseFormSet):
    """Rows keyed by year: blank rows are ignored, a year may appear once."""

    def clean(self):
        if any(self.errors):
            return
        years = [form.cleaned_data["year"] for form in self.kept_forms()]
        repeated = sorted({year for year in years if years.count(year) > 1})
        if repeated:
            raise forms.ValidationError(
                _("El año %(years)s aparece más de una vez.") % {"years": ", ".join(map(str, repeated))}
            )

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # The rows are table cells under column headers: each input carries its own accessible name.
        row = _("fila %(number)s") % {"number": index + 1} if index is not None else _("fila nueva")
        for field in form.fields.values():
            field.widget.attrs.setdefault("aria-label", f"{field.label}, {row}")

    def kept_forms(self):
        return [
            form
            for form in self.forms
            if form.cleaned_data and form.cleaned_data.get("year") and not form.cleaned_data.get("DELETE")
        ]


class SheetValueForm(TextLimitsMixin, forms.Form):
    year = forms.IntegerField(label=_("Año"), validators=year_validators)
    value = FigureField(label=_("Valor (%)"), **MONEY)


SheetValueFormSet = formset_factory(SheetValueForm, formset=_UniqueYearFormSet, extra=2, can_delete=True)


class TargetForm(TextLimitsMixin, forms.Form):
    """The sheet's row of the multiannual product-indicator table; all blank means no row."""

    unit = forms.CharField(label=_("Unidad de medida del producto"), max_length=60, required=False)
    baseline_year = forms.IntegerField(
        label=_("Año de línea base"), validators=year_validators, required=False
    )
    baseline_absolute = FigureField(label=_("Línea base (absoluto)"), required=False, **MONEY)
    baseline_relative = FigureField(label=_("Línea base (%)"), required=False, **MONEY)
    total_absolute = FigureField(label=_("Total multianual (absoluto)"), required=False, **MONEY)
    total_relative = FigureField(label=_("Total multianual (%)"), required=False, **MONEY)

    def clean(self):
        data = super().clean()
        filled = [name for name in self.fields if data.get(name) not in (None, "")]
        if filled and len(filled) < len(self.fields):
            for name in self.fields:
                if data.get(name) in (None, ""):
                    self.add_error(name, _("Complete este dato o deje toda la fila multianual en blanco."))
        return data

    @property
    def has_target(self) -> bool:
        return any(self.cleaned_data.get(name) not in (None, "") for name in self.fields)


class TargetYearForm(TextLimitsMixin, forms.Form):
    year = forms.IntegerField(label=_("Año"), validators=year_validators)
    absolute = FigureField(label=_("Meta (absoluto)"), **MONEY)
    relative = FigureField(label=_("Meta (%)"), **MONEY)


TargetYearFormSet = formset_factory(TargetYearForm, formset=_UniqueYearFormSet, extra=2, can_delete=True)
