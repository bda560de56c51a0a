from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "Indicadores"

    def ready(self):
        # The plan consistency check (planning, below us) also compares the multiannual indicator
        # table with the plan's goals; planning cannot import indicators, so indicators adds it.
        from indicators.selectors import indicator_table_findings
        from planning.selectors.consistency import consistency_check_register

        consistency_check_register(indicator_table_findings)
