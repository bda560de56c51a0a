"""The first check of an execution file, before anything reads or keeps it: its kind and its size.
The upload page and ``import_execution`` apply this same rule."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from common.formats import file_size

from .resources import ALLOWED_EXTENSIONS


def execution_file_check(*, name: str, size: int) -> None:
    """Refuse a file that is not XLSX or CSV (by its name) or larger than IGM_MAX_UPLOAD_BYTES."""
    if not name.lower().endswith(ALLOWED_EXTENSIONS):
        raise ValidationError(
            _("El archivo «%(name)s» no es XLSX ni CSV; use la plantilla de ejecución.") % {"name": name},
            code="file_type",
        )
    limit = settings.IGM_MAX_UPLOAD_BYTES
    if size > limit:
        raise ValidationError(
            _("El archivo «%(name)s» pesa %(size)s; el máximo es %(limit)s.")
            % {"name": name, "size": file_size(size), "limit": file_size(limit)},
            code="file_size",
        )
