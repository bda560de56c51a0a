"""Who may see and change what through the API, decided here and only here.

A ``read`` token sees every institution and writes nothing; an ``institution:<siglas>`` token sees
only that institution (others' objects are simply absent: 404, not 403) and may write where a view
allows it. Session users follow the same rules as the web pages: each view names its page's rule
(``read_rule``, a function of the app's ``permissions.py`` that raises ``PermissionDenied``), then
staff of an institution see that institution, officers only their own cost centres, SEGEPLAN and
superusers everything. A view that names no rule refuses every session user.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from rest_framework.permissions import SAFE_METHODS, BasePermission

from accounts.models import ApiToken, Role


@dataclass(frozen=True)
class Access:
    institution_code: str | None = None
    institution_id: int | None = None
    officer_id: int | None = None
    can_write: bool = False


READ_EVERYTHING = Access(can_write=False)


def request_access(request) -> Access:
    token = request.auth
    if isinstance(token, ApiToken):
        if token.is_read_only:
            return READ_EVERYTHING
        return Access(institution_code=token.institution_code, can_write=True)
    user = request.user
    can_write = user.is_superuser or user.is_planning_staff or user.is_officer
    if user.is_superuser or user.role == Role.SEGEPLAN or user.institution_id is None:
        return Access(can_write=can_write)
    return Access(
        institution_id=user.institution_id,
        officer_id=user.pk if user.is_officer else None,
        can_write=can_write,
    )


def any_path(paths: str | tuple[str, ...], lookup: str, value) -> Q:
    """Match through any of ``paths`` (a goal hangs from a product or from a subproduct)."""
    condition = Q()
    for path in (paths,) if isinstance(paths, str) else paths:
        condition |= Q(**{f"{path}__{lookup}" if path else lookup: value})
    return condition


def restrict(
    queryset: QuerySet,
    access: Access,
    *,
    institution_field: str | tuple[str, ...],
    cost_centre_field: str | None,
) -> QuerySet:
    """Filter ``queryset`` to what ``access`` may see; the paths lead to the institution and cost centre."""
    if access.institution_code is not None:
        queryset = queryset.filter(any_path(institution_field, "code", access.institution_code))
    elif access.institution_id is not None:
        queryset = queryset.filter(any_path(institution_field, "pk", access.institution_id))
    if access.officer_id is not None and cost_centre_field is not None:
        queryset = queryset.filter(any_path(cost_centre_field, "officers", access.officer_id))
    return queryset


def no_rule(*, user) -> None:
    """The rule of a view that declares none: closed to session users."""
    raise PermissionDenied("Esta vista no declara quién puede consultarla.")


class ScopePermission(BasePermission):
    """Session users pass the view's page rule; tokens their scope. Reads for every requester who
    passes; writes only for writers, on views that accept them."""

    message = "Su alcance no permite modificar datos."

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        if not isinstance(request.auth, ApiToken):
            getattr(view, "read_rule", no_rule)(user=request.user)
        if request.method in SAFE_METHODS:
            return True
        return getattr(view, "writable", False) and request_access(request).can_write
