"""JSON rendering: the selector's report JSON, plus the letter, deviation notes and monthly detail."""

import json

from reporting.documents import ReportDocument


def render_json(document: ReportDocument) -> bytes:
    data = document.to_json_data()
    content = {
        **data["report"],
        "draft": data["draft"],
        "letter": data["letter"],
        "deviations": data["deviations"],
        "cost_centre_detail": data["detail"],
    }
    return json.dumps(content, ensure_ascii=False, indent=2).encode()
