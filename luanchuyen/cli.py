"""The `luanchuyen` console script.

Pure subcommands (no database) are plain functions `main(argv) -> int`; every other subcommand
is a Django management command of one of the domain apps, run with the project's settings.
"""
from __future__ import annotations

import importlib
import os
import sys

# subcommand -> "module:function"; these need no database and start fast.
PURE_COMMANDS: dict[str, str] = {
    "retirement": "luanchuyen.rules.cli:retirement_main",
    "optimize": "luanchuyen.optimizer.cli:main",
}

# subcommand -> Vietnamese one-line description, for `luanchuyen --help`.
COMMANDS: dict[str, str] = {
    "demo-data": "Tạo dữ liệu tỉnh mẫu (Tỉnh Mẫu) vào cơ sở dữ liệu",
    "import": "Nhập dữ liệu từ tệp JSON hoặc Excel (định dạng luanchuyen/v1)",
    "export": "Xuất toàn bộ dữ liệu ra JSON hoặc Excel (định dạng luanchuyen/v1)",
    "template": "Tạo tệp Excel mẫu rỗng để nhập dữ liệu",
    "report": "Báo cáo (co-cau: cơ cấu đội ngũ cán bộ)",
    "retirement": "Tính thời điểm nghỉ hưu theo giới tính và ngày sinh",
    "check": "Kiểm tra điều kiện luân chuyển theo bộ quy tắc",
    "parameters": "Liệt kê các tham số quy định có hiệu lực tại một ngày",
    "optimize": "Tối ưu phương án bố trí luân chuyển (luanchuyen-optimize/v1)",
    "create-demo-users": "Tạo tài khoản mẫu cho mỗi vai trò",
    "migrate": "Tạo/cập nhật cấu trúc cơ sở dữ liệu",
    "runserver": "Chạy máy chủ web",
}

HELP = "Cách dùng: luanchuyen LỆNH [tham số] …\n\nCác lệnh:\n" + "\n".join(
    f"  {name:<18} {text}" for name, text in COMMANDS.items()
) + "\n\nXem hướng dẫn từng lệnh: luanchuyen LỆNH --help\n"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        sys.stdout.write(HELP)
        return 0
    name, rest = argv[0], argv[1:]
    if name in PURE_COMMANDS:
        module_name, func_name = PURE_COMMANDS[name].split(":")
        func = getattr(importlib.import_module(module_name), func_name)
        return int(func(rest) or 0)
    if name not in COMMANDS:
        sys.stderr.write(f"Lỗi: không có lệnh '{name}'.\n\n{HELP}")
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["luanchuyen", name, *rest])
    except KeyboardInterrupt:
        sys.stderr.write("Đã dừng.\n")
        return 130
    except Exception as exc:  # noqa: BLE001 - never a traceback to a user
        if os.environ.get("LUANCHUYEN_DEBUG") == "1":
            raise
        sys.stderr.write(f"Lỗi: lệnh '{name}' không thực hiện được ({type(exc).__name__}: {exc}).\n"
                         "Chạy lại với LUANCHUYEN_DEBUG=1 để xem chi tiết kỹ thuật.\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
