"""A file the browser saves instead of showing (PDF, XLSX made in memory)."""

from django.http import HttpResponse


def attachment_response(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
