from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import serializers

from common.figures import MONEY
from igm_plan.api.serializers import DescribedModelSerializer, VisibleRelatedField, code_field
from planning.models import (
    BudgetProjection,
    Goal,
    Institution,
    Measure,
    MonthlyProgramming,
    Plan,
    Product,
    Program,
    ProgrammaticCategory,
    Reprogramming,
    Result,
    ResultTarget,
    Subproduct,
)
from planning.services.programming import programming_save

INSTITUTION_CODE_HELP = "Siglas de la institución."
COVERAGE_FIELDS = ["is_national", "departments", "municipalities"]


class InstitutionSerializer(DescribedModelSerializer):
    # Plain text: the address may be blank, which the OpenAPI "email" format would reject.
    email = serializers.CharField(
        read_only=True, help_text="Correo electrónico institucional (puede estar vacío)."
    )

    class Meta:
        model = Institution
        fields = ["id", "code", "budget_code", "name", "head_name", "head_title", "address", "phone", "email"]


class PlanSerializer(DescribedModelSerializer):
    institution_code = code_field("institution.code", INSTITUTION_CODE_HELP)

    class Meta:
        model = Plan
        fields = [
            "id",
            "institution",
            "institution_code",
            "kind",
            "name",
            "start_year",
            "end_year",
            "status",
            "approval_act",
            "approval_date",
        ]


class ResultTargetSerializer(DescribedModelSerializer):
    class Meta:
        model = ResultTarget
        fields = ["year", "value", "statement"]


class ResultSerializer(DescribedModelSerializer):
    targets = ResultTargetSerializer(many=True, read_only=True, help_text="Meta acumulada de cada año.")

    class Meta:
        model = Result
        fields = [
            "id",
            "plan",
            "code",
            "position",
            "description",
            "level",
            "unit",
            "baseline_year",
            "baseline_value",
            "pgg_axis",
            "pgg_objective",
            "pgg_statement",
            "ods_targets",
            "pnd_priorities",
            "targets",
        ]


class ProgramSerializer(DescribedModelSerializer):
    institution_code = code_field("institution.code", INSTITUTION_CODE_HELP)

    class Meta:
        model = Program
        fields = ["id", "institution", "institution_code", "code", "name"]


class CategorySerializer(DescribedModelSerializer):
    code = serializers.CharField(
        read_only=True, help_text="Categoría programática completa, p. ej. 11-00-000-002."
    )
    program_code = code_field("program.code", "Código del programa.")

    class Meta:
        model = ProgrammaticCategory
        fields = ["id", "code", "program", "program_code", "subprogram", "project", "activity", "name"]


class CoverageSerializer(DescribedModelSerializer):
    departments = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="code", help_text="Códigos INE de los departamentos."
    )
    municipalities = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="code", help_text="Códigos INE de los municipios."
    )


class ProductSerializer(CoverageSerializer):
    category_code = code_field("category.code", "Categoría programática, p. ej. 11-00-000-002.")
    program_code = code_field("category.program.code", "Código del programa.")

    class Meta:
        model = Product
        fields = [
            "id",
            "plan",
            "result",
            "category",
            "category_code",
            "program_code",
            "code",
            "position",
            "name",
            "unit",
            "responsible_units",
            "pgg_major_contribution",
            *COVERAGE_FIELDS,
        ]


class SubproductSerializer(CoverageSerializer):
    product_code = code_field("product.code", "Código del producto.")

    class Meta:
        model = Subproduct
        fields = [
            "id",
            "product",
            "product_code",
            "code",
            "position",
            "name",
            "unit",
            "responsible_unit",
            *COVERAGE_FIELDS,
        ]


class GoalSerializer(DescribedModelSerializer):
    physical_reprogrammings = serializers.IntegerField(
        read_only=True, help_text="Reprogramaciones aprobadas de la meta física."
    )
    financial_reprogrammings = serializers.IntegerField(
        read_only=True, help_text="Reprogramaciones aprobadas de la meta financiera."
    )

    class Meta:
        model = Goal
        fields = [
            "id",
            "year",
            "product",
            "subproduct",
            "physical_initial",
            "physical_current",
            "financial_initial",
            "financial_current",
            "physical_reprogrammings",
            "financial_reprogrammings",
            "source",
            "updated_at",
        ]


class ReprogrammingSerializer(DescribedModelSerializer):
    class Meta:
        model = Reprogramming
        fields = [
            "id",
            "goal",
            "measure",
            "old_value",
            "new_value",
            "effective_date",
            "justification",
            "supporting_act",
            "status",
            "requested_at",
            "decided_at",
            "approver_name",
        ]


class BudgetProjectionSerializer(DescribedModelSerializer):
    program_code = code_field("program.code", "Código del programa.")

    class Meta:
        model = BudgetProjection
        fields = ["id", "plan", "program", "program_code", "year", "amount"]


class ProgrammingSerializer(DescribedModelSerializer):
    subproduct = serializers.IntegerField(
        source="goal.subproduct_id", read_only=True, help_text="Id del subproducto."
    )
    subproduct_code = code_field("goal.subproduct.code", "Código del subproducto.")
    year = serializers.IntegerField(source="goal.year", read_only=True, help_text="Año de la meta.")

    class Meta:
        model = MonthlyProgramming
        fields = [
            "id",
            "goal",
            "subproduct",
            "subproduct_code",
            "year",
            "measure",
            "month",
            "value",
            "updated_at",
        ]


class ProgrammingWriteSerializer(serializers.Serializer):
    """A subproduct's twelve programmed months of one measure, written through the programming service
    (the same validation as the grid and the file: the months add up exactly to the current goal)."""

    subproduct = VisibleRelatedField(
        queryset=Subproduct.objects.select_related("product__plan__institution"),
        institution_field="product__plan__institution",
        help_text="Id del subproducto del POA.",
    )
    measure = serializers.ChoiceField(choices=Measure.choices, help_text="physical o financial.")
    months = serializers.ListField(
        child=serializers.DecimalField(**MONEY),
        min_length=12,
        max_length=12,
        help_text="Los doce meses, de enero a diciembre: unidades enteras (física) o quetzales (financiera).",
    )

    def create(self, validated_data):
        subproduct = validated_data["subproduct"]
        user = self.context["request"].user
        try:
            programming_save(
                plan=subproduct.product.plan,
                entries={subproduct.id: {validated_data["measure"]: validated_data["months"]}},
                user=user,
                reason=_("API: %(client)s") % {"client": user.get_full_name() or user.username},
            )
        except DjangoValidationError as error:
            raise serializers.ValidationError({"months": error.messages}) from error
        return validated_data

    def to_representation(self, instance):
        return {
            "subproduct": instance["subproduct"].id,
            "measure": instance["measure"],
            "months": [f"{value:.2f}" for value in instance["months"]],
        }
