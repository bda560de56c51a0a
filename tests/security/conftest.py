from tests.reporting.conftest import explained  # noqa: F401  (IGM 2024 period 3, every deviation explained)
