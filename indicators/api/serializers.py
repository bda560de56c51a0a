from rest_framework import serializers

from common.calendar import PERIODS, YEAR_MAX, YEAR_MIN
from igm_plan.api.serializers import DescribedModelSerializer, QueryParamsSerializer
from indicators.models import (
    SHEET_FIELDS,
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
        fields = ["id", "plan", "product", "position", *SHEET_FIELDS, "values", "multiannual_target"]


class IndicatorValueParamsSerializer(QueryParamsSerializer):
    institution = serializers.CharField(help_text="Siglas de la institución, p. ej. IGM.")
    year = serializers.IntegerField(min_value=YEAR_MIN, max_value=YEAR_MAX, help_text="Año a evaluar.")
    period = serializers.IntegerField(
        min_value=PERIODS[0], max_value=PERIODS[-1], help_text="Cuatrimestre 1-3 (acumulado desde enero)."
    )


class IndicatorValueSerializer(serializers.Serializer):
    sheet = serializers.IntegerField(source="sheet.id", help_text="Id de la ficha técnica.")
    code = serializers.CharField(source="sheet.code", help_text="Código del indicador.")
    name = serializers.CharField(source="sheet.name", help_text="Nombre del indicador.")
    product_name = serializers.CharField(
        allow_null=True, help_text="Producto medido en el plan que rige el año (nulo si no hay equivalente)."
    )
    year = serializers.IntegerField(help_text="Año evaluado.")
    period = serializers.IntegerField(help_text="Cuatrimestre evaluado.")
    numerator = serializers.DecimalField(max_digits=18, decimal_places=2, help_text="Numerador acumulado.")
    denominator = serializers.DecimalField(max_digits=18, decimal_places=2, help_text="Denominador (meta).")
    value = serializers.DecimalField(
        max_digits=9, decimal_places=2, help_text="Valor: numerador ÷ denominador × 100."
    )
    period_value = serializers.DecimalField(
        max_digits=9,
        decimal_places=2,
        help_text="Aporte del cuatrimestre (como el «% cuatrimestre» de SIPLAN).",
    )
    target = serializers.DecimalField(
        max_digits=9, decimal_places=2, help_text="Meta de la ficha para el año (%)."
    )
    achievement_pct = serializers.DecimalField(
        max_digits=9, decimal_places=2, help_text="Valor frente a la meta esperada a la fecha (%)."
    )
    light = serializers.CharField(allow_null=True, help_text="Semáforo: verde, amarillo o rojo.")
