"""`luanchuyen demo-data [--seed N] [--cadres N] [--if-empty]`: load the demo province "Tỉnh Mẫu"."""

from __future__ import annotations

import sys
import time

from django.core.management.base import CommandError

from luanchuyen.interchange.management.base import InterchangeCommand, ProgressBars, command_actor


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise ValueError(text) from None
    if value < 1:
        raise ValueError(text)
    return value


_positive.__name__ = "positive_int"  # argparse names the type in its message (translated)


def _refresh_statistics() -> None:
    """PostgreSQL: gather the planner's statistics on the tables just filled.

    A bulk load leaves them empty until autovacuum gets round to the tables (never, where it is
    off); meanwhile the planner guesses and the cadre search runs sequential scans (0003's index
    unused). ANALYZE takes a few seconds for the 100,000-cadre province (4 s on a busy 2-core machine).
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class Command(InterchangeCommand):
    help = (
        "Tạo dữ liệu tỉnh mẫu (Tỉnh Mẫu: 58 cơ quan, đơn vị theo Đề án 01-ĐA/TU; 10 đơn vị cấp huyện đến "
        "30/06/2025 rồi các xã, phường; 338 cán bộ diện Ban Thường vụ quản lý tại ngày 12/03/2021 cùng quá "
        "trình công tác từ năm 2000, quy hoạch, kỷ luật, kế hoạch luân chuyển) và nạp vào cơ sở dữ liệu. "
        "Cùng một hạt giống luôn cho cùng một dữ liệu; nạp lại không thay đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            metavar="N",
            help="Hạt giống ngẫu nhiên (mặc định 1): cùng hạt giống cho cùng dữ liệu.",
        )
        parser.add_argument(
            "--cadres",
            type=_positive,
            default=None,
            metavar="N",
            help="Tạo một tỉnh lớn có đúng N cán bộ (dùng để đo hiệu năng, ví dụ 100000); "
            "mặc định: tỉnh mẫu 338 cán bộ theo Đề án 01.",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Chỉ tạo khi cơ sở dữ liệu chưa có cán bộ nào; nếu đã có thì chỉ in số liệu hiện có.",
        )
        parser.add_argument(
            "--user",
            metavar="TÊN_ĐĂNG_NHẬP",
            help="Tài khoản ghi vào nhật ký là người nạp (mặc định: tài khoản hệ điều hành).",
        )

    def handle(self, *args, seed=1, cadres=None, if_empty=False, user=None, **options):
        from luanchuyen.cadres.models import Cadre
        from luanchuyen.demo.generator import generate_province
        from luanchuyen.interchange.services import ImportRejected, import_document
        from luanchuyen.organization.models import Post, Unit

        verbose = options.get("verbosity", 1) >= 1
        if if_empty and Cadre.objects.exists():
            if verbose:
                self.stdout.write(
                    f"Cơ sở dữ liệu đã có {Cadre.objects.count()} cán bộ, {Unit.objects.count()} đơn vị, "
                    f"{Post.objects.count()} vị trí: không tạo dữ liệu mẫu."
                )
            return
        existing = Cadre.objects.count()
        if existing and verbose:
            self.stdout.write(
                f"Lưu ý: cơ sở dữ liệu đã có {existing} cán bộ; dữ liệu mẫu được ghi đè theo mã "
                "(cùng mã thì cập nhật), các bản ghi khác giữ nguyên."
            )
        actor = command_actor(user)
        started = time.monotonic()
        what = "tỉnh mẫu" if cadres is None else f"tỉnh mẫu {cadres:,} cán bộ".replace(",", ".")
        try:
            with ProgressBars(enabled=verbose and sys.stderr.isatty()) as progress:
                doc = generate_province(seed=seed, cadres=cadres, progress=progress)
                generated = time.monotonic() - started
                summary = import_document(
                    doc, actor=actor, progress=progress, file_name=f"demo-data seed={seed}"
                )
        except ImportRejected as e:  # the generator's document must be valid: say so plainly
            lines = "".join(f"\n- {p}" for p in e.problems[:20])
            raise CommandError(
                f"Dữ liệu mẫu không hợp lệ ({len(e.problems)} lỗi), chưa ghi gì.{lines}"
            ) from e
        _refresh_statistics()
        if verbose:
            total = time.monotonic() - started
            self.stdout.write(
                f"Đã nạp dữ liệu {what} (hạt giống {seed}): {len(doc['cadres'])} cán bộ, "
                f"{len(doc['units'])} đơn vị, "
                f"{len(doc['posts'])} vị trí, {len(doc['proposals'])} đề xuất luân chuyển "
                f"({generated:.1f} giây tạo, {total:.1f} giây tổng cộng)."
            )
            for line in summary.lines():
                self.stdout.write(f"  {line}")
