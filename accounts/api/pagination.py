from rest_framework.pagination import CursorPagination, PageNumberPagination

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
