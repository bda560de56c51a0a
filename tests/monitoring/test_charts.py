"""SVG charts are well-formed XML and never carry markup from names."""

from decimal import Decimal
from xml.etree import ElementTree

from monitoring.charts import cumulative_line_svg, progress_bars_svg


def test_bar_labels_are_escaped_and_the_svg_parses():
    svg = progress_bars_svg(
        title="Avance", items=[('<script>alert("x")</script>', Decimal("103.98"), Decimal("0.00"))]
    )
    root = ElementTree.fromstring(svg)  # noqa: S314 — our own output, under test
    assert "<script>" not in svg
    assert root.tag.endswith("svg")
    assert "103.98 %" in "".join(root.itertext())


def test_line_chart_draws_the_months_so_far_and_a_projection_to_december():
    cumulative = tuple(Decimal(100 * m) for m in range(1, 13))
    svg = cumulative_line_svg(
        title="Física", cumulative=cumulative, months_so_far=8, goal=Decimal(1300), projected=Decimal(1200)
    )
    root = ElementTree.fromstring(svg)  # noqa: S314 — our own output, under test
    namespace = "{http://www.w3.org/2000/svg}"
    points = root.find(f"{namespace}polyline").get("points").split()
    assert len(points) == 8
    text = "".join(root.itertext())
    assert "Meta vigente 1.3 mil" in text and "Proyección 1.2 mil" in text
