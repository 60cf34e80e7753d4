"""Fixtures shared by every app's tests."""
from __future__ import annotations

import pytest


@pytest.fixture
def province(db):
    """A tiny province with one user per role (luanchuyen.core.testing.build_small_province)."""
    from luanchuyen.core.testing import build_small_province

    return build_small_province()
