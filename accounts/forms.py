"""Forms of the sign-in pages: a second-factor code."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Código"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false", "size": 12}
        ),
    )

    def __init__(self, *args, digits_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if digits_only:
            self.fields["code"].widget.attrs.update({"inputmode": "numeric", "pattern": "[0-9 ]*"})
            self.fields["code"].help_text = _("Los 6 dígitos que muestra la aplicación.")
        else:
            self.fields["code"].help_text = _(
                "Los 6 dígitos que muestra la aplicación, o uno de sus códigos de respaldo."
            )
