from decimal import Decimal

from django.utils.translation import gettext as _
from rest_framework import serializers

from budget.models import CostCentre, Execution
from budget.services import execution_month_save
from common.calendar import PERIODS, YEAR_MAX, YEAR_MIN
from common.figures import MONEY
from igm_plan.api.serializers import (
    DescribedModelSerializer,
    RowsSerializerMixin,
    VisibleRelatedField,
    code_field,
)
from planning.models import Subproduct

MONEY_FIELD = {"max_digits": MONEY["max_digits"], "decimal_places": MONEY["decimal_places"]}


class CostCentreSerializer(DescribedModelSerializer):
    institution_code = code_field("institution.code", "Siglas de la institución.")
    department = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text="Código INE del departamento."
    )
    municipality = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text="Código INE del municipio."
    )
    subproducts = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text="Ids de los subproductos que produce."
    )

    class Meta:
        model = CostCentre
        fields = [
            "id",
            "institution",
            "institution_code",
            "code",
            "name",
            "status",
            "department",
            "municipality",
            "subproducts",
        ]


class ExecutionSerializer(RowsSerializerMixin, DescribedModelSerializer):
    cost_centre_code = code_field("cost_centre.code", "Código del centro de costo.")
    subproduct_code = code_field("subproduct.code", "Código del subproducto.")
    product = serializers.IntegerField(
        source="subproduct.product_id", read_only=True, help_text="Id del producto del subproducto."
    )

    class Meta:
        model = Execution
        fields = [
            "id",
            "cost_centre",
            "cost_centre_code",
            "subproduct",
            "subproduct_code",
            "product",
            "year",
            "month",
            "physical",
            "financial",
            "notes",
            "is_derived",
            "version",
            "updated_at",
        ]

    # Keys the list view annotates on its rows for the fields that live on related models.
    row_keys = {name: name for name in ("cost_centre_code", "subproduct_code", "product")}


# The intake reports errors by the template's column names; the API answers with its own field names.
INTAKE_FIELDS = {
    "centro_costo": "cost_centre",
    "subproducto": "subproduct",
    "anio": "year",
    "mes": "month",
    "ejecucion_fisica": "physical",
    "ejecucion_financiera": "financial",
    "observaciones": "notes",
}


class ExecutionWriteSerializer(DescribedModelSerializer):
    """Monthly execution pushed by an institution's system: created, or replaced if the month exists.

    The row goes through the same intake as an uploaded file (budget.services): cost centre ↔
    subproduct, plan year, locked periods, submitted months, figures, and the history with the
    client's name.
    """

    cost_centre = VisibleRelatedField(
        queryset=CostCentre.objects.all(),
        institution_field="institution",
        cost_centre_field="",
        help_text="Id del centro de costo (propio del alcance del token).",
    )
    subproduct = VisibleRelatedField(
        queryset=Subproduct.objects.select_related("product__plan"),
        institution_field="product__plan__institution",
        help_text="Id del subproducto.",
    )
    financial = serializers.DecimalField(
        min_value=Decimal("0.00"), help_text="Ejecución financiera en quetzales.", **MONEY_FIELD
    )

    class Meta:
        model = Execution
        fields = [
            "id",
            "cost_centre",
            "subproduct",
            "year",
            "month",
            "physical",
            "financial",
            "notes",
            "version",
        ]
        read_only_fields = ["id", "version"]
        validators = []  # the month's row is replaced, not rejected as a duplicate

    def validate(self, attrs):
        cost_centre, subproduct = attrs["cost_centre"], attrs["subproduct"]
        if subproduct.product.plan.institution_id != cost_centre.institution_id:
            raise serializers.ValidationError(
                {"subproduct": _("El subproducto no pertenece a la institución del centro de costo.")}
            )
        return attrs

    def create(self, validated_data):
        cost_centre, subproduct = validated_data["cost_centre"], validated_data["subproduct"]
        key = {
            "cost_centre": cost_centre,
            "subproduct": subproduct,
            "year": validated_data["year"],
            "month": validated_data["month"],
        }
        user = self.context["request"].user
        outcome = execution_month_save(
            cost_centre=cost_centre,
            year=key["year"],
            month=key["month"],
            entries=[
                {
                    "subproduct": subproduct.code,
                    "physical": validated_data.get("physical", 0),
                    "financial": validated_data.get("financial", Decimal("0.00")),
                    "notes": validated_data.get("notes", ""),
                }
            ],
            user=user,
            reason=_("API: %(client)s") % {"client": user.get_full_name() or user.username},
        )
        if outcome.errors:
            errors: dict[str, list[str]] = {}
            for error in outcome.errors:
                errors.setdefault(INTAKE_FIELDS.get(error["column"], "non_field_errors"), []).append(
                    error["message"]
                )
            raise serializers.ValidationError(errors)
        self.created = outcome.created == 1
        return Execution.objects.get(**key)


class ExecutionTotalsParamsSerializer(serializers.Serializer):
    level = serializers.ChoiceField(
        choices=[("product", "Producto"), ("subproduct", "Subproducto")],
        default="subproduct",
        help_text="Nivel de agregación: product o subproduct.",
    )
    by = serializers.ChoiceField(
        choices=[("month", "Mes"), ("period", "Cuatrimestre"), ("year", "Año")],
        default="month",
        help_text="Agrupar por mes, cuatrimestre o año.",
    )


class ExecutionTotalSerializer(RowsSerializerMixin, serializers.Serializer):
    product_id = serializers.IntegerField(help_text="Id del producto.")
    product_code = serializers.CharField(help_text="Código del producto.")
    subproduct_id = serializers.IntegerField(
        required=False, help_text="Id del subproducto (solo con level=subproduct)."
    )
    subproduct_code = serializers.CharField(
        required=False, help_text="Código del subproducto (solo con level=subproduct)."
    )
    year = serializers.IntegerField(help_text="Año.")
    period = serializers.IntegerField(required=False, help_text="Cuatrimestre 1-3 (con by=period).")
    month = serializers.IntegerField(required=False, help_text="Mes 1-12 (con by=month).")
    physical = serializers.IntegerField(
        source="physical_sum",
        help_text="Ejecución física. En productos, solo subproductos con la misma unidad de medida.",
    )
    financial = serializers.DecimalField(
        source="financial_sum",
        help_text="Ejecución financiera en quetzales (todos los subproductos).",
        **MONEY_FIELD,
    )


class SiplanParamsSerializer(serializers.Serializer):
    institution = serializers.CharField(help_text="Siglas de la institución, p. ej. IGM.")
    year = serializers.IntegerField(min_value=YEAR_MIN, max_value=YEAR_MAX, help_text="Año del reporte.")
    period = serializers.IntegerField(
        min_value=PERIODS[0], max_value=PERIODS[-1], help_text="Cuatrimestre 1, 2 o 3."
    )


def _money(help_text: str) -> serializers.DecimalField:
    return serializers.DecimalField(help_text=help_text, **MONEY_FIELD)


class SiplanMeasureLineSerializer(serializers.Serializer):
    measure = serializers.CharField(help_text="physical (Física) o financial (Financiera).")
    initial = _money("Meta inicial anual.")
    reprogrammings = serializers.IntegerField(help_text="Número de reprogramaciones.")
    current = _money("Meta vigente.")
    months = serializers.ListField(child=_money("Ejecución del mes."), help_text="Ejecución de cada mes.")
    months_reported = serializers.ListField(
        child=serializers.BooleanField(), help_text="Si cada mes tiene ejecución reportada."
    )
    period_total = _money("Total del cuatrimestre.")
    period_pct = _money("% del cuatrimestre sobre la meta vigente.")
    accumulated = _money("Acumulado de enero al último mes del cuatrimestre.")
    accumulated_pct = _money("% de avance acumulado sobre la meta vigente.")
    accumulated_initial_pct = _money("% de avance acumulado sobre la meta inicial.")
    over_executed = serializers.BooleanField(help_text="Ejecución acumulada mayor que la meta vigente.")


class SiplanRowSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="product o subproduct.")
    id = serializers.IntegerField(help_text="Id del producto o subproducto.")
    code = serializers.CharField(help_text="Código del producto o subproducto.")
    name = serializers.CharField(help_text="Nombre.")
    unit = serializers.CharField(help_text="Unidad de medida.")
    physical = SiplanMeasureLineSerializer(help_text="Línea Física.")
    financial = SiplanMeasureLineSerializer(help_text="Línea Financiera.")


class SiplanBlockSerializer(serializers.Serializer):
    result_id = serializers.IntegerField(
        allow_null=True, help_text="Id del resultado; nulo en «Sin Resultado»."
    )
    result_code = serializers.CharField(allow_blank=True, help_text="Código del resultado institucional.")
    title = serializers.CharField(help_text="Texto del resultado o «Sin Resultado».")
    rows = SiplanRowSerializer(many=True, help_text="Productos, cada uno seguido de sus subproductos.")


class SiplanReportSerializer(serializers.Serializer):
    institution_code = serializers.CharField(help_text="Siglas de la institución.")
    institution_name = serializers.CharField(help_text="Nombre de la institución.")
    institution_budget_code = serializers.CharField(help_text="Código presupuestario.")
    plan_id = serializers.IntegerField(help_text="Id del plan que rige el año.")
    plan_name = serializers.CharField(help_text="Nombre del plan.")
    year = serializers.IntegerField(help_text="Año.")
    period = serializers.IntegerField(help_text="Cuatrimestre.")
    period_ordinal = serializers.CharField(help_text="Primer, Segundo o Tercer.")
    period_short = serializers.CharField(help_text="1er, 2do o 3er.")
    period_label = serializers.CharField(help_text="Meses del cuatrimestre, p. ej. septiembre - diciembre.")
    month_numbers = serializers.ListField(
        child=serializers.IntegerField(), help_text="Meses del cuatrimestre."
    )
    month_names = serializers.ListField(child=serializers.CharField(), help_text="Nombres de los meses.")
    accumulated_months = serializers.ListField(
        child=serializers.IntegerField(), help_text="Meses que suma el acumulado."
    )
    blocks = SiplanBlockSerializer(many=True, help_text="Un bloque por resultado institucional.")
    signer_name = serializers.CharField(allow_blank=True, help_text="Nombre de la máxima autoridad.")
    signer_title = serializers.CharField(allow_blank=True, help_text="Cargo de la máxima autoridad.")
    notes = serializers.ListField(child=serializers.CharField(), help_text="Observaciones del reporte.")
