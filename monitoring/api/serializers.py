from rest_framework import serializers

from common.calendar import PERIODS, YEAR_MAX, YEAR_MIN
from common.figures import MONEY
from igm_plan.api.serializers import QueryParamsSerializer


class PlanProgressParamsSerializer(QueryParamsSerializer):
    institution = serializers.CharField(help_text="Siglas de la institución, p. ej. IGM.")
    year = serializers.IntegerField(min_value=YEAR_MIN, max_value=YEAR_MAX, help_text="Año.")
    period = serializers.IntegerField(
        min_value=PERIODS[0], max_value=PERIODS[-1], help_text="Cuatrimestre 1-3 (acumulado desde enero)."
    )


def _money(help_text: str, **kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(help_text=help_text, max_digits=20, decimal_places=2, **kwargs)


class ProgressMeasureSerializer(serializers.Serializer):
    goal_current = _money("Meta vigente anual.")
    accumulated = _money("Ejecución acumulada de enero al cierre del cuatrimestre.")
    expected = _money(
        "Lo esperado a la fecha: el programado acumulado hasta el último mes considerado, o sin "
        "programación la meta vigente × meses ÷ 12."
    )
    expected_basis = serializers.SerializerMethodField(help_text="programmed o uniform (sin programación).")
    progress_pct = _money("Ejecución acumulada ÷ lo esperado a la fecha × 100.", source="projected_pct")
    projected = _money("Proyección al cierre del año al ritmo frente a lo esperado.")
    light = serializers.CharField(
        allow_null=True, help_text="Semáforo: verde, amarillo, rojo; nulo sin dato."
    )
    over_executed = serializers.BooleanField(help_text="Sobre-ejecución.")
    under_executed = serializers.BooleanField(help_text="Sub-ejecución.")
    programmed = serializers.ListField(
        child=serializers.DecimalField(**MONEY), allow_null=True, help_text="Los doce meses programados."
    )

    def get_expected_basis(self, progress) -> str:
        return "programmed" if progress.is_programmed else "uniform"


class ProgressRowSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="product o subproduct.")
    id = serializers.IntegerField(help_text="Id del producto o subproducto.")
    code = serializers.CharField(help_text="Código.")
    name = serializers.CharField(help_text="Nombre.")
    unit = serializers.CharField(help_text="Unidad de medida.")
    physical = ProgressMeasureSerializer(help_text="Meta física.")
    financial = ProgressMeasureSerializer(help_text="Meta financiera.")


class PlanProgressSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text="Año.")
    period = serializers.IntegerField(help_text="Cuatrimestre.")
    months_so_far = serializers.IntegerField(help_text="Último mes considerado (con ejecución reportada).")
    rows = ProgressRowSerializer(many=True, help_text="Cada producto seguido de sus subproductos.")
