"""The results chain: institution → plans → results → products → subproducts, with goals, their
monthly programming, and the figures a plan states beside them; one module per subject.

``from planning.models import X`` names every model class, as Django expects of a models package.
"""

from .chain import Coverage, Product, Result, ResultTarget, Subproduct
from .geography import Department, Municipality
from .goals import Goal, Measure, Reprogramming
from .institutions import Institution, Program, ProgrammaticCategory, budget_code_validator
from .plans import BudgetProjection, DeclaredTotal, Plan
from .programming import MonthlyProgramming
from .strategic import StrategicFrame, StrategicObjective, StrategicValue

__all__ = [
    "BudgetProjection",
    "Coverage",
    "DeclaredTotal",
    "Department",
    "Goal",
    "Institution",
    "Measure",
    "MonthlyProgramming",
    "Municipality",
    "Plan",
    "Product",
    "Program",
    "ProgrammaticCategory",
    "Reprogramming",
    "Result",
    "ResultTarget",
    "StrategicFrame",
    "StrategicObjective",
    "StrategicValue",
    "Subproduct",
    "budget_code_validator",
]
