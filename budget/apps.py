from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "budget"
    verbose_name = "Presupuesto y ejecución"

    def ready(self):
        # Planning (below us) spreads goals by a previous year's execution and hands the year's
        # production and execution to a new POA; it cannot import budget, so budget registers both.
        from budget.selectors import execution_monthly_pattern
        from budget.services.carry_over import production_carry_over
        from planning.selectors.programming import execution_pattern_register
        from planning.services.annual_plans import annual_plan_carry_over_register

        execution_pattern_register(execution_monthly_pattern)
        annual_plan_carry_over_register(production_carry_over)
