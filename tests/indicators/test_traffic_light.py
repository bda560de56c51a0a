from decimal import Decimal

import pytest

from monitoring.selectors import Light, traffic_light


@pytest.mark.parametrize(
    "pct,light",
    [
        ("90.00", Light.GREEN),
        ("103.98", Light.GREEN),
        ("89.99", Light.YELLOW),
        ("70.00", Light.YELLOW),
        ("69.99", Light.RED),
        ("0.00", Light.RED),
    ],
)
def test_default_thresholds_are_90_and_70(pct, light):
    assert traffic_light(Decimal(pct)) == light


def test_thresholds_come_from_settings(settings):
    settings.IGM_TRAFFIC_GREEN_PCT = "95"
    settings.IGM_TRAFFIC_YELLOW_PCT = "80"
    assert traffic_light(Decimal("94.99")) == Light.YELLOW
    assert traffic_light(Decimal("79.99")) == Light.RED
    assert traffic_light(Decimal("95.00")) == Light.GREEN
