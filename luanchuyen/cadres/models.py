"""The cadre record (DOMAIN.md §5; Mẫu 2C/TCTW-98) and its history."""
from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from luanchuyen.core import text
from luanchuyen.core.choices import (
    BirthPrecision, CourseKind, DisciplineForm, EducationLevel, Gender, Grade, PoliticalTheory,
    ProceedingKind, StateManagement, TrainingField, TrainingMode,
)
from luanchuyen.core.models import ordered_dates
from luanchuyen.organization.models import Locality, Post, Title, Unit


class Cadre(models.Model):
    id = models.CharField("Mã cán bộ", max_length=32, primary_key=True)
    full_name = models.CharField("Họ và tên", max_length=120)
    other_name = models.CharField("Tên gọi khác", max_length=120, blank=True, default="")
    gender = models.CharField("Giới tính", max_length=3, choices=Gender.choices)
    birth_date = models.DateField("Ngày sinh")
    birth_precision = models.CharField("Độ chính xác ngày sinh", max_length=1, choices=BirthPrecision.choices,
                                       default=BirthPrecision.DAY)
    birthplace = models.ForeignKey(Locality, verbose_name="Nơi sinh", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    hometown = models.ForeignKey(Locality, verbose_name="Quê quán", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    ethnicity = models.CharField("Dân tộc", max_length=40, blank=True, default="")
    religion = models.CharField("Tôn giáo", max_length=40, blank=True, default="")
    citizen_id = models.CharField("Số CCCD", max_length=20, blank=True, default="")
    party_joined = models.DateField("Ngày vào Đảng", null=True, blank=True)
    party_official = models.DateField("Ngày chính thức", null=True, blank=True)
    general_education = models.CharField("Giáo dục phổ thông", max_length=10, blank=True, default="")
    political_theory = models.CharField("Lý luận chính trị", max_length=16, choices=PoliticalTheory.choices,
                                        blank=True, default="")
    state_management = models.CharField("Quản lý nhà nước", max_length=32, choices=StateManagement.choices,
                                        blank=True, default="")
    foreign_language = models.CharField("Ngoại ngữ", max_length=80, blank=True, default="")
    it_skill = models.CharField("Tin học", max_length=80, blank=True, default="")
    late_retirement_eligible = models.BooleanField("Thuộc diện kéo dài tuổi nghỉ hưu (NĐ 83/2022)", default=False)
    health_certificate = models.DateField("Ngày cấp giấy chứng nhận sức khỏe", null=True, blank=True)

    # Derived, kept by services (import, position changes) for scoped, fast lists.
    current_post = models.ForeignKey(Post, verbose_name="Vị trí hiện tại", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    current_unit = models.ForeignKey(Unit, verbose_name="Đơn vị hiện tại", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="current_cadres")
    name_search = models.CharField(max_length=120, editable=False, db_index=True, default="")
    name_sort = models.CharField(max_length=600, editable=False, db_index=True, default="")

    class Meta:
        verbose_name = "Cán bộ"
        verbose_name_plural = "Cán bộ"
        ordering = ["name_sort", "id"]
        constraints = [ordered_dates("cadre", "party_joined", "party_official")]
        indexes = [models.Index(fields=["current_unit", "name_sort"], name="cadre_unit_sort")]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.refresh_name_keys()
        super().save(*args, **kwargs)

    def refresh_name_keys(self) -> None:
        self.name_search = text.name_search_key(self.full_name)
        self.name_sort = text.name_sort_key(self.full_name)

    @property
    def birth_display(self) -> str:
        return text.format_partial_date(self.birth_date, self.birth_precision)

    @property
    def birth_iso(self) -> str:
        return text.partial_date_iso(self.birth_date, self.birth_precision)

    def age_on(self, on: dt.date) -> int:
        return text.age_on(self.birth_date, on)


class CadreChild(models.Model):
    cadre = models.ForeignKey(Cadre, on_delete=models.CASCADE, related_name="%(class)s_set")

    class Meta:
        abstract = True


class Education(CadreChild):
    level = models.CharField("Trình độ", max_length=16, choices=EducationLevel.choices)
    field = models.CharField("Lĩnh vực", max_length=32, choices=TrainingField.choices)
    mode = models.CharField("Hình thức", max_length=32, choices=TrainingMode.choices)
    institution = models.CharField("Cơ sở đào tạo", max_length=255, blank=True, default="")
    major = models.CharField("Chuyên ngành", max_length=255, blank=True, default="")
    year = models.PositiveIntegerField("Năm tốt nghiệp", null=True, blank=True)

    class Meta:
        verbose_name = "Trình độ đào tạo"
        verbose_name_plural = "Trình độ đào tạo"
        ordering = ["cadre_id", "year", "id"]


class Position(CadreChild):
    """A post held (work history). Concurrent posts are allowed beside one primary post."""

    post = models.ForeignKey(Post, verbose_name="Vị trí", on_delete=models.PROTECT, related_name="positions")
    start = models.DateField("Từ ngày")
    end = models.DateField("Đến ngày", null=True, blank=True)
    concurrent = models.BooleanField("Kiêm nhiệm", default=False)

    class Meta:
        verbose_name = "Quá trình công tác"
        verbose_name_plural = "Quá trình công tác"
        ordering = ["cadre_id", "start", "id"]
        constraints = [ordered_dates("position", "start", "end")]
        indexes = [models.Index(fields=["post", "start"], name="position_post_start")]


class PlanningEntry(CadreChild):
    title = models.ForeignKey(Title, verbose_name="Chức danh quy hoạch", on_delete=models.PROTECT,
                              related_name="planning_entries")
    term = models.CharField("Nhiệm kỳ", max_length=9)  # "2020-2025"
    group = models.PositiveSmallIntegerField("Cấp quy hoạch", default=1)
    approved = models.DateField("Ngày phê duyệt", null=True, blank=True)
    removed = models.DateField("Ngày đưa ra khỏi quy hoạch", null=True, blank=True)

    class Meta:
        verbose_name = "Quy hoạch"
        verbose_name_plural = "Quy hoạch"
        ordering = ["cadre_id", "term", "id"]
        constraints = [ordered_dates("planning", "approved", "removed")]


class Appointment(CadreChild):
    post = models.ForeignKey(Post, verbose_name="Vị trí", on_delete=models.PROTECT, related_name="appointments")
    decided = models.DateField("Ngày quyết định")
    decision = models.CharField("Số quyết định", max_length=64, blank=True, default="")
    term_start = models.DateField("Thời hạn từ", null=True, blank=True)
    term_end = models.DateField("Thời hạn đến", null=True, blank=True)

    class Meta:
        verbose_name = "Bổ nhiệm"
        verbose_name_plural = "Bổ nhiệm"
        ordering = ["cadre_id", "decided", "id"]
        constraints = [ordered_dates("appointment", "term_start", "term_end")]


class Discipline(CadreChild):
    form = models.CharField("Hình thức", max_length=16, choices=DisciplineForm.choices)
    decided = models.DateField("Ngày quyết định")
    until = models.DateField("Hết thời hạn", null=True, blank=True)

    class Meta:
        verbose_name = "Kỷ luật"
        verbose_name_plural = "Kỷ luật"
        ordering = ["cadre_id", "decided", "id"]
        constraints = [ordered_dates("discipline", "decided", "until")]


class Proceeding(CadreChild):
    kind = models.CharField("Loại", max_length=16, choices=ProceedingKind.choices)
    start = models.DateField("Từ ngày")
    end = models.DateField("Đến ngày", null=True, blank=True)

    class Meta:
        verbose_name = "Điều tra, truy tố, xét xử"
        verbose_name_plural = "Điều tra, truy tố, xét xử"
        ordering = ["cadre_id", "start", "id"]
        constraints = [ordered_dates("proceeding", "start", "end")]


class Evaluation(CadreChild):
    year = models.PositiveIntegerField("Năm")
    grade = models.CharField("Xếp loại", max_length=8, choices=Grade.choices)
    score = models.PositiveSmallIntegerField("Điểm", null=True, blank=True)

    class Meta:
        verbose_name = "Đánh giá, xếp loại"
        verbose_name_plural = "Đánh giá, xếp loại"
        ordering = ["cadre_id", "year"]
        constraints = [
            models.UniqueConstraint(fields=["cadre", "year"], name="evaluation_one_per_year"),
            models.CheckConstraint(condition=Q(score__isnull=True) | Q(score__lte=100), name="evaluation_score_max_100"),
        ]


class Course(CadreChild):
    """A training or refresher course (đào tạo, bồi dưỡng)."""

    kind = models.CharField("Loại", max_length=32, choices=CourseKind.choices)
    name = models.CharField("Tên khóa học", max_length=255)
    institution = models.CharField("Cơ sở đào tạo", max_length=255, blank=True, default="")
    start = models.DateField("Từ ngày", null=True, blank=True)
    end = models.DateField("Đến ngày", null=True, blank=True)
    mode = models.CharField("Hình thức", max_length=32, choices=TrainingMode.choices, blank=True, default="")

    class Meta:
        verbose_name = "Đào tạo, bồi dưỡng"
        verbose_name_plural = "Đào tạo, bồi dưỡng"
        ordering = ["cadre_id", "start", "id"]
        constraints = [ordered_dates("course", "start", "end")]


class ApprovedException(CadreChild):
    """A special case decided by the competent level: turns one rule's fail into a pass."""

    rule = models.CharField("Quy tắc", max_length=32)
    decision = models.CharField("Số quyết định", max_length=64)
    date = models.DateField("Ngày quyết định")
    approved_by = models.CharField("Cấp quyết định", max_length=255, blank=True, default="")

    class Meta:
        verbose_name = "Trường hợp đặc biệt được chấp thuận"
        verbose_name_plural = "Trường hợp đặc biệt được chấp thuận"
        ordering = ["cadre_id", "date", "id"]
