from rest_framework import serializers

MONEY = {"max_digits": 18, "decimal_places": 2, "read_only": True}


class NationalProductSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Código del producto.")
    name = serializers.CharField(help_text="Nombre del producto.")
    unit = serializers.CharField(help_text="Unidad de medida.")
    physical_current = serializers.DecimalField(
        source="physical.current", help_text="Meta física vigente.", **MONEY
    )
    physical_accumulated = serializers.DecimalField(
        source="physical.accumulated", help_text="Ejecución física acumulada al cuatrimestre.", **MONEY
    )
    physical_accumulated_pct = serializers.DecimalField(
        source="physical.accumulated_pct", help_text="% de avance físico acumulado, sin tope.", **MONEY
    )
    financial_current = serializers.DecimalField(
        source="financial.current", help_text="Meta financiera vigente (quetzales).", **MONEY
    )
    financial_accumulated = serializers.DecimalField(
        source="financial.accumulated", help_text="Ejecución financiera acumulada al cuatrimestre.", **MONEY
    )
    financial_accumulated_pct = serializers.DecimalField(
        source="financial.accumulated_pct",
        help_text="% de ejecución financiera acumulada, sin tope.",
        **MONEY,
    )


class NationalLineSerializer(serializers.Serializer):
    institution_code = serializers.CharField(source="code", help_text="Siglas de la institución.")
    institution_name = serializers.CharField(source="name", help_text="Nombre de la institución.")
    year = serializers.IntegerField(help_text="Año.")
    period = serializers.IntegerField(help_text="Cuatrimestre 1-3.")
    status = serializers.CharField(
        help_text="Estado del reporte: not_started, in_preparation, in_approval, signed o late."
    )
    status_label = serializers.CharField(help_text="Estado del reporte en palabras.")
    due_date = serializers.DateField(help_text="Fecha límite de entrega (15 días después del cuatrimestre).")
    days_late = serializers.IntegerField(
        allow_null=True, help_text="Días de atraso; nulo si no está atrasado."
    )
    signed_at = serializers.DateTimeField(allow_null=True, help_text="Cuándo se guardó el reporte firmado.")
    has_plan = serializers.BooleanField(help_text="Si un plan operativo cubre el año.")
    financial_pct = serializers.DecimalField(
        allow_null=True,
        help_text="Σ ejecución financiera acumulada ÷ Σ metas financieras vigentes × 100.",
        **MONEY,
    )
    physical_pct = serializers.DecimalField(
        allow_null=True,
        help_text="Media del % de avance físico acumulado de los productos, cada uno hasta 100.",
        **MONEY,
    )
    band = serializers.CharField(help_text="Banda del avance físico (vacía sin plan).")
    products = NationalProductSerializer(many=True, help_text="Productos con sus cifras sin tope.")
