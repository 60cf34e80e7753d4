"""`luanchuyen import TỆP`: load a luanchuyen/v1 JSON document or Excel workbook."""
from __future__ import annotations

from django.core.management.base import CommandError

from luanchuyen.interchange.management.base import InterchangeCommand, ProgressBars, command_actor
from luanchuyen.interchange.services import ImportRejected, import_file


class Command(InterchangeCommand):
    help = ("Nhập dữ liệu từ tệp JSON hoặc Excel (.xlsx) theo định dạng luanchuyen/v1. Dòng có mã đã có thì "
            "được cập nhật, dòng mới thì được thêm; nhập lại cùng một tệp không thay đổi gì. Tệp có lỗi thì "
            "không ghi gì và liệt kê mọi lỗi theo danh sách (trang tính), dòng và trường (cột).")

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="TỆP", help="Tệp JSON hoặc Excel (.xlsx) cần nhập.")
        parser.add_argument("--dry-run", action="store_true",
                            help="Chỉ kiểm tra tệp và đếm thay đổi, không ghi vào cơ sở dữ liệu.")
        parser.add_argument("--user", metavar="TÊN_ĐĂNG_NHẬP",
                            help="Tài khoản ghi vào nhật ký là người nhập (mặc định: tài khoản hệ điều hành).")

    def handle(self, *args, file, dry_run=False, user=None, **options):
        actor = command_actor(user)
        try:
            with ProgressBars() as progress:
                summary = import_file(file, actor=actor, progress=progress, dry_run=dry_run)
        except ImportRejected as e:
            lines = "".join(f"\n- {p}" for p in e.problems)
            raise CommandError(f"Không nhập được tệp {file}: có {len(e.problems)} lỗi, chưa ghi gì vào cơ sở "
                               f"dữ liệu.{lines}") from e
        if options.get("verbosity", 1) >= 1:
            head = "Kiểm tra xong (chưa ghi gì)" if dry_run else "Đã nhập"
            self.stdout.write(f"{head} tệp {file}:")
            for line in summary.lines():
                self.stdout.write(f"  {line}")
