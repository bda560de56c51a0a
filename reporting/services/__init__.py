"""Writes of the reporting app: the approval workflow and deviation notes (``workflow``), and report
jobs, query → render → sign → store (``jobs``)."""


class WorkflowError(Exception):
    """A workflow step refused, with the reason in Spanish."""
