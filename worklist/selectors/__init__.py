"""What each role has to do next, read from the apps below (budget, planning, reporting, monitoring)."""

from worklist.selectors.home import Item, Queue, Worklist, worklist_for

__all__ = ["Item", "Queue", "Worklist", "worklist_for"]
