"""Shared model pieces: time validity."""
from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q


class ValidityQuerySet(models.QuerySet):
    def valid_on(self, on: dt.date):
        """Rows in force on `on` (valid_from ≤ on ≤ valid_to, open ends allowed)."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )


class Validity(models.Model):
    valid_from = models.DateField("Hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("Hiệu lực đến", null=True, blank=True)

    objects = ValidityQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_valid_on(self, on: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or on <= self.valid_to)


def ordered_dates(prefix: str, start: str, end: str) -> models.CheckConstraint:
    """`end` is empty or not before `start`."""
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True}) | Q(**{f"{start}__isnull": True}) | Q(**{f"{end}__gte": models.F(start)}),
        name=f"{prefix}_{end}_after_{start}",
    )
