"""Fixtures shared by every app's tests, among them the browser tests' Chromium (Playwright + Debian's
/usr/bin/chromium, installed by `make chromium`; no browser is downloaded)."""
from __future__ import annotations

import os

import pytest

# Playwright's sync API runs an event loop in the test thread: Django's guard against database calls
# from async contexts is lifted for the test process (the live server itself runs plain threads).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def province(db):
    """A tiny province with one user per role (luanchuyen.core.testing.build_small_province)."""
    from luanchuyen.core.testing import build_small_province

    return build_small_province()


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session (a second Playwright cannot start beside it)."""
    from luanchuyen.core.testing import headless_chromium

    with headless_chromium() as browser:
        yield browser


@pytest.fixture
def page(chromium):
    """A fresh browser context (own cookies, downloads accepted) and page, in Vietnamese, 1280×900."""
    from luanchuyen.core.testing import new_page

    page = new_page(chromium, accept_downloads=True)
    yield page
    page.context.close()
