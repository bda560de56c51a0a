"""SVG charts are well-formed XML and never carry markup from names."""

from decimal import Decimal
from xml.etree import ElementTree

from monitoring.charts import cumulative_line_svg, nice_ticks, progress_bars_svg


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


def _axis_labels(svg: str) -> list[str]:
    """The y axis's labels: right-aligned texts at the plot's left edge, top to bottom reversed."""
    root = ElementTree.fromstring(svg)  # noqa: S314 — our own output, under test
    labels = [
        (float(t.get("y")), t.text)
        for t in root.iter("{http://www.w3.org/2000/svg}text")
        if t.get("text-anchor") == "end" and float(t.get("x")) < 70
    ]
    return [text for _y, text in sorted(labels, reverse=True)]


def test_axis_of_a_small_goal_counts_in_whole_distinct_steps():
    """A goal of 3 documents: the axis reads 0, 1, 2, 3, 4 — never 0, 1, 2, 2, 3."""
    svg = cumulative_line_svg(
        title="Física",
        cumulative=(Decimal(1), Decimal(2), *[Decimal(3)] * 10),
        months_so_far=4,
        goal=Decimal(3),
        projected=Decimal(3),
    )
    assert _axis_labels(svg) == ["0", "1", "2", "3", "4"]


def test_nice_ticks_are_round_steps_reaching_the_maximum():
    assert nice_ticks(Decimal("3.15")) == [0, 1, 2, 3, 4]
    assert nice_ticks(Decimal("1365")) == [0, 500, 1000, 1500, 2000]
    assert nice_ticks(Decimal("12900000")) == [0, 5000000, 10000000, 15000000, 20000000]
    assert nice_ticks(Decimal("0")) == [0, 1, 2, 3, 4]
