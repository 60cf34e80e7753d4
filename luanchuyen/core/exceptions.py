from __future__ import annotations


class ApplicationError(Exception):
    """An error a person can act on; `message` is Vietnamese and shown as is."""

    def __init__(self, message: str, *, extra: dict | None = None):
        super().__init__(message)
        self.message = message
        self.extra = extra or {}
