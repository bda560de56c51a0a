"""Forms of the planning workspace: they parse and validate input; the services write."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from common.figures import MONEY
from common.forms import TextLimitsMixin
from common.numbers import FigureField, MoneyField, NumberError, UnitsField, read_number
from common.versions import VERSION_FIELD, VersionedFormMixin
from planning.models import (
    Department,
    Institution,
    Measure,
    Plan,
    Product,
    Result,
    StrategicFrame,
    Subproduct,
)
from planning.selectors.chain import category_codes, municipalities_by_department, units_in_use
from planning.services.chain import CATEGORY_CODE
from planning.services.strategic import FRAME_FIELDS

ods_validator = RegexValidator(
    r"^\d{1,2}\.[0-9a-z]{1,2}(\s*,\s*\d{1,2}\.[0-9a-z]{1,2})*$",
    _("Escriba las metas ODS separadas por comas, p. ej. «5.2, 16.5»."),
)
code_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9.\-]*$", _("Use letras, dígitos, puntos o guiones, sin espacios.")
)
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class WorkspaceFormMixin:
    """The generic form page lays out ``main_fields``; coverage and yearly targets have their own blocks."""

    COVERAGE_FIELDS = ("is_national", "departments", "municipalities")

    def is_main_field(self, name: str) -> bool:
        return name not in self.COVERAGE_FIELDS and name != VERSION_FIELD

    @property
    def main_fields(self):
        return [field for field in self if self.is_main_field(field.name)]


class InstitutionForm(TextLimitsMixin, VersionedFormMixin, WorkspaceFormMixin, forms.ModelForm):
    class Meta:
        model = Institution
        fields = ["code", "budget_code", "name", "head_name", "head_title", "address", "phone", "email"]


class PlanForm(TextLimitsMixin, VersionedFormMixin, WorkspaceFormMixin, forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["kind", "name", "start_year", "end_year", "status", "approval_act", "approval_date"]
        widgets = {"approval_date": DATE_INPUT}

    def clean(self):
        data = super().clean()
        start, end, kind = data.get("start_year"), data.get("end_year"), data.get("kind")
        if start and end and end < start:
            self.add_error("end_year", _("El año final no puede ser anterior al inicial."))
        elif start and end and kind == Plan.Kind.POA and start != end:
            self.add_error(
                "end_year", _("Un POA abarca un solo año: el año final debe ser igual al inicial.")
            )
        return data


class UnitChoiceField(forms.ChoiceField):
    """Unit of measure from the catalogue plus the units the institution already uses."""

    def __init__(self, *, institution: Institution, **kwargs):
        units = units_in_use(institution=institution)
        super().__init__(choices=[("", "---------"), *((u, u) for u in units)], **kwargs)


class MunicipalityWidget(forms.SelectMultiple):
    """Each town carries its department so the page can show only the towns of ticked departments."""

    def create_option(self, *args, **kwargs):
        option = super().create_option(*args, **kwargs)
        value = option["value"]
        if hasattr(value, "instance"):
            option["attrs"]["data-department"] = value.instance.department_id
        return option


class CoverageFormMixin:
    """National flag plus departments and municipalities from the official list."""

    def add_coverage_fields(self):
        self.fields["departments"] = forms.ModelMultipleChoiceField(
            queryset=Department.objects.all(),
            required=False,
            label=_("Departamentos"),
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["municipalities"] = forms.ModelMultipleChoiceField(
            queryset=municipalities_by_department(),
            required=False,
            label=_("Municipios"),
            help_text=_("Opcional. Solo municipios de los departamentos elegidos."),
            widget=MunicipalityWidget(attrs={"class": "coverage-municipalities", "size": 10}),
        )
        if self.instance.pk:
            self.initial.setdefault("departments", list(self.instance.departments.all()))
            self.initial.setdefault("municipalities", list(self.instance.municipalities.all()))


class ResultForm(TextLimitsMixin, VersionedFormMixin, WorkspaceFormMixin, forms.ModelForm):
    ods_targets = forms.CharField(
        label=_("Metas ODS"),
        max_length=200,
        required=False,
        validators=[ods_validator],
        help_text=_("P. ej. 5.2, 16.5"),
    )

    class Meta:
        model = Result
        fields = [
            "code",
            "position",
            "level",
            "description",
            "unit",
            "baseline_year",
            "baseline_value",
            "pgg_axis",
            "pgg_objective",
            "pgg_statement",
            "ods_targets",
            "pnd_priorities",
        ]
        field_classes = {"baseline_value": FigureField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "pgg_objective": forms.Textarea(attrs={"rows": 2}),
            "pgg_statement": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["code"].validators.append(code_validator)
        self.fields["unit"] = UnitChoiceField(institution=plan.institution, label=_("Unidad de medida"))
        existing = {t.year: t for t in self.instance.targets.all()} if self.instance.pk else {}
        for year in plan.years:
            target = existing.get(year)
            self.fields[f"target_{year}"] = FigureField(
                label=str(year),
                required=False,
                min_value=0,
                max_digits=16,
                decimal_places=2,
                initial=target.value if target else None,
            )
            statement_label = _("Enunciado %(year)s") % {"year": year}
            self.fields[f"statement_{year}"] = forms.CharField(
                label=statement_label,
                required=False,
                initial=target.statement if target else "",
                # The table shows no label beside it: the column header names it for the eye only.
                widget=forms.Textarea(attrs={"rows": 2, "aria-label": statement_label}),
            )

    def is_main_field(self, name: str) -> bool:
        return not name.startswith(("target_", "statement_"))

    @property
    def target_rows(self):
        return [(year, self[f"target_{year}"], self[f"statement_{year}"]) for year in self.plan.years]

    def clean_baseline_year(self):
        year = self.cleaned_data["baseline_year"]
        if year > self.plan.start_year:
            raise forms.ValidationError(
                _("La línea base no puede ser posterior al inicio del plan (%(year)s).")
                % {"year": self.plan.start_year}
            )
        return year

    def clean(self):
        data = super().clean()
        previous = data.get("baseline_value")
        for year in self.plan.years:
            value = data.get(f"target_{year}")
            if value is None:
                if data.get(f"statement_{year}"):
                    self.add_error(f"target_{year}", _("Escriba la meta del año o borre su enunciado."))
                continue
            # The targets are cumulative: a year never promises less than the one before.
            if previous is not None and value < previous:
                self.add_error(
                    f"target_{year}",
                    _("La meta es acumulada: no puede ser menor que la anterior (%(prev)s).")
                    % {"prev": previous},
                )
            previous = value
        return data

    @property
    def targets(self) -> dict:
        data = self.cleaned_data
        return {
            year: (data[f"target_{year}"], data.get(f"statement_{year}", ""))
            for year in self.plan.years
            if data.get(f"target_{year}") is not None
        }


class ProductForm(
    TextLimitsMixin, VersionedFormMixin, WorkspaceFormMixin, CoverageFormMixin, forms.ModelForm
):
    category_code = forms.CharField(
        label=_("Categoría programática"),
        max_length=13,
        help_text=_("Programa-subprograma-proyecto-actividad, p. ej. 11-00-000-002."),
        widget=forms.TextInput(attrs={"list": "category-codes", "placeholder": "11-00-000-002"}),
    )
    category_name = forms.CharField(
        label=_("Descripción de la actividad"),
        required=False,
        max_length=200,
        help_text=_("Solo si la categoría aún no está registrada."),
    )

    class Meta:
        model = Product
        fields = [
            "code",
            "position",
            "name",
            "result",
            "unit",
            "responsible_units",
            "pgg_major_contribution",
            "is_national",
        ]
        widgets = {"responsible_units": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].validators.append(code_validator)
        self.fields["result"].queryset = plan.results.all()
        self.fields["result"].empty_label = _("Sin Resultado")
        self.fields["unit"] = UnitChoiceField(institution=plan.institution, label=_("Unidad de medida"))
        self.categories = category_codes(institution=plan.institution)
        if self.instance.pk:
            self.initial.setdefault("category_code", self.instance.category.code)
        self.add_coverage_fields()

    def clean_category_code(self):
        code = self.cleaned_data["category_code"].strip()
        if not CATEGORY_CODE.match(code):
            raise forms.ValidationError(
                _("Use el formato programa-subprograma-proyecto-actividad, p. ej. 11-00-000-002.")
            )
        return code


class SubproductForm(
    TextLimitsMixin, VersionedFormMixin, WorkspaceFormMixin, CoverageFormMixin, forms.ModelForm
):
    class Meta:
        model = Subproduct
        fields = ["code", "position", "name", "unit", "responsible_unit", "is_national"]

    def __init__(self, *args, product: Product, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].validators.append(code_validator)
        self.fields["unit"] = UnitChoiceField(
            institution=product.plan.institution,
            label=_("Unidad de medida"),
            help_text=_("Si difiere de la del producto (%(unit)s), su meta física no suma a la del producto.")
            % {"unit": product.unit},
        )
        self.add_coverage_fields()


class ReprogrammingRequestForm(TextLimitsMixin, forms.Form):
    measure = forms.ChoiceField(label=_("Meta"), choices=Measure.choices)
    new_value = FigureField(label=_("Valor nuevo"), min_value=0, max_digits=16, decimal_places=2)
    effective_date = forms.DateField(label=_("Fecha"), widget=DATE_INPUT)
    supporting_act = forms.CharField(
        label=_("Acto de respaldo"), max_length=200, help_text=_("P. ej. «Resolución SP-012-2024».")
    )
    justification = forms.CharField(label=_("Justificación"), widget=forms.Textarea(attrs={"rows": 3}))
    spread_rest = forms.BooleanField(
        label=_("Repartir por igual lo que falta en los meses abiertos"),
        required=False,
        help_text=_("Solo para metas programadas por mes; si no, escriba los meses abiertos abajo."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for month in range(1, 13):
            self.fields[f"month_{month}"] = MoneyField(required=False, min_value=Decimal("0"), **MONEY)
        # The goal's values when the page was read (``common.versions``).
        self.fields[VERSION_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)

    @property
    def month_fields(self):
        return [self[f"month_{month}"] for month in range(1, 13)]

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop(VERSION_FIELD, None)
        data["months"] = [data.pop(f"month_{month}") for month in range(1, 13)]
        return data


class ReprogrammingDecisionForm(TextLimitsMixin, forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Aprobar")), ("reject", _("Rechazar"))])
    decision_comment = forms.CharField(
        label=_("Comentario"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Obligatorio al rechazar."),
    )


# The multiannual goals grid: one row is a subproduct's goals for every plan year, figures read
# as people type them («Q 1,234.50», «1,225,189») by the one number reader.


class GoalRowForm(TextLimitsMixin, forms.Form):
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


class GoalsGridReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Motivo del cambio"),
        max_length=100,
        required=False,
        help_text=_("Queda en el historial de cada meta cambiada."),
    )


# The monthly programming grid: one input per subproduct, measure and month, saved all at once.


def programming_cell_name(subproduct_id: int, measure: str, month: int) -> str:
    return f"m-{subproduct_id}-{measure}-{month}"


def programming_entries(data, *, subproduct_ids, measures) -> tuple[dict, dict[str, str]]:
    """The grid's typed months as the service's entries, and the cells that are not numbers."""
    entries: dict[int, dict[str, list]] = {}
    errors = {}
    for subproduct_id in subproduct_ids:
        for measure in measures:
            months = []
            for month in range(1, 13):
                name = programming_cell_name(subproduct_id, measure, month)
                try:
                    months.append(read_number(data.get(name, "")))
                except NumberError as error:
                    errors[name] = error.message
                    months.append(None)
            entries.setdefault(subproduct_id, {})[measure] = months
    return entries, errors


class ProgrammingSpreadForm(TextLimitsMixin, forms.Form):
    """Spread the chosen subproducts' goals over the months: evenly or like a previous year's execution."""

    METHODS = [
        ("even", _("Por igual (el redondeo va al último mes)")),
        ("pattern", _("Según la ejecución de")),
    ]
    subproducts = forms.TypedMultipleChoiceField(label=_("Subproductos"), coerce=int)
    method = forms.ChoiceField(label=_("Reparto"), choices=METHODS, initial="even")
    pattern_year = forms.IntegerField(
        label=_("Año de la ejecución"), required=False, min_value=2000, max_value=2100
    )
    measures = forms.MultipleChoiceField(
        label=_("Metas"),
        choices=Measure.choices,
        initial=list(Measure.values),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, subproduct_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subproducts"].choices = subproduct_choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("method") == "pattern" and not cleaned.get("pattern_year"):
            self.add_error("pattern_year", _("Indique el año cuya ejecución sirve de patrón."))
        return cleaned


class StrategicFrameForm(WorkspaceFormMixin, forms.ModelForm):
    """The frame's header, mission and vision as fields; values and objectives as plain text, one
    per line, so planning staff edit the list as they would the published document."""

    values_text = forms.CharField(
        label=_("Valores"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_("Uno por línea: «Nombre: descripción»."),
    )
    objectives_text = forms.CharField(
        label=_("Objetivos por área"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "El nombre del área en una línea y debajo sus objetivos, "
            "cada uno en una línea que empieza con «- »."
        ),
    )

    class Meta:
        model = StrategicFrame
        fields = list(FRAME_FIELDS)
        widgets = {"issue_date": DATE_INPUT}

    def __init__(self, *args, values=(), objectives=(), **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["values_text"] = "\n".join(
                f"{value.name}: {value.description}" if value.description else value.name for value in values
            )
            lines, area = [], None
            for objective in objectives:
                if objective.area != area:
                    lines.append(objective.area)
                    area = objective.area
                lines.append(f"- {objective.text}")
            self.initial["objectives_text"] = "\n".join(lines)

    def clean_values_text(self) -> list[tuple[str, str]]:
        values = []
        for line in self.cleaned_data["values_text"].splitlines():
            if line.strip():
                name, _sep, description = line.partition(":")
                values.append((name.strip(), description.strip()))
        return values

    def clean_objectives_text(self) -> list[tuple[str, str]]:
        objectives, area = [], None
        for line in self.cleaned_data["objectives_text"].splitlines():
            text = line.strip()
            if not text:
                continue
            if text.startswith("-"):
                if area is None:
                    raise ValidationError(_("Escriba el nombre del área antes de sus objetivos."))
                objectives.append((area, text.lstrip("- ").strip()))
            else:
                area = text
        if not objectives:
            raise ValidationError(_("Escriba al menos un objetivo, en una línea que empiece con «- »."))
        return objectives
