"""In a real browser (Playwright + Debian's Chromium, like tests/browser): the record loads its
"Điều kiện luân chuyển" by script, and the form replaces it without reloading the page."""
from __future__ import annotations

import re

import pytest

from luanchuyen.core.testing import build_small_province, submit_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_record_loads_the_eligibility_and_the_form_updates_it_in_place(live_server, page):
    from playwright.sync_api import expect

    province = build_small_province()
    page.goto(live_server.url + "/tai-khoan/dang-nhap/?next=/can-bo/CB0001/")
    submit_login(page, "tochuc", province.password)
    expect(page).to_have_url(re.compile(r"/can-bo/CB0001/$"))

    result = page.locator("#eligibility-result")
    expect(result.locator("table.verdicts tbody tr")).to_have_count(5)           # loaded by the script
    expect(result).to_contain_text("mục đích: đào tạo, bồi dưỡng")

    page.fill("#id_on", "01/01/2024")
    page.select_option("#id_purpose", "hai_nhiem_ky")
    page.click("#dieu-kien-luan-chuyen button[type=submit]")
    expect(result).to_contain_text("ngày xét 01/01/2024")
    expect(result).to_contain_text("mục đích: không giữ chức vụ quá hai nhiệm kỳ")
    expect(result.locator(".outcome-not_applicable").first).to_have_text("Không áp dụng")
    expect(page).to_have_url(re.compile(r"/can-bo/CB0001/$"))                    # no page load

    page.fill("#id_on", "31/02/2024")
    page.click("#dieu-kien-luan-chuyen button[type=submit]")
    expect(result.locator("[role=alert]")).to_contain_text("Ngày xét không hợp lệ")
    expect(result.locator("table.verdicts")).to_have_count(0)


def test_with_many_units_the_unit_box_suggests_names_and_a_chosen_unit_filters_the_list(
        live_server, page, monkeypatch):
    from playwright.sync_api import expect

    from luanchuyen.cadres import selectors

    monkeypatch.setattr(selectors, "UNIT_SELECT_MAX", 2)   # the live server runs in this process
    province = build_small_province()
    page.goto(live_server.url + "/tai-khoan/dang-nhap/?next=/")
    submit_login(page, "tochuc", province.password)
    expect(page.locator("#result-count")).to_have_text("5")

    page.locator("#id_unit").press_sequentially("so y", delay=30)               # no diacritics
    options = page.locator("#unit-suggestions option")
    expect(options).to_have_count(1)
    expect(options.first).to_have_attribute("value", "Sở Y tế (U020)")
    expect(page.locator("#result-count")).to_have_text("5")                     # not filtered while typing

    page.fill("#id_unit", "Sở Y tế (U020)")                                      # the suggestion taken
    expect(page.locator("#result-count")).to_have_text("2")
    expect(page.locator("#results")).to_contain_text("Trần Thị Lan")
    expect(page.locator("#results")).not_to_contain_text("Nguyễn Văn An")
    expect(page).to_have_url(re.compile(r"\?unit=S%E1%BB%9F\+Y\+t%E1%BA%BF\+%28U020%29$"))
