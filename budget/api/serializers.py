from decimal import Decimal

from django.utils.translation import gettext as _
from rest_framework import serializers

from budget.models import CostCentre, Execution
from budget.services.months import execution_month_save
from common.figures import MONEY
from igm_plan.api.serializers import (
    DescribedModelSerializer,
    QueryParamsSerializer,
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

    The row goes through the same intake as an uploaded file (budget.services.intake): cost centre ↔
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


class ExecutionTotalsParamsSerializer(QueryParamsSerializer):
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
