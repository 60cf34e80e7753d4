"""What the interchange commands share: Vietnamese help and errors, progress bars, the actor."""
from __future__ import annotations

import getpass
import re
import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import (
    BaseCommand, CommandError, DjangoHelpFormatter, SystemCheckError, handle_default_options,
)
from django.db import connections

from luanchuyen.core.exceptions import ApplicationError

BASE_HELP = {
    "help": "In hướng dẫn này rồi thoát.",
    "version": "In số phiên bản rồi thoát.",
    "verbosity": "Mức chi tiết thông báo: 0 = tối thiểu, 1 = bình thường, 2 và 3 = chi tiết.",
    "settings": "Mô-đun cấu hình Python (mặc định: biến môi trường DJANGO_SETTINGS_MODULE).",
    "pythonpath": "Thư mục thêm vào đường dẫn tìm mô-đun Python.",
    "traceback": "In toàn bộ vết lỗi khi có lỗi (dành cho người phát triển).",
    "no_color": "Không tô màu thông báo.",
    "force_color": "Luôn tô màu thông báo.",
    "skip_checks": "Bỏ qua bước kiểm tra hệ thống.",
}

ARGPARSE_ERRORS = (
    (re.compile(r"the following arguments are required: (.*)"), "thiếu tham số bắt buộc: {0}"),
    (re.compile(r"unrecognized arguments: (.*)"), "tham số không được hỗ trợ: {0}"),
    (re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)"),
     "tham số {0}: giá trị {1} không hợp lệ (chọn một trong: {2})"),
    (re.compile(r"argument (\S+): expected one argument"), "tham số {0} cần một giá trị"),
    (re.compile(r"argument (\S+): invalid (\w+) value: (.*)"), "tham số {0}: giá trị {2} không hợp lệ"),
)


def translate_argparse(message: str) -> str:
    for pattern, text in ARGPARSE_ERRORS:
        m = pattern.fullmatch(message.strip())
        if m:
            return text.format(*m.groups())
    return message


class VietnameseHelpFormatter(DjangoHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "Cách dùng: ")


class InterchangeCommand(BaseCommand):
    """A management command that speaks Vietnamese: help, argument errors, failures (no traceback)."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", VietnameseHelpFormatter)
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        for action in parser._actions:
            if action.dest in BASE_HELP:
                action.help = BASE_HELP[action.dest]
        parser._positionals.title = "Tham số"
        parser._optionals.title = "Tùy chọn"

        def error(message: str):
            text = translate_argparse(message)
            if parser.called_from_command_line:
                parser.print_usage(sys.stderr)
                sys.stderr.write(f"{parser.prog}: lỗi: {text}\n")
                sys.exit(2)
            raise CommandError(f"Lỗi: {text}")

        parser.error = error
        return parser

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except ApplicationError as e:
            raise CommandError(e.message) from e

    def run_from_argv(self, argv):
        """As Django's, but messages in Vietnamese and no traceback (unless --traceback)."""
        self._called_from_command_line = True
        parser = self.create_parser(argv[0], argv[1])
        options = parser.parse_args(argv[2:])
        cmd_options = vars(options)
        args = cmd_options.pop("args", ())
        handle_default_options(options)
        try:
            self.execute(*args, **cmd_options)
        except CommandError as e:
            if options.traceback:
                raise
            if isinstance(e, SystemCheckError):
                self.stderr.write(str(e), lambda x: x)
            else:
                self.stderr.write(f"Lỗi: {e}" if not str(e).startswith("Lỗi") else str(e))
            sys.exit(e.returncode)
        except Exception as e:
            if options.traceback:
                raise
            self.stderr.write(f"Lỗi không mong đợi ({e.__class__.__name__}): {e}\n"
                              "Chạy lại lệnh với --traceback để xem chi tiết.")
            sys.exit(2)
        finally:
            try:
                connections.close_all()
            except ImproperlyConfigured:
                pass


def command_actor(username: str | None):
    """The user recorded in the audit log: --user, else the operating-system account."""
    if username:
        from luanchuyen.accounts.models import User

        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có tài khoản '{username}'.")
        return user
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:
        return "cli"


class ProgressBars:
    """A progress callback drawing one tqdm bar per stage on stderr (only on a terminal)."""

    def __init__(self, *, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.bar = None
        self.stage = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        from tqdm import tqdm

        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = tqdm(total=total, desc=stage, file=sys.stderr, unit=" dòng", leave=False,
                            dynamic_ncols=True)
        self.bar.total = total
        self.bar.n = done
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
            self.stage = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
