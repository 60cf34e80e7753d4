"""`luanchuyen report co-cau [--on NGÀY] [--format json|table|xlsx] [--output TỆP]`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils import timezone

from luanchuyen.interchange.management.base import InterchangeCommand, command_actor


def parse_day(text: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise CommandError(f"Ngày '{text}' không hợp lệ (dạng YYYY-MM-DD hoặc dd/mm/yyyy, ví dụ 2021-03-12).")


class Command(InterchangeCommand):
    help = (
        "Lập báo cáo. co-cau: cơ cấu đội ngũ cán bộ tại một ngày theo Đề án 01 — tổng số theo nhóm cơ quan, "
        "đơn vị; cán bộ nữ, cán bộ trẻ (dưới 40 tuổi từ Đề án 01-ĐA/TU, dưới 42 tuổi từ Chỉ thị 45-CT/TW ngày 14/04/2025: tham số structure.young_age_years) toàn bộ, cấp tỉnh và cấp huyện/xã; đào tạo chính quy; "
        "lĩnh vực đào tạo; độ tuổi."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", metavar="BÁO_CÁO", help="Tên báo cáo: co-cau (cơ cấu đội ngũ cán bộ).")
        parser.add_argument("--on", metavar="NGÀY", help="Ngày báo cáo, dạng YYYY-MM-DD (mặc định: hôm nay).")
        parser.add_argument(
            "--format",
            default="json",
            choices=["json", "table", "xlsx"],
            help="json (mặc định, ra màn hình), table (bảng chữ), xlsx (tệp Excel).",
        )
        parser.add_argument(
            "--output",
            metavar="TỆP",
            help="Ghi ra tệp này (xlsx mặc định: bao-cao-co-cau-<mã tỉnh>-<ngày>.xlsx).",
        )
        parser.add_argument(
            "--user",
            metavar="TÊN_ĐĂNG_NHẬP",
            help="Tài khoản ghi vào nhật ký là người lập báo cáo (mặc định: tài khoản hệ điều hành).",
        )

    def handle(self, *args, name, on=None, format="json", output=None, user=None, **options):
        from luanchuyen.audit.services import audit_record
        from luanchuyen.reports.formatters import as_table, as_xlsx, xlsx_file_name
        from luanchuyen.reports.registry import REPORTS
        from luanchuyen.reports.selectors import province_identity

        if name not in REPORTS:
            known = ", ".join(f"{code} ({title})" for code, (title, _b) in REPORTS.items())
            raise CommandError(f"Không có báo cáo '{name}'. Các báo cáo: {known}.")
        day = parse_day(on) if on else timezone.localdate()
        actor = command_actor(user)
        _title, build = REPORTS[name]
        report = build(on=day)
        code, province_name = province_identity()
        if format == "xlsx":
            path = Path(output or xlsx_file_name(report, code))
            try:
                path.write_bytes(as_xlsx(report, province_name=province_name))
            except OSError as e:
                raise CommandError(f"Không ghi được tệp {path}: {e.strerror or e}") from e
            text = None
        elif format == "table":
            text = as_table(report, province_name=province_name)
        else:
            text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
        if text is not None and output:
            path = Path(output)
            try:
                path.write_text(text, encoding="utf-8")
            except OSError as e:
                raise CommandError(f"Không ghi được tệp {path}: {e.strerror or e}") from e
        audit_record(
            actor=actor,
            action="report.exported",
            data={"report": name, "on": report["on"], "format": format, "file": str(output or "")},
        )
        if text is not None and not output:
            self.stdout.write(text, ending="")
        elif options.get("verbosity", 1) >= 1:
            self.stdout.write(f"Đã ghi báo cáo vào tệp {path}.")
