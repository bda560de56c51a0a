"""Pure functions from a ``ReportDocument`` to the bytes of a file: they format, never compute."""
