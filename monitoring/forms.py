"""Forms of the monitoring pages: they parse and validate input; services write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import TextLimitsMixin

from .models import Achievement

PHOTO_SLOTS = 2


class AchievementForm(TextLimitsMixin, forms.ModelForm):
    class Meta:
        model = Achievement
        fields = ["year", "month", "area_code", "area", "unit", "text", "position"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, photos=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False
        for index in range(1, PHOTO_SLOTS + 1):
            self.fields[f"photo_{index}"] = forms.FileField(
                label=_("Foto %(n)s (JPEG o PNG)") % {"n": index}, required=False
            )
            self.fields[f"caption_{index}"] = forms.CharField(
                label=_("Pie de la foto %(n)s") % {"n": index}, max_length=300, required=False
            )
        if photos:
            self.fields["remove_photos"] = forms.MultipleChoiceField(
                label=_("Quitar fotos"),
                required=False,
                choices=[(photo.id, photo.caption) for photo in photos],
                widget=forms.CheckboxSelectMultiple,
            )

    def clean(self):
        data = super().clean()
        for index in range(1, PHOTO_SLOTS + 1):
            if data.get(f"photo_{index}") and not (data.get(f"caption_{index}") or "").strip():
                self.add_error(f"caption_{index}", _("Escriba el pie de la foto."))
        return data

    def model_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["position"] = data["position"] or 0
        return data

    def photos(self) -> list[tuple[object, str]]:
        return [
            (self.cleaned_data[f"photo_{index}"], self.cleaned_data[f"caption_{index}"])
            for index in range(1, PHOTO_SLOTS + 1)
            if self.cleaned_data.get(f"photo_{index}")
        ]

    def removed_photo_ids(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data.get("remove_photos", [])]
