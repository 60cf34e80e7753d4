"""The demo document is generated once per test session (it is deterministic)."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

SCHEME_DATE = dt.date(2021, 3, 12)


@cache
def demo_document(seed: int = 1, cadres: int | None = None) -> dict:
    from luanchuyen.demo.generator import generate_province

    return generate_province(seed=seed, cadres=cadres)


@pytest.fixture(scope="session")
def doc() -> dict:
    return demo_document()


@pytest.fixture(scope="session")
def large_doc() -> dict:
    return demo_document(1, 2500)
