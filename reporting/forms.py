from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from common.forms import TextLimitsMixin

from .models import PeriodReport, ReportJob
from .selectors.deviations import note_key


class ReportRequestForm(forms.Form):
    format = forms.ChoiceField(label=_("formato"), choices=ReportJob.Format.choices)


class SubmitForm(TextLimitsMixin, forms.ModelForm):
    class Meta:
        model = PeriodReport
        fields = ["addressee_name", "addressee_title", "request_reference"]


class DeviationNotesForm(forms.Form):
    """Every explanation of a notes page at once: one box per deviation line (each measure of a
    subproduct its own), named ``note-<subproduct>-<measure>``."""

    def __init__(self, *args, deviations, form_id: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        attrs = {"rows": 2, "maxlength": 1000} | ({"form": form_id} if form_id else {})
        self.deviations = tuple(deviations)
        for d in self.deviations:
            label = _("Explicación: %(name)s (%(measure)s)") % {"name": d.name, "measure": d.measure}
            self.fields[note_key(d.subproduct_id, d.measure_code)] = forms.CharField(
                label=label,
                required=False,
                strip=False,
                max_length=1000,
                initial=d.text,
                widget=forms.Textarea(attrs=attrs | {"aria-label": label}),
            )

    def box(self, deviation):
        return self[note_key(deviation.subproduct_id, deviation.measure_code)]

    def notes(self) -> dict[tuple[int, str], str]:
        """The boxes the page sent, by (subproduct id, measure)."""
        return {
            (d.subproduct_id, d.measure_code): self.cleaned_data[note_key(d.subproduct_id, d.measure_code)]
            for d in self.deviations
            if note_key(d.subproduct_id, d.measure_code) in self.data
        }


class VerifyForm(forms.Form):
    file = forms.FileField(label=_("PDF firmado"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IGM_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("El archivo supera el tamaño máximo permitido."))
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(_("El archivo no es un PDF."))
        return upload
