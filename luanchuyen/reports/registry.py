"""The reports the console and the pages offer: code -> (Vietnamese title, builder)."""

from __future__ import annotations

from luanchuyen.reports.structure import structure_report

REPORTS = {
    "co-cau": ("Cơ cấu đội ngũ cán bộ (Đề án 01: nữ, trẻ, đào tạo, lĩnh vực)", structure_report),
}
