from django.urls import reverse
from rest_framework import serializers

from common.calendar import PERIODS, YEAR_MAX, YEAR_MIN
from common.figures import MONEY
from igm_plan.api.serializers import DescribedModelSerializer, QueryParamsSerializer, code_field
from reporting.models import ReportJob
from reporting.selectors.siplan import MEASURE_LABELS

MEASURE_CODES = {label: code for code, label in MEASURE_LABELS.items()}


class ReportDocumentSerializer(DescribedModelSerializer):
    institution_code = code_field("institution.code", "Siglas de la institución.")
    report_status = serializers.CharField(
        source="period_report.status",
        default=None,
        allow_null=True,
        help_text="Estado del reporte: draft, submitted, approved o signed (nulo sin flujo).",
    )
    download = serializers.SerializerMethodField(help_text="URL de descarga del archivo.")

    class Meta:
        model = ReportJob
        fields = [
            "id",
            "institution",
            "institution_code",
            "year",
            "period",
            "format",
            "signed",
            "report_status",
            "sha256",
            "size",
            "created_at",
            "finished_at",
            "download",
        ]
        # Only SIPLAN documents are listed, and they always have a period.
        extra_kwargs = {"period": {"allow_null": False, "required": True}}

    def get_download(self, job) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("reporting-api:report-document-download", args=[job.pk])
        )


class PeriodParamsSerializer(QueryParamsSerializer):
    institution = serializers.CharField(help_text="Siglas de la institución, p. ej. IGM.")
    year = serializers.IntegerField(
        min_value=YEAR_MIN, max_value=YEAR_MAX, help_text="Año del ejercicio fiscal."
    )


class MissingReporterSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Código del centro de costo.")
    name = serializers.CharField(help_text="Nombre del centro de costo.")
    months = serializers.ListField(child=serializers.CharField(), help_text="Meses sin ejecución reportada.")


class DeviationSerializer(serializers.Serializer):
    """A deviation of the report document; its measure is printed in Spanish, answered as a code."""

    subproduct_id = serializers.IntegerField(help_text="Id del subproducto.")
    code = serializers.CharField(help_text="Código del subproducto.")
    name = serializers.CharField(help_text="Nombre del subproducto.")
    measure = serializers.SerializerMethodField(help_text="physical o financial.")
    expected = serializers.DecimalField(
        max_digits=18,
        decimal_places=2,
        allow_null=True,
        help_text="Lo esperado al cierre del cuatrimestre: el acumulado programado de enero a ese mes, o "
        "sin programación la meta vigente × cuatrimestre ÷ 3 (nulo en reportes aprobados antes de "
        "registrarlo).",
    )
    accumulated = serializers.DecimalField(
        max_digits=18,
        decimal_places=2,
        allow_null=True,
        help_text="Ejecución acumulada de enero al cierre del cuatrimestre.",
    )
    expected_basis = serializers.CharField(
        source="basis",
        help_text="programmed (programación mensual) o uniform (sin programación: distribución uniforme).",
    )
    progress_pct = serializers.DecimalField(
        max_digits=9,
        decimal_places=2,
        help_text="Avance acumulado ÷ lo esperado al cierre del cuatrimestre × 100.",
    )
    text = serializers.CharField(
        allow_blank=True, help_text="Explicación de la unidad responsable (vacía si falta)."
    )

    def get_measure(self, deviation) -> str:
        return MEASURE_CODES[deviation.measure]


class ReportPeriodSerializer(serializers.Serializer):
    year = serializers.IntegerField(source="deadline.year", help_text="Año.")
    period = serializers.IntegerField(source="deadline.period", help_text="Cuatrimestre 1-3.")
    period_label = serializers.CharField(source="deadline.period_label", help_text="Meses del cuatrimestre.")
    due_date = serializers.DateField(
        source="deadline.due_date", help_text="Fecha límite: 15 días después del fin del cuatrimestre."
    )
    status = serializers.CharField(
        source="deadline.status", help_text="not_started, in_approval, signed o late."
    )
    status_label = serializers.CharField(source="deadline.status_label", help_text="Estado en palabras.")
    missing = MissingReporterSerializer(
        source="deadline.missing", many=True, help_text="Centros de costo que no han reportado."
    )
    deviations = DeviationSerializer(many=True, help_text="Desviaciones fuera de la banda y su explicación.")


class SiplanParamsSerializer(QueryParamsSerializer):
    institution = serializers.CharField(help_text="Siglas de la institución, p. ej. IGM.")
    year = serializers.IntegerField(min_value=YEAR_MIN, max_value=YEAR_MAX, help_text="Año del reporte.")
    period = serializers.IntegerField(
        min_value=PERIODS[0], max_value=PERIODS[-1], help_text="Cuatrimestre 1, 2 o 3."
    )


def _money(help_text: str) -> serializers.DecimalField:
    return serializers.DecimalField(help_text=help_text, **MONEY)


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
    programmed_months = serializers.ListField(
        child=_money("Programado del mes."),
        allow_null=True,
        help_text="Programación de cada mes del cuatrimestre (nula si la meta no tiene programación).",
    )
    programmed_accumulated = serializers.DecimalField(
        allow_null=True,
        help_text="Programado acumulado de enero al cierre del cuatrimestre (nulo sin programación).",
        **MONEY,
    )


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
