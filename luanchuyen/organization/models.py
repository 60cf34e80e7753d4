"""Organization (DOMAIN.md §4): localities and units of both eras, titles, posts."""
from __future__ import annotations

from django.db import models
from django.db.models import Q

from luanchuyen.core import text
from luanchuyen.core.choices import Block, Level, Role, Sector, UnitGroup, UnitSubgroup
from luanchuyen.core.models import Validity, ordered_dates


class Locality(Validity):
    """An administrative division: province, district (until 30/06/2025), commune."""

    id = models.CharField("Mã", max_length=32, primary_key=True)
    name = models.CharField("Tên", max_length=200)
    level = models.CharField("Cấp", max_length=16, choices=Level.choices)
    parent = models.ForeignKey("self", verbose_name="Trực thuộc", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    successor = models.ForeignKey("self", verbose_name="Đơn vị kế thừa", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="predecessors")

    class Meta:
        verbose_name = "Địa bàn"
        verbose_name_plural = "Địa bàn"
        ordering = ["id"]
        constraints = [ordered_dates("locality", "valid_from", "valid_to")]

    def __str__(self) -> str:
        return self.name


class Unit(Validity):
    """An agency, organisation or locality body (đơn vị)."""

    id = models.CharField("Mã", max_length=32, primary_key=True)
    name = models.CharField("Tên đơn vị", max_length=255)
    group = models.CharField("Nhóm", max_length=32, choices=UnitGroup.choices)
    subgroup = models.CharField("Khối", max_length=32, choices=UnitSubgroup.choices, blank=True, default="")
    block = models.CharField("Khối hệ thống chính trị", max_length=32, choices=Block.choices)
    level = models.CharField("Cấp", max_length=16, choices=Level.choices)
    locality = models.ForeignKey(Locality, verbose_name="Địa bàn", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="units")
    parent = models.ForeignKey("self", verbose_name="Đơn vị cấp trên", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    staff_total = models.PositiveIntegerField("Tổng biên chế", default=0)
    staff_female = models.PositiveIntegerField("Biên chế nữ", default=0)
    # the name in lower case without diacritics, for finding a unit as one types ("so tai chinh")
    name_search = models.CharField(max_length=255, editable=False, db_index=True, default="")

    class Meta:
        verbose_name = "Đơn vị"
        verbose_name_plural = "Đơn vị"
        ordering = ["id"]
        constraints = [
            ordered_dates("unit", "valid_from", "valid_to"),
            models.CheckConstraint(condition=Q(staff_female__lte=models.F("staff_total")),
                                   name="unit_female_within_total"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_search = text.strip_accents(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_search"}
        super().save(*args, **kwargs)

    @property
    def female_share(self) -> float:
        return 100.0 * self.staff_female / self.staff_total if self.staff_total else 0.0


class Title(models.Model):
    """A kind of post (chức danh): Giám đốc Sở, Bí thư Huyện ủy …"""

    id = models.CharField("Mã", max_length=64, primary_key=True)
    name = models.CharField("Tên chức danh", max_length=255)
    role = models.CharField("Cấp trưởng/phó", max_length=8, choices=Role.choices)
    rank = models.IntegerField("Bậc (cao hơn = cao cấp hơn)")
    key_title = models.BooleanField("Chức danh chủ chốt", default=False)
    non_local_required = models.BooleanField("Bố trí không phải người địa phương", default=False)
    sector = models.CharField("Ngành chuyên sâu", max_length=32, choices=Sector.choices, blank=True, default="")
    level = models.CharField("Cấp", max_length=16, choices=Level.choices, blank=True, default="")

    class Meta:
        verbose_name = "Chức danh"
        verbose_name_plural = "Chức danh"
        ordering = ["-rank", "id"]

    def __str__(self) -> str:
        return self.name


class Post(Validity):
    """A concrete slot of a title in a unit (vị trí)."""

    id = models.CharField("Mã", max_length=32, primary_key=True)
    unit = models.ForeignKey(Unit, verbose_name="Đơn vị", on_delete=models.PROTECT, related_name="posts")
    title = models.ForeignKey(Title, verbose_name="Chức danh", on_delete=models.PROTECT, related_name="posts")
    slots = models.PositiveIntegerField("Số lượng", default=1)

    class Meta:
        verbose_name = "Vị trí"
        verbose_name_plural = "Vị trí"
        ordering = ["id"]
        constraints = [
            ordered_dates("post", "valid_from", "valid_to"),
            models.CheckConstraint(condition=Q(slots__gte=1), name="post_slots_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.title.name} – {self.unit.name}"
