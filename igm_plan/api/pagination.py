"""Pages of every list: page numbers, or a cursor for the big tables.

``page`` and ``page_size`` are read strictly, as the schema declares them: one whole number in range,
else a 400 in the error shape (DRF would silently fall back to the default).
"""

import re

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

MAX_PAGE_SIZE = 1000
# Bounds the offset a page number asks the database for.
MAX_PAGE = 2**31 - 1
# Longer numbers are out of range anyway, and Python refuses to convert the very long ones.
WHOLE_NUMBER = re.compile(r"[0-9]{1,12}")

DESCRIPTIONS = {
    "count": "Total de objetos que cumplen los filtros.",
    "next": "URL de la página siguiente; nula en la última.",
    "previous": "URL de la página anterior; nula en la primera.",
    "results": "Objetos de esta página, en orden estable.",
}


def whole_number_param(request, name: str, *, default: int, maximum: int) -> int:
    """The query parameter ``name`` as one whole number from 1 to ``maximum``, or a 400."""
    values = request.query_params.getlist(name)
    if not values:
        return default
    value = values[0].strip()
    if len(values) > 1:
        message = _("Indique un solo valor.")
    elif WHOLE_NUMBER.fullmatch(value) and 1 <= int(value) <= maximum:
        return int(value)
    else:
        message = _("Debe ser un número entero entre 1 y %(maximum)d.") % {"maximum": maximum}
    raise ValidationError({name: [message]})


def page_parameters(page_query_param: str | None, default_size: int) -> list[dict]:
    """The schema of ``page`` (when numbered) and ``page_size``: what ``whole_number_param`` accepts."""
    parameters = [
        {
            "name": "page_size",
            "required": False,
            "in": "query",
            "description": f"Objetos por página, de 1 a {MAX_PAGE_SIZE} (por omisión {default_size}).",
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
        }
    ]
    if page_query_param:
        parameters.insert(
            0,
            {
                "name": page_query_param,
                "required": False,
                "in": "query",
                "description": "Número de página, desde 1.",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
            },
        )
    return parameters


class PagingMixin:
    """Strict ``page_size``; the response's fields described."""

    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        for name, definition in paginated["properties"].items():
            definition["description"] = DESCRIPTIONS[name]
        return paginated

    def get_page_size(self, request):
        return whole_number_param(
            request, self.page_size_query_param, default=self.page_size, maximum=self.max_page_size
        )


class PagePagination(PagingMixin, PageNumberPagination):
    def get_page_number(self, request, paginator):
        return whole_number_param(request, self.page_query_param, default=1, maximum=MAX_PAGE)

    def get_schema_operation_parameters(self, view):
        return page_parameters(self.page_query_param, self.page_size)


class IdCursorPagination(PagingMixin, CursorPagination):
    """For the big tables: no COUNT(*), constant cost per page, stable under concurrent inserts."""

    ordering = "id"

    def get_schema_operation_parameters(self, view):
        cursor = {
            "name": self.cursor_query_param,
            "required": False,
            "in": "query",
            "description": "Posición opaca de la página; tómela del enlace `next` o `previous`.",
            "schema": {"type": "string"},
        }
        return [cursor, *page_parameters(None, self.page_size)]


class UncountedPagePagination(PagePagination):
    """Page numbers without COUNT(*): for aggregates, where counting would run the aggregate twice.

    One extra row is read to know whether a next page exists; ``count`` is null.
    """

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        size = self.get_page_size(request)
        self.number = self.get_page_number(request, None)
        start = (self.number - 1) * size
        rows = list(queryset[start : start + size + 1])
        self.has_next = len(rows) > size
        return rows[:size]

    def get_paginated_response(self, data):
        return Response(
            {
                "count": None,
                "next": self.page_link(self.number + 1) if self.has_next else None,
                "previous": self.page_link(self.number - 1) if self.number > 1 else None,
                "results": data,
            }
        )

    def page_link(self, number: int) -> str:
        return replace_query_param(self.request.build_absolute_uri(), self.page_query_param, number)

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["count"].update(
            nullable=True, description="Siempre nulo: no se cuentan los grupos."
        )
        paginated["required"] = ["results"]
        return paginated
