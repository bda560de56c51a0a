"""Forms of the execution pages: they parse input; the services validate and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.calendar import PERIODS, YEAR_MAX, YEAR_MIN
from common.forms import TextLimitsMixin

from .execution_files import execution_file_check


class ExecutionUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Archivo de ejecución (XLSX o CSV)"),
        error_messages={
            "required": _("Elija el archivo XLSX o CSV de ejecución antes de subirlo."),
            "empty": _("El archivo está vacío; descargue la plantilla de su centro de costo y llénela."),
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        execution_file_check(name=upload.name, size=upload.size)
        return upload


# The template's columns as the grid names them: (grid field, header).
GRID_COLUMNS = {
    "ejecucion_fisica": ("physical", _("Ejecución física")),
    "ejecucion_financiera": ("financial", _("Ejecución financiera")),
    "observaciones": ("notes", _("Observaciones")),
}


class MonthEntryForm(TextLimitsMixin, forms.Form):
    """A grid row per subproduct: the values stay text so that the service gives the same
    messages as for a file (a browser number field would hide «12.5» or «-3»)."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        self.cell_errors: dict[tuple[int, str], str] = {}
        for number, row in enumerate(rows, start=1):
            initial = {
                "physical": row.physical,
                "financial": row.financial,
                "notes": row.notes,
            }
            for name, value in initial.items():
                self.fields[f"{name}_{number}"] = forms.CharField(
                    # str() keeps the dot: a localised «118500,50» would not read back as money.
                    required=False,
                    initial="" if value is None else str(value),
                    strip=True,
                )

    def entries(self) -> list[dict]:
        return [
            {
                "subproduct": row.subproduct.code,
                "physical": self.cleaned_data[f"physical_{number}"] or None,
                "financial": self.cleaned_data[f"financial_{number}"] or None,
                "notes": self.cleaned_data[f"notes_{number}"],
            }
            for number, row in enumerate(self.rows, start=1)
        ]

    def grid_errors(self, errors: list[dict]) -> list[str]:
        """The service's errors in the grid's words (row, subproduct, column header); each one
        is also kept for its cell, which the template marks."""
        messages = []
        for error in errors:
            field, header = GRID_COLUMNS.get(error.get("column"), (None, error.get("column")))
            row = error.get("row")
            if row is None or not 1 <= row <= len(self.rows):
                messages.append(error["message"])
                continue
            if field:
                self.cell_errors[(row, field)] = error["detail"]
            messages.append(
                _("Fila %(row)s (%(code)s), %(header)s: %(detail)s")
                % {
                    "row": row,
                    "code": self.rows[row - 1].subproduct.code,
                    "header": header,
                    "detail": error["detail"],
                }
            )
        return messages

    def grid(self):
        """(row number, row, [(bound field, its error or "")]) for the template."""
        return [
            (
                number,
                row,
                [
                    (self[f"{name}_{number}"], self.cell_errors.get((number, name), ""))
                    for name in ("physical", "financial", "notes")
                ],
            )
            for number, row in enumerate(self.rows, start=1)
        ]


class MonthReviewForm(TextLimitsMixin, forms.Form):
    ACTIONS = (("submit", _("Enviar a revisión")), ("approve", _("Aprobar")), ("return", _("Devolver")))

    action = forms.ChoiceField(choices=ACTIONS)
    comment = forms.CharField(label=_("Comentario"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PeriodLockForm(TextLimitsMixin, forms.Form):
    action = forms.ChoiceField(choices=(("lock", _("Bloquear")), ("unlock", _("Desbloquear"))))
    year = forms.IntegerField(min_value=YEAR_MIN, max_value=YEAR_MAX)
    period = forms.IntegerField(min_value=PERIODS[0], max_value=PERIODS[-1])
    reason = forms.CharField(label=_("Motivo"), max_length=300)
