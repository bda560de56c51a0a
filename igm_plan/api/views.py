"""Base classes of every API view: scope restriction, stable order, conditional GET, request log.

Concrete viewsets only declare their queryset, serializer, filterset and where the institution
(and, for execution data, the cost centre) sits relative to their model.
"""

import functools
import hashlib
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import connection
from django.db.models import Max, QuerySet, Value
from django.http import JsonResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date, parse_http_date_safe
from django.views.defaults import page_not_found
from rest_framework import viewsets

from accounts.models import ApiToken
from accounts.services import api_request_record

from .access import request_access, restrict
from .exceptions import NotModified

CONDITIONAL_METHODS = ("GET", "HEAD")


class ApiViewMixin:
    # Path from the model to planning.Institution ("" when the model is the institution).
    institution_field: str | tuple[str, ...]
    # Path to budget.CostCentre for data an officer may only see for their own centres.
    cost_centre_field: str | None = None
    # Models whose change history dates the response (Last-Modified); default: the view's model.
    history_models: tuple = ()
    writable = False
    # The page's rule for session users (``staticmethod(app.permissions.ensure_…)``); tokens follow
    # their scope. Without one, session users are refused (``access.no_rule``).

    @property
    def access(self):
        return request_access(self.request)

    def restrict(self, queryset):
        return restrict(
            queryset,
            self.access,
            institution_field=self.institution_field,
            cost_centre_field=self.cost_centre_field,
        )

    def get_last_modified(self) -> datetime | None:
        """Latest change to the models behind the response: their history, and ``updated_at`` where
        rows may also be written in bulk (bulk writes leave no history)."""
        sql = last_change_sql(self.history_models or (self.queryset.model,), connection.vendor)
        if sql is None:
            return None
        with connection.cursor() as cursor:
            cursor.execute(*sql)
            dates = [row[0] for row in cursor.fetchall() if row[0] is not None]
        return max(map(as_aware, dates)) if dates else None

    def settled_last_modified(self) -> int | None:
        """Last-Modified as a timestamp a 304 may rely on, or None while changes may still arrive.

        A write commits after it stamps its rows (an import takes seconds), so a change committed
        now can carry an instant older than the newest one already visible. Until the newest change
        is ``API_SETTLE_SECONDS`` old, If-Modified-Since is not trusted; If-None-Match (the body's
        digest) always is.
        """
        if self.last_modified is None:
            return None
        if timezone.now() - self.last_modified < timedelta(seconds=settings.API_SETTLE_SECONDS):
            return None
        return int(self.last_modified.timestamp())

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.last_modified = None
        if request.method in CONDITIONAL_METHODS:
            self.last_modified = self.get_last_modified()
            since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
            settled = self.settled_last_modified()
            if (
                settled is not None
                and since is not None
                and "HTTP_IF_NONE_MATCH" not in request.META
                and settled <= since
            ):
                raise NotModified()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        last_modified = getattr(self, "last_modified", None)
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        # Streamed files (downloads) set their own ETag from their digest.
        if (
            request.method in CONDITIONAL_METHODS
            and response.status_code == 200
            and hasattr(response, "render")
        ):
            response.render()
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:40]}"'
            response = get_conditional_response(
                request._request,
                etag=response["ETag"],
                last_modified=self.settled_last_modified(),
                response=response,
            )
        patch_vary_headers(response, ("Authorization", "Cookie"))
        self.log_request(request, response)
        return response

    def log_request(self, request, response):
        token = request.auth if isinstance(getattr(request, "_auth", None), ApiToken) else None
        user = getattr(request, "_user", None)
        api_request_record(
            token=token,
            user=user if user is not None and user.is_authenticated else None,
            method=request.method,
            endpoint=request.path,
            query=request.META.get("QUERY_STRING", ""),
            status=response.status_code,
        )


@functools.cache
def last_change_sql(models: tuple, vendor: str) -> tuple[str, tuple] | None:
    """One query: a UNION of the maxima of the models' ``history_date`` and ``updated_at`` columns,
    each read from the end of its index. Compiled once per set of models: every API read runs it."""
    latest = []
    for model in models:
        if hasattr(model, "history"):
            latest.append(column_max(model.history.model._default_manager.all(), "history_date"))
        if any(field.name == "updated_at" for field in model._meta.fields):
            latest.append(column_max(model._default_manager.all(), "updated_at"))
    if not latest:
        return None
    return latest[0].union(*latest[1:], all=True).query.sql_with_params()


def as_aware(value: datetime | str) -> datetime:
    """PostgreSQL returns aware datetimes; SQLite, text in UTC without an offset."""
    if isinstance(value, str):
        value = parse_datetime(value)
    return value if timezone.is_aware(value) else value.replace(tzinfo=UTC)


def column_max(queryset: QuerySet, column: str) -> QuerySet:
    """``SELECT MAX(column)`` as a one-row query that can join a UNION."""
    maximum = queryset.order_by().values(whole=Value(1)).annotate(last=Max(column))
    return maximum.values_list("last", flat=True)


class ReadOnlyViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """List and detail of one model, restricted, in a stable order (model ordering, then id)."""

    def get_queryset(self):
        queryset = self.restrict(super().get_queryset())
        return queryset.order_by(*(queryset.query.order_by or queryset.model._meta.ordering), "pk")


def api_not_found() -> JsonResponse:
    return JsonResponse({"error": {"code": "not_found", "message": "No encontrado."}}, status=404)


def not_found(request, exception):
    """Project 404 handler: API paths answer in the API's error shape, pages as usual."""
    if request.path.startswith("/api/"):
        return api_not_found()
    return page_not_found(request, exception)


def unknown_api_path(request, path):
    """Any other address under /api/ ending in a slash (``/api/v1/goals/0.5/``): the API's 404 even
    with DEBUG on, where Django would answer its HTML debug page. Without the slash, APPEND_SLASH
    still redirects first."""
    return api_not_found()
