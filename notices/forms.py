from django import forms

from notices.models import Kind


class SilenceForm(forms.Form):
    kind = forms.ChoiceField(choices=Kind.choices)
    silenced = forms.BooleanField(required=False)
