"""Forms of the execution pages: they parse input; the services validate and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .uploads import execution_file_check


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


class MonthEntryForm(forms.Form):
    """A grid row per subproduct: the values stay text so that the service gives the same
    messages as for a file (a browser number field would hide «12.5» or «-3»)."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
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

    def grid(self):
        """(row number, row, its three bound fields) for the template."""
        return [
            (number, row, [self[f"{name}_{number}"] for name in ("physical", "financial", "notes")])
            for number, row in enumerate(self.rows, start=1)
        ]


class MonthReviewForm(forms.Form):
    ACTIONS = (("submit", _("Enviar a revisión")), ("approve", _("Aprobar")), ("return", _("Devolver")))

    action = forms.ChoiceField(choices=ACTIONS)
    comment = forms.CharField(label=_("Comentario"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PeriodLockForm(forms.Form):
    action = forms.ChoiceField(choices=(("lock", _("Bloquear")), ("unlock", _("Desbloquear"))))
    year = forms.IntegerField(min_value=2000, max_value=2100)
    period = forms.IntegerField(min_value=1, max_value=3)
    reason = forms.CharField(label=_("Motivo"), max_length=300)
