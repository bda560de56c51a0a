from accounts.api.serializers import DescribedModelSerializer
from indicators.models import (
    IndicatorSheet,
    IndicatorSheetValue,
    ProductIndicatorTarget,
    ProductIndicatorYear,
)


class IndicatorSheetValueSerializer(DescribedModelSerializer):
    class Meta:
        model = IndicatorSheetValue
        fields = ["year", "value"]


class ProductIndicatorYearSerializer(DescribedModelSerializer):
    class Meta:
        model = ProductIndicatorYear
        fields = ["year", "absolute", "relative"]


class ProductIndicatorTargetSerializer(DescribedModelSerializer):
    years = ProductIndicatorYearSerializer(many=True, read_only=True, help_text="Meta de cada año.")

    class Meta:
        model = ProductIndicatorTarget
        fields = [
            "unit",
            "baseline_year",
            "baseline_absolute",
            "baseline_relative",
            "total_absolute",
            "total_relative",
            "years",
        ]


class IndicatorSheetSerializer(DescribedModelSerializer):
    values = IndicatorSheetValueSerializer(
        many=True, read_only=True, help_text="Tendencia y meta: valor (%) de cada año, tal como la ficha."
    )
    multiannual_target = ProductIndicatorTargetSerializer(
        read_only=True,
        allow_null=True,
        help_text="Fila de la ficha de indicadores de productos a nivel multianual (POM 9.1), si existe.",
    )

    class Meta:
        model = IndicatorSheet
        fields = [
            "id",
            "plan",
            "product",
            "position",
            "code",
            "name",
            "category",
            "associated_objective",
            "public_policy",
            "description",
            "pertinence",
            "interpretation",
            "formula_text",
            "numerator",
            "denominator",
            "frequency",
            "baseline_year",
            "baseline_value",
            "trend_explanation",
            "how_goal_is_reached",
            "data_source",
            "responsible_unit",
            "collection_method",
            "associated_production",
            "technical_notes",
            "report_code",
            "report_date",
            "values",
            "multiannual_target",
        ]
