"""The period reports a reprogramming would change, for the planning lead's confirmation (planning's
page loads this tag: planning sits below reporting and cannot import it)."""

from django import template
from django.utils import timezone

from reporting.selectors.consequences import reports_changed_by

register = template.Library()


@register.simple_tag
def reports_changed_by_reprogramming(reprogramming):
    return reports_changed_by(reprogramming=reprogramming, today=timezone.localdate())
