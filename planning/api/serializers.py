from rest_framework import serializers

from igm_plan.api.serializers import DescribedModelSerializer, code_field
from planning.models import (
    BudgetProjection,
    Goal,
    Institution,
    Plan,
    Product,
    Program,
    ProgrammaticCategory,
    Reprogramming,
    Result,
    ResultTarget,
    Subproduct,
)

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
