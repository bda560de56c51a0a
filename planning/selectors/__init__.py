"""Reads of planning, one module per subject; import from the subject module."""
