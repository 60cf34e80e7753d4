"""Template filters for numbers as Vietnamese readers write them: {% load vn %}{{ n|thousands }} → 95.405."""
from __future__ import annotations

from django import template

from luanchuyen.core.text import thousands as _thousands

register = template.Library()


@register.filter
def thousands(value):
    """An integer with '.' between thousands (years and ids are not numbers to format: don't use it there)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    return _thousands(value)
