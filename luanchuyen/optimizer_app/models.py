"""Optimizer runs of a rotation plan and the stated preferences that score pairs (DOMAIN.md §10.3)."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from luanchuyen.cadres.models import Cadre
from luanchuyen.core.choices import Purpose
from luanchuyen.organization.models import Locality, Post, Unit
from luanchuyen.rotation.models import RotationPlan


class StatedPreference(models.Model):
    """A wish recorded by the Ban Tổ chức: the cadre's (nguyện vọng) or a receiving unit's (đề nghị).

    A cadre's wish names a post, a unit or a locality; a receiving unit's wish names the unit and the
    cadre it asks for. Each adds `points` to the score of the matching (cadre, post) pairs.
    """

    class Side(models.TextChoices):
        CADRE = "cadre", "Nguyện vọng của cán bộ"
        RECEIVING_UNIT = "receiving_unit", "Đề nghị của đơn vị nơi đến"

    plan = models.ForeignKey(RotationPlan, verbose_name="Kế hoạch", on_delete=models.CASCADE,
                             related_name="stated_preferences")
    side = models.CharField("Bên nêu", max_length=16, choices=Side.choices)
    cadre = models.ForeignKey(Cadre, verbose_name="Cán bộ", on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, verbose_name="Vị trí", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+")
    unit = models.ForeignKey(Unit, verbose_name="Đơn vị", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+")
    locality = models.ForeignKey(Locality, verbose_name="Địa bàn", null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="+")
    points = models.PositiveSmallIntegerField("Điểm cộng", default=15)
    note = models.CharField("Ghi chú", max_length=255, blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="Người ghi", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField("Thời điểm ghi", auto_now_add=True)

    class Meta:
        verbose_name = "Nguyện vọng, đề nghị"
        verbose_name_plural = "Nguyện vọng, đề nghị"
        ordering = ["plan", "cadre", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False) | Q(unit__isnull=False) | Q(locality__isnull=False),
                name="preference_names_a_destination"),
            models.CheckConstraint(condition=~Q(side="receiving_unit") | Q(unit__isnull=False),
                                   name="unit_preference_names_the_unit"),
            models.CheckConstraint(condition=Q(points__lte=100), name="preference_points_max_100"),
        ]

    def __str__(self) -> str:
        return f"{self.get_side_display()}: {self.cadre} → {self.post or self.unit or self.locality}"


class OptimizerRun(models.Model):
    """One solve of a plan: the parameters, the §10.3 instance built from the rules, the result.

    `pins` and `forbids` are the user's choices for the next solve ("Giải lại"); the instance's
    `constraints.fixed`/`forbidden` are those this run was solved with.
    """

    plan = models.ForeignKey(RotationPlan, verbose_name="Kế hoạch", on_delete=models.CASCADE,
                             related_name="optimizer_runs")
    on = models.DateField("Ngày bắt đầu luân chuyển")
    purpose = models.CharField("Mục đích", max_length=32, choices=Purpose.choices)
    duration_months = models.PositiveSmallIntegerField("Thời gian luân chuyển (tháng)")
    planned_only = models.BooleanField("Chỉ cán bộ trong quy hoạch", default=True)
    total_min = models.PositiveSmallIntegerField("Số cán bộ thêm tối thiểu", null=True, blank=True)
    total_max = models.PositiveSmallIntegerField("Số cán bộ thêm tối đa", null=True, blank=True)
    instance = models.JSONField("Bài toán (luanchuyen-optimize/v1)", default=dict)
    details = models.JSONField("Chi tiết cặp, điểm và lý do", default=dict)
    result = models.JSONField("Kết quả", default=dict)
    status = models.CharField("Trạng thái lời giải", max_length=16, blank=True, default="")
    pins = models.JSONField("Cặp ghim", default=list, blank=True)
    forbids = models.JSONField("Cặp loại", default=list, blank=True)
    build_seconds = models.FloatField("Thời gian lập bài toán (giây)", default=0)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="Người chạy", null=True,
                              on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("Thời điểm", auto_now_add=True)
    previous = models.ForeignKey("self", verbose_name="Lần giải trước", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    accepted_at = models.DateTimeField("Thời điểm chấp nhận", null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="Người chấp nhận", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "Lần chạy tối ưu"
        verbose_name_plural = "Lần chạy tối ưu"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Lần chạy {self.pk} – {self.plan_id}"

    STATUS_TEXT = {
        "optimal": "Tối ưu (đã chứng minh)",
        "feasible": "Có phương án, chưa chứng minh tối ưu",
        "infeasible": "Không có phương án thỏa mọi ràng buộc",
        "unknown": "Chưa tìm được phương án",
        "error": "Lỗi bài toán",
    }

    @property
    def status_text(self) -> str:
        return self.STATUS_TEXT.get(self.status, self.status)

    @property
    def solved(self) -> bool:
        return self.status in ("optimal", "feasible")
