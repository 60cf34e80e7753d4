"""``luanchuyen check DATASET.json …``: delegates to :func:`luanchuyen.rules.cli.check_main`.

This app's ``check`` replaces Django's system-check command in the dispatcher. Called without a
dataset and without any of its own options (``manage.py check``, ``check --deploy``, or
``call_command("check")`` from the test runner), it still runs Django's system checks.
"""
from __future__ import annotations

import sys

from django.core.management.commands.check import Command as SystemCheckCommand

from luanchuyen.rules.cli import check_main

OWN_OPTIONS = ("--on", "--format", "--province", "--from-db", "--unit", "--purpose", "--proposals")


def is_rules_check(args: list[str]) -> bool:
    """A dataset path (a positional argument) or one of the rules' options → the rules check."""
    if any(a in ("-h", "--help") for a in args) and not any(a.startswith("--") and a not in ("-h", "--help")
                                                            for a in args):
        return True
    return any(not a.startswith("-") for a in args) or any(a.split("=", 1)[0] in OWN_OPTIONS for a in args)


class Command(SystemCheckCommand):
    help = ("Kiểm tra điều kiện luân chuyển theo bộ quy tắc (luanchuyen check DATASET.json [--on NGÀY] "
            "[--format json|table]; luanchuyen check --from-db --on NGÀY [--unit MÃ] [--purpose …] "
            "[--proposals])")

    def run_from_argv(self, argv: list[str]) -> None:
        args = list(argv[2:])
        if is_rules_check(args):
            sys.exit(check_main(args))
        super().run_from_argv(argv)
