from rest_framework.pagination import CursorPagination, PageNumberPagination


class PagePagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 1000


class IdCursorPagination(CursorPagination):
    """For the big tables: no COUNT(*), constant cost per page, stable under concurrent inserts."""

    ordering = "id"
    page_size_query_param = "page_size"
    max_page_size = 1000
