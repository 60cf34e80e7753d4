"""Shared helpers of the rules tests (pure: no Django, no database)."""
from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from luanchuyen.rules.engine.params import load_yaml

CASES_DIR = Path(__file__).resolve().parent / "cases"
BASE_DOCUMENT: dict = load_yaml(CASES_DIR / "_base.yaml")


def to_json_like(value: Any) -> Any:
    """YAML dates → ISO strings, recursively (documents hold dates as strings)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: to_json_like(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json_like(v) for v in value]
    return value


def base_document() -> dict:
    return to_json_like(copy.deepcopy(BASE_DOCUMENT))
