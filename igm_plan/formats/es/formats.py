"""Guatemala writes 1,234.56 (Spain writes 1.234,56): the numbers Django localises itself, such as
the admin's lists, follow the same convention as the figures the pages format explicitly. Dates
and everything else stay as Django's Spanish."""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
