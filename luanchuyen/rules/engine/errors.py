"""Errors of the rules engine. Every message is Vietnamese: it reaches a person as-is."""
from __future__ import annotations

import datetime as dt


class RulesError(Exception):
    """Base class of every error raised by the rules package."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ParameterError(RulesError):
    """A parameter file (or a plan override) is malformed: found at load time, never later."""


class NoValueInForce(RulesError):
    """A parameter has no value in force at the date asked (before its first date, or repealed)."""

    def __init__(self, name: str, on: dt.date, detail: str = "") -> None:
        self.name = name
        self.on = on
        text = f"Tham số «{name}» không có giá trị có hiệu lực tại ngày {on.day:02d}/{on.month:02d}/{on.year}"
        super().__init__(text + (f" ({detail})" if detail else "") + ".")


class MissingFacts(RulesError):
    """A rule needs a fact the record does not hold; the verdict becomes ``needs_review``."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class DatasetError(RulesError):
    """A ``luanchuyen/v1`` document cannot be turned into facts. ``problems`` lists every one."""

    def __init__(self, problems: list[dict]) -> None:
        self.problems = problems
        lines = [
            f"{p['list']} dòng {p['row']}, trường {p['field']}: {p['message']}" if p.get("row") else
            f"{p['list']}, trường {p['field']}: {p['message']}"
            for p in problems[:50]
        ]
        more = f"\n… và {len(problems) - 50} lỗi khác" if len(problems) > 50 else ""
        super().__init__("Dữ liệu không hợp lệ:\n" + "\n".join(lines) + more)
