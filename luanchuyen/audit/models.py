"""The append-only audit log: every record view, export and change."""
from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Nhật ký truy cập chỉ được ghi thêm, không được sửa.")

    def delete(self):
        raise PermissionError("Nhật ký truy cập chỉ được ghi thêm, không được xóa.")


class AuditEntry(models.Model):
    at = models.DateTimeField("Thời điểm", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="Người thực hiện", null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    actor_name = models.CharField("Tên đăng nhập", max_length=150, blank=True, default="")
    action = models.CharField("Hành động", max_length=64, db_index=True)  # e.g. "cadre.viewed"
    object_type = models.CharField("Loại đối tượng", max_length=64, blank=True, default="")
    object_id = models.CharField("Mã đối tượng", max_length=64, blank=True, default="", db_index=True)
    data = models.JSONField("Chi tiết", default=dict, blank=True)
    ip = models.GenericIPAddressField("Địa chỉ", null=True, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "Mục nhật ký"
        verbose_name_plural = "Nhật ký truy cập"
        ordering = ["-at", "-id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Nhật ký truy cập chỉ được ghi thêm, không được sửa.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Nhật ký truy cập chỉ được ghi thêm, không được xóa.")
