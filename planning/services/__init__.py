"""Writes and business rules of planning, one module per subject.

Refusals raise ``ValidationError`` (bad input or a rule) or ``PermissionDenied`` (wrong role or
institution, from ``planning.permissions``), always with a Spanish message that the views show as is.
"""
