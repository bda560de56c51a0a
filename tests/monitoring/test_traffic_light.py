from decimal import Decimal

import pytest

from monitoring.selectors import Light, traffic_light

LIGHTS = {Light.GREEN: ("90.00", "103.98"), Light.YELLOW: ("89.99", "70.00"), Light.RED: ("69.99", "0.00")}


@pytest.mark.parametrize(("pct", "light"), [(pct, light) for light, pcts in LIGHTS.items() for pct in pcts])
def test_default_thresholds_are_90_and_70(pct, light):
    assert traffic_light(Decimal(pct)) == light


def test_thresholds_come_from_settings(settings):
    settings.IGM_TRAFFIC_GREEN_PCT = "95"
    settings.IGM_TRAFFIC_YELLOW_PCT = "80"
    assert traffic_light(Decimal("94.99")) == Light.YELLOW
    assert traffic_light(Decimal("79.99")) == Light.RED
    assert traffic_light(Decimal("95.00")) == Light.GREEN
