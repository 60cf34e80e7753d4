"""Rotation plans and proposals (DOMAIN.md §8). The 5-step procedure builds on these."""
from __future__ import annotations

from django.db import models

from luanchuyen.cadres.models import Cadre
from luanchuyen.core.choices import Purpose
from luanchuyen.core.models import ordered_dates
from luanchuyen.organization.models import Post


class RotationPlan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Dự thảo"
        IN_PROGRESS = "in_progress", "Đang thực hiện"
        FINISHED = "finished", "Đã kết thúc"

    id = models.CharField("Mã kế hoạch", max_length=32, primary_key=True)
    name = models.CharField("Tên kế hoạch", max_length=255)
    period_start = models.DateField("Từ ngày")
    period_end = models.DateField("Đến ngày")
    status = models.CharField("Trạng thái", max_length=16, choices=Status.choices, default=Status.DRAFT)
    parameters = models.JSONField("Tham số riêng của kế hoạch", default=dict, blank=True)
    targets = models.JSONField("Chỉ tiêu", default=dict, blank=True)

    class Meta:
        verbose_name = "Kế hoạch luân chuyển"
        verbose_name_plural = "Kế hoạch luân chuyển"
        ordering = ["-period_start", "id"]
        constraints = [ordered_dates("plan", "period_start", "period_end")]

    def __str__(self) -> str:
        return self.name


class Proposal(models.Model):
    """One cadre's rotation in a plan: purpose, from-post, one or more to-posts, dates."""

    id = models.CharField("Mã đề xuất", max_length=32, primary_key=True)
    plan = models.ForeignKey(RotationPlan, verbose_name="Kế hoạch", null=True, blank=True,
                             on_delete=models.PROTECT, related_name="proposals")
    cadre = models.ForeignKey(Cadre, verbose_name="Cán bộ", on_delete=models.PROTECT, related_name="proposals")
    purpose = models.CharField("Mục đích", max_length=32, choices=Purpose.choices)
    from_post = models.ForeignKey(Post, verbose_name="Vị trí nơi đi", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    to_posts = models.ManyToManyField(Post, verbose_name="Vị trí nơi đến", related_name="incoming_proposals")
    start = models.DateField("Ngày bắt đầu")
    end = models.DateField("Ngày kết thúc dự kiến")
    outstanding_capacity = models.BooleanField("Năng lực nổi trội (bố trí chức vụ cao hơn)", default=False)
    actual_end = models.DateField("Ngày kết thúc thực tế", null=True, blank=True)
    placement = models.CharField("Bố trí sau luân chuyển", max_length=255, blank=True, default="")

    class Meta:
        verbose_name = "Đề xuất luân chuyển"
        verbose_name_plural = "Đề xuất luân chuyển"
        ordering = ["start", "id"]
        constraints = [ordered_dates("proposal", "start", "end")]

    def __str__(self) -> str:
        return f"{self.id} – {self.cadre}"
