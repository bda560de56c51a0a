"""Writes and business rules of execution, a module per subject: ``locks`` (period locks),
``intake_rows`` and ``intake`` (checking and writing rows), ``uploads`` (files) and ``months``
(the entry grid and the month's review workflow)."""
