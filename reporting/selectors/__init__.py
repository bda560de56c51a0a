"""Reads of the reporting app, a module per subject: ``siplan`` (the report's arithmetic),
``deviations``, ``documents`` (what the renderers get), ``officers``, ``deadlines`` and ``jobs``."""
