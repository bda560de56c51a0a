from django import template

from planning import formatting

register = template.Library()
register.filter("cifra", formatting.figure)
register.filter("quetzales", formatting.quetzales)
register.filter("unidades", formatting.units)
