from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from common.forms import int_from_query

DESCRIPTIONS = {
    "count": "Total de objetos que cumplen los filtros.",
    "next": "URL de la página siguiente; nula en la última.",
    "previous": "URL de la página anterior; nula en la primera.",
    "results": "Objetos de esta página, en orden estable.",
}


class DescribedSchemaMixin:
    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        for name, definition in paginated["properties"].items():
            definition["description"] = DESCRIPTIONS[name]
        return paginated


class PagePagination(DescribedSchemaMixin, PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 1000


class IdCursorPagination(DescribedSchemaMixin, CursorPagination):
    """For the big tables: no COUNT(*), constant cost per page, stable under concurrent inserts."""

    ordering = "id"
    page_size_query_param = "page_size"
    max_page_size = 1000


def page_number(query, name: str) -> int:
    """The page asked for; a number that is no page (text, zero, negative, past any table's size)
    is refused with 404, as DRF refuses a counted page past the last."""
    if name not in query:
        return 1
    number = int_from_query(query, name)
    if number is None:
        raise NotFound(_("Página inválida."))
    return number


class UncountedPagePagination(PagePagination):
    """Page numbers without COUNT(*): for aggregates, where counting would run the aggregate twice.

    One extra row is read to know whether a next page exists; ``count`` is null.
    """

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        size = self.get_page_size(request)
        self.number = page_number(request.query_params, self.page_query_param)
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
