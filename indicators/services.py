"""Writes for indicators and plan-level documents."""

from __future__ import annotations


# --- Issue 5b (goals grid, POM matrices import) services below this line ------------------------


# --- Issue 5c (indicator sheets, activity report) services below this line ---------------------
