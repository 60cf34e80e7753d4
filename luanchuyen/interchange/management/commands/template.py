"""`luanchuyen template`: the empty workbook to fill in."""
from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from luanchuyen.interchange.management.base import InterchangeCommand
from luanchuyen.interchange.services import province
from luanchuyen.interchange.xlsx import write_template


class Command(InterchangeCommand):
    help = ("Tạo tệp Excel mẫu rỗng để nhập dữ liệu: mỗi danh sách một trang tính, tiêu đề cột tiếng Việt, danh "
            "sách chọn cho các cột danh mục và trang tính HuongDan giải thích từng cột.")

    def add_arguments(self, parser):
        parser.add_argument("--output", metavar="TỆP",
                            help="Tệp ghi ra (mặc định: luanchuyen-mau-<mã tỉnh>.xlsx ở thư mục hiện tại).")

    def handle(self, *args, output=None, **options):
        info = province()
        target = Path(output or f"luanchuyen-mau-{info['code']}.xlsx")
        if target.parent and not target.parent.exists():
            raise CommandError(f"Không có thư mục '{target.parent}'.")
        try:
            write_template(target, province=info)
        except OSError as e:
            raise CommandError(f"Không ghi được tệp '{target}': {e.strerror}") from e
        if options.get("verbosity", 1) >= 1:
            self.stdout.write(f"Đã tạo tệp mẫu {target}.")
