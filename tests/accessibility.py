"""Accessibility checks on rendered HTML shared by the page tests."""

import re

CONTROL = re.compile(r"<(?:input|select|textarea)\b[^>]*>")


def unnamed_controls(page: str) -> list[str]:
    """Visible inputs, selects and textareas with no <label for=…>, no wrapping <label> and no aria-label."""
    labelled = set(re.findall(r'<label for="([^"]+)"', page))
    wrapped = {
        c for block in re.findall(r"<label\b[^>]*>.*?</label>", page, re.S) for c in CONTROL.findall(block)
    }

    def named(control: str) -> bool:
        found = re.search(r'\bid="([^"]+)"', control)
        return (
            "aria-label=" in control
            or control in wrapped
            or (found is not None and found.group(1) in labelled)
        )

    return [c for c in CONTROL.findall(page) if 'type="hidden"' not in c and not named(c)]
