"""Who may read and change a notice: only the person it was sent to."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def ensure_notice_owner(*, user, notice) -> None:
    if notice.recipient_id != user.pk:
        raise PermissionDenied(_("Este aviso es de otra persona."))
