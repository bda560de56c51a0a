"""JSON rendering: the document exactly as the API and the snapshot hold it."""

import json

from reporting.documents import ReportDocument


def render_json(document: ReportDocument) -> bytes:
    return json.dumps(document.to_json_data(), ensure_ascii=False, indent=2).encode()
