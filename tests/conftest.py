"""Fixtures of the cross-app tests, among them the end-to-end browser tests (Playwright + Chromium).

Playwright drives Debian's Chromium (/usr/bin/chromium, installed by `make chromium`); no browser is
downloaded. Playwright's sync API runs an event loop in the test thread, so Django's guard against
database calls from async contexts must be lifted for the test process (the live server itself runs
plain threads).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session."""
    if not CHROMIUM.exists():
        pytest.fail("Thiếu Chromium (/usr/bin/chromium): chạy `make chromium` "
                    "(apt-get install chromium) rồi chạy lại kiểm thử trình duyệt.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh browser context (own cookies, downloads accepted) and page, in Vietnamese, A4-ish wide."""
    context = chromium.new_context(locale="vi-VN", accept_downloads=True, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()
