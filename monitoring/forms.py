"""Forms of the monitoring pages: they parse and validate input; services write."""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django import forms
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _

from common.forms import TextLimitsMixin
from common.versions import VersionedFormMixin

from .models import Achievement

PHOTO_SLOTS = 2
PENDING_DIR = "fotos-pendientes"  # photos chosen on a refused form, until the form is sent again
KEPT_SALT = "igm.kept-photo"
KEPT_MAX_AGE = 24 * 3600


def keep_upload(upload) -> str:
    """Store a chosen photo the form refused, so it need not be chosen again: a signed token."""
    suffix = PurePosixPath(upload.name).suffix.lower()[:5]
    upload.seek(0)
    path = default_storage.save(f"{PENDING_DIR}/{uuid.uuid4().hex}{suffix}", ContentFile(upload.read()))
    return signing.dumps({"path": path, "name": upload.name}, salt=KEPT_SALT)


def kept_upload(token: str) -> ContentFile | None:
    """The photo a token of ``keep_upload`` names, or None when it is not ours, too old or gone."""
    try:
        data = signing.loads(token, salt=KEPT_SALT, max_age=KEPT_MAX_AGE)
    except signing.BadSignature:
        return None
    path = data.get("path", "")
    if not path.startswith(f"{PENDING_DIR}/") or not default_storage.exists(path):
        return None
    with default_storage.open(path, "rb") as stored:
        return ContentFile(stored.read(), name=data.get("name", "foto"))


class AchievementForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Achievement
        fields = ["year", "month", "area_code", "area", "unit", "text", "position"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, photos=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False
        # «2» is read as 02 (``clean_area_code``); the model checks the two digits after that.
        self.fields["area_code"].validators = []
        for index in range(1, PHOTO_SLOTS + 1):
            self.fields[f"photo_{index}"] = forms.FileField(
                label=_("Foto %(n)s (JPEG o PNG)") % {"n": index}, required=False
            )
            self.fields[f"kept_{index}"] = forms.CharField(required=False, widget=forms.HiddenInput)
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

    def clean_area_code(self):
        """«2» is area 02: people type the number as they say it."""
        code = (self.cleaned_data.get("area_code") or "").strip()
        return code.zfill(2) if code.isdigit() and len(code) == 1 else code

    def clean(self):
        data = super().clean()
        for index in range(1, PHOTO_SLOTS + 1):
            if not data.get(f"photo_{index}") and data.get(f"kept_{index}"):
                data[f"photo_{index}"] = kept_upload(data[f"kept_{index}"])
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

    def keep_photos(self) -> None:
        """After a refusal: keep each photo just chosen, so the page can say it is already chosen."""
        self.data = self.data.copy()
        for index in range(1, PHOTO_SLOTS + 1):
            upload = self.files.get(self.add_prefix(f"photo_{index}"))
            if upload:
                self.data[self.add_prefix(f"kept_{index}")] = keep_upload(upload)

    def discard_kept(self) -> None:
        """After the save: the photos kept for the refused form are now stored with the achievement."""
        for index in range(1, PHOTO_SLOTS + 1):
            token = self.cleaned_data.get(f"kept_{index}")
            try:
                path = signing.loads(token, salt=KEPT_SALT)["path"] if token else ""
            except (signing.BadSignature, KeyError):
                continue
            if path.startswith(f"{PENDING_DIR}/"):
                default_storage.delete(path)

    def kept_names(self) -> dict[int, str]:
        """Slot → name of the photo already chosen on a refused form."""
        names = {}
        for index in range(1, PHOTO_SLOTS + 1):
            token = self.data.get(self.add_prefix(f"kept_{index}")) if self.is_bound else None
            if token:
                try:
                    names[index] = signing.loads(token, salt=KEPT_SALT, max_age=KEPT_MAX_AGE)["name"]
                except (signing.BadSignature, KeyError):
                    continue
        return names

    @property
    def visible_fields_with_kept(self):
        """The visible fields, each photo field with the name of the photo already chosen (if any)."""
        kept = self.kept_names()
        return [
            (field, kept.get(int(field.name[-1])) if field.name.startswith("photo_") else None)
            for field in self.visible_fields()
        ]
