"""`luanchuyen export --format json|xlsx`: the database as a luanchuyen/v1 document."""
from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils import timezone

from luanchuyen.interchange.management.base import InterchangeCommand, ProgressBars, command_actor
from luanchuyen.interchange.services import export_document


class Command(InterchangeCommand):
    help = ("Xuất toàn bộ dữ liệu (địa bàn, đơn vị, chức danh, vị trí, cán bộ, đề xuất, kế hoạch) theo định dạng "
            "luanchuyen/v1, ra JSON hoặc Excel (.xlsx). Việc xuất được ghi vào nhật ký.")

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "xlsx"], default="json",
                            help="Định dạng tệp xuất: json (mặc định) hoặc xlsx.")
        parser.add_argument("--output", metavar="TỆP",
                            help="Tệp ghi ra. Mặc định: JSON in ra màn hình (stdout); Excel ghi vào "
                                 "luanchuyen-<mã tỉnh>-<ngày>.xlsx ở thư mục hiện tại.")
        parser.add_argument("--cadre", action="append", metavar="MÃ_CÁN_BỘ",
                            help="Chỉ xuất cán bộ này (có thể lặp lại); địa bàn, đơn vị, chức danh, vị trí vẫn "
                                 "xuất đầy đủ.")
        parser.add_argument("--user", metavar="TÊN_ĐĂNG_NHẬP",
                            help="Tài khoản ghi vào nhật ký là người xuất (mặc định: tài khoản hệ điều hành).")

    def handle(self, *args, format="json", output=None, cadre=None, user=None, **options):
        actor = command_actor(user)
        if format == "xlsx" and output == "-":
            raise CommandError("Không thể in tệp Excel ra màn hình; hãy chọn tệp bằng --output.")
        if output is None and format == "xlsx":
            from luanchuyen.interchange.services import province

            output = f"luanchuyen-{province()['code']}-{timezone.localdate().isoformat()}.xlsx"
        target = None if output in (None, "-") else Path(output)
        if target is not None and target.parent and not target.parent.exists():
            raise CommandError(f"Không có thư mục '{target.parent}'.")
        with ProgressBars() as progress:
            doc = export_document(actor=actor, cadre_ids=cadre, file_name=str(target or "stdout"),
                                  progress=progress)
            if cadre:
                missing = sorted(set(cadre) - {c["id"] for c in doc["cadres"]})
                if missing:
                    raise CommandError("Không có cán bộ mã: " + ", ".join(missing))
            if format == "xlsx":
                from luanchuyen.interchange.xlsx import write_workbook

                try:
                    write_workbook(doc, target, progress=progress)
                except OSError as e:
                    raise CommandError(f"Không ghi được tệp '{target}': {e.strerror}") from e
            else:
                content = json.dumps(doc, ensure_ascii=False, indent=2)
                if target is None:
                    self.stdout.write(content)
                    return
                try:
                    target.write_text(content + "\n", encoding="utf-8")
                except OSError as e:
                    raise CommandError(f"Không ghi được tệp '{target}': {e.strerror}") from e
        if options.get("verbosity", 1) >= 1:
            self.stdout.write(f"Đã xuất {len(doc['cadres'])} cán bộ ra tệp {target}.")
