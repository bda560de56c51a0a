"""Reads of planning, one module per subject; import from the subject module.

``budget`` and ``reporting`` modules that another change is moving at the same time still import
the four names below from here; they resolve on first use (importing the subject modules here
would load the models before Django's apps). Switch those imports and drop this.
"""

import importlib

_MOVED = {
    "goals_with_reprogramming_counts": "planning.selectors.goals",
    "institution_list_for_user": "planning.selectors.plans",
    "plan_for_year": "planning.selectors.plans",
    "subproduct_goals_rolled_up": "planning.selectors.goals",
}


def __getattr__(name: str):
    if name in _MOVED:
        return getattr(importlib.import_module(_MOVED[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
