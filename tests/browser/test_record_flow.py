"""End to end, in a real browser: log in, search without diacritics, open a record, download its 2C."""
from __future__ import annotations

import re

import pytest
from docx import Document

from luanchuyen.cadres.tests.factories import build_world
from luanchuyen.core.testing import submit_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def docx_text(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_an_officer_logs_in_finds_a_cadre_without_diacritics_and_downloads_the_2c(live_server, page, tmp_path):
    from playwright.sync_api import expect

    world = build_world()

    # Anonymous: the list sends to the login form, which brings back to the list.
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/tai-khoan/dang-nhap/\?next=/$"))
    submit_login(page, world.users["to_chuc"].username, world.password)
    expect(page.locator("h1")).to_have_text("Danh sách cán bộ")
    expect(page.locator("#result-count")).to_have_text("5")

    # Live search, no diacritics: only Nguyễn Văn An remains, and the address keeps the query.
    page.locator("#id_q").press_sequentially("nguyen van", delay=30)
    expect(page.locator("#result-count")).to_have_text("1")
    expect(page.locator("#results tbody tr")).to_have_count(1)
    expect(page.locator("#results")).to_contain_text("Nguyễn Văn An")
    expect(page.locator("#results")).not_to_contain_text("Trần Thị Ánh")
    expect(page).to_have_url(re.compile(r"\?q=nguyen\+van$"))

    # The record in the 2C layout.
    page.click("#results >> text=Nguyễn Văn An")
    expect(page).to_have_url(re.compile(r"/can-bo/CB0001/$"))
    expect(page.locator("h1")).to_have_text("Nguyễn Văn An")
    expect(page.locator("dl.facts").first).to_contain_text("12/04/1975")
    expect(page.locator("ol.timeline li")).to_have_count(4)
    expect(page.locator("ol.timeline li.concurrent")).to_contain_text("kiêm nhiệm")
    page.screenshot(path="/tmp/luanchuyen-record.png", full_page=True)

    # The Mẫu 2C download, opened with python-docx.
    with page.expect_download() as info:
        page.click("#download-2c")
    download = info.value
    assert download.suggested_filename == "mau-2c-CB0001.docx"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    text = docx_text(target)
    assert "NGUYỄN VĂN AN" in text
    assert "Sinh ngày: 12 tháng 04 năm 1975" in text
    assert "SƠ YẾU LÝ LỊCH CÁN BỘ" in text
    assert "Bí thư Huyện ủy, Huyện ủy Đồng Xuân" in text
