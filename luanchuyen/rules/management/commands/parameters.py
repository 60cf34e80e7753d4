"""``luanchuyen parameters [--on NGÀY] [--province MÃ]``: delegates to :func:`luanchuyen.rules.cli.parameters_main`."""
from __future__ import annotations

import sys

from django.core.management.base import BaseCommand

from luanchuyen.rules.cli import parameters_main


class Command(BaseCommand):
    help = "Liệt kê các tham số quy định có hiệu lực tại một ngày, với giá trị và nguồn"

    def run_from_argv(self, argv: list[str]) -> None:
        sys.exit(parameters_main(list(argv[2:])))

    def handle(self, *args, **options) -> None:  # noqa: ANN002, ANN003
        code = parameters_main([])
        if code:
            sys.exit(code)
