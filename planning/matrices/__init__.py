"""The POM matrices (9.2, 9.3, 9.5 and section 8) as data, and their XLSX/PDF writers and XLSX reader.

Pure functions: ``PomMatrices`` (``model``) in, bytes out (``xlsx_writer``, ``pdf``) and back
(``xlsx_reader``). The figures come from ``planning.selectors.matrices.pom_matrices``; the reader
returns the same structure so that export → import → export gives the same file.
"""
