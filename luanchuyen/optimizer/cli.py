"""`luanchuyen optimize --instance FILE.json [--time-limit S]`: print the result JSON.

Exit codes: 0 when a result is printed (whatever its status, "infeasible" included), 2 for bad
input (Vietnamese message on stderr), 1 for an unexpected error (never a traceback).
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from typing import NoReturn

from luanchuyen.optimizer.instance import InstanceError, read_instance_json
from luanchuyen.optimizer.solve import METHODS, solve

DESCRIPTION = (
    "Tối ưu phương án bố trí luân chuyển cán bộ (định dạng luanchuyen-optimize/v1): chọn các cặp "
    "(ứng viên, vị trí) có tổng điểm lớn nhất thỏa mãn mọi ràng buộc, in kết quả JSON ra màn hình."
)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="Cách dùng: ")


class _Parser(argparse.ArgumentParser):
    """argparse with Vietnamese errors (exit code 2, no traceback)."""

    def error(self, message: str) -> NoReturn:
        text = message
        if match := re.match(r"the following arguments are required: (.*)", message):
            text = f"thiếu tham số bắt buộc {match.group(1)}"
        elif match := re.match(r"unrecognized arguments: (.*)", message):
            text = f"tham số không hợp lệ: {match.group(1)}"
        elif match := re.match(r"argument (\S+): expected one argument", message):
            text = f"tham số {match.group(1)} cần một giá trị"
        elif match := re.match(r"argument (\S+): invalid choice: (\S+)", message):
            text = f"giá trị {match.group(2)} không hợp lệ cho tham số {match.group(1)}"
        elif match := re.match(r"argument (\S+): (.*)", message):
            text = f"tham số {match.group(1)}: {match.group(2)}"
        self.exit(2, f"Lỗi: {text}.\n{self.format_usage()}")


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' không phải là một số giây") from None
    if not math.isfinite(seconds) or seconds <= 0:
        raise argparse.ArgumentTypeError(f"thời gian giới hạn phải là số dương (đang là '{value}')")
    return seconds


def _parser() -> _Parser:
    parser = _Parser(
        prog="luanchuyen optimize",
        description=DESCRIPTION,
        formatter_class=_Formatter,
        add_help=False,
    )
    parser._optionals.title = "Tham số"
    parser.add_argument("-h", "--help", action="help", help="Hiện hướng dẫn này rồi thoát.")
    parser.add_argument(
        "--instance", required=True, metavar="TỆP.json", help="Tệp bài toán JSON (luanchuyen-optimize/v1)."
    )
    parser.add_argument(
        "--time-limit", type=_seconds, default=None, metavar="GIÂY",
        help="Thời gian tối đa (giây). Hết giờ: trả về phương án tốt nhất đã tìm được và cận trên.",
    )
    parser.add_argument(
        "--method", choices=METHODS, default="auto",
        help="Bộ giải: auto (mặc định: HiGHS, dự phòng CP-SAT), highs, hoặc cpsat (mô hình CP-SAT thuần).",
    )
    parser.add_argument("--compact", action="store_true", help="In JSON trên một dòng.")
    return parser


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error already reported in Vietnamese
        return int(stop.code or 0)
    try:
        data = read_instance_json(args.instance)
        result = solve(data, args.time_limit, method=args.method)
    except InstanceError as error:
        sys.stderr.write(f"Lỗi: {error}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("Đã dừng.\n")
        return 130
    except Exception as error:  # noqa: BLE001 (never a traceback for the person at the terminal)
        sys.stderr.write(f"Lỗi không mong đợi khi tối ưu: {type(error).__name__}: {error}\n")
        return 1
    text = json.dumps(result, ensure_ascii=False, indent=None if args.compact else 2)
    sys.stdout.write(text + "\n")
    return 0
