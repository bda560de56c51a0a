from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from common.forms import TextLimitsMixin

from .models import DeviationNote, PeriodReport, ReportJob


class ReportRequestForm(forms.Form):
    format = forms.ChoiceField(label=_("formato"), choices=ReportJob.Format.choices)


class SubmitForm(TextLimitsMixin, forms.ModelForm):
    class Meta:
        model = PeriodReport
        fields = ["addressee_name", "addressee_title", "request_reference"]


class DeviationNoteForm(TextLimitsMixin, forms.ModelForm):
    subproduct_id = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = DeviationNote
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2, "maxlength": 1000})}


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
