"""End to end, in a real browser, on the demo province: an officer of the Ban Tổ chức opens the 2026
plan, gets a proposed assignment from the optimizer, pins a pair, forbids another, solves again (the
pinned pair stays, the forbidden one is gone), accepts, and sees the new proposals in the plan."""
from __future__ import annotations

import re

import pytest

from luanchuyen.core.testing import submit_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-trinh-duyet"


def rows(page) -> list[tuple[str, str]]:
    out = []
    for row in page.locator("#assignment tbody tr").all():
        out.append((row.get_attribute("data-candidate"), row.get_attribute("data-post")))
    return out


def test_an_officer_gets_pins_forbids_resolves_and_accepts_a_proposed_assignment(live_server, page):
    from django.core.management import call_command
    from playwright.sync_api import expect

    from luanchuyen.accounts.models import User
    from luanchuyen.rotation.models import Proposal

    call_command("demo-data", verbosity=0)
    User.objects.create_user(username="tochuc-tn", password=PASSWORD, role="to_chuc")
    before = Proposal.objects.filter(plan_id="KH-LC-2026").count()

    page.goto(live_server.url + "/tai-khoan/dang-nhap/")
    submit_login(page, "tochuc-tn", PASSWORD)

    # The plans, then the 2026 plan with its proposals and the plan-level verdicts.
    page.click("nav >> text=Luân chuyển")
    expect(page.locator("h1")).to_have_text("Kế hoạch luân chuyển")
    page.click("#plans >> text=Kế hoạch luân chuyển cán bộ lãnh đạo, quản lý năm 2026")
    expect(page).to_have_url(re.compile(r"/luan-chuyen/KH-LC-2026/$"))
    expect(page.locator("#proposals tbody tr")).to_have_count(before)
    expect(page.locator("#plan-verdicts")).to_contain_text("PLAN-COUNT")

    # The optimizer: parameters, then a proposed assignment, proven optimal.
    page.click("#open-optimizer")
    page.fill("#id_on", "01/03/2026")
    page.select_option("#id_purpose", "dao_tao")
    page.fill("#id_duration_months", "36")
    page.fill("#id_total_max", "3")
    page.click("#run")
    expect(page.locator("#status-text")).to_have_text("Tối ưu (đã chứng minh)")
    first = rows(page)
    assert 2 <= len(first) <= 3
    expect(page.locator("#assignment")).to_contain_text("Cặp hợp lệ theo quy định")
    expect(page.locator("#impact")).to_contain_text("Số cán bộ tiếp nhận theo địa bàn")
    expect(page.locator("#targets")).to_contain_text("Tổng số cán bộ luân chuyển của kế hoạch")

    # Pin another allowed post for the first candidate (not in the assignment yet)...
    keep_candidate, old_post = first[0]
    row = page.locator(f'#assignment tr[data-candidate="{keep_candidate}"]')
    select = row.locator("form.alt select")
    pinned_post = select.locator("option").first.get_attribute("value")
    assert pinned_post != old_post
    select.select_option(pinned_post)
    row.locator("form.alt button").click()
    expect(page.locator("#choices")).to_contain_text("Ghim:")
    # ... and forbid the second pair of the assignment.
    gone_candidate, gone_post = next(pair for pair in rows(page) if pair[0] != keep_candidate)
    page.locator(f'#assignment tr[data-candidate="{gone_candidate}"][data-post="{gone_post}"] .forbid-button').click()
    expect(page.locator("#choices")).to_contain_text("Loại:")
    expect(page.locator("#pending")).to_be_visible()

    # Solve again: the pinned pair is in, the forbidden pair is out.
    url_before = page.url
    page.click("#resolve")
    expect(page).not_to_have_url(url_before)
    expect(page.locator("#status-text")).to_have_text("Tối ưu (đã chứng minh)")
    second = rows(page)
    assert (keep_candidate, pinned_post) in second
    assert (gone_candidate, gone_post) not in second
    expect(page.locator(f'#assignment tr[data-candidate="{keep_candidate}"]')).to_contain_text("đã ghim")
    page.screenshot(path="/tmp/luanchuyen-optimizer.png", full_page=True)

    # Accept: the plan now holds the new proposals.
    names = [page.locator(f'#assignment tr[data-candidate="{c}"] td a').first.inner_text() for c, _ in second]
    page.click("#accept")
    expect(page).to_have_url(re.compile(r"/luan-chuyen/KH-LC-2026/$"))
    expect(page.locator(".messages")).to_contain_text(f"Đã đưa {len(second)} đề xuất vào kế hoạch")
    expect(page.locator("#proposals tbody tr")).to_have_count(before + len(second))
    for name in names:
        expect(page.locator("#proposals")).to_contain_text(name)
    assert set(Proposal.objects.filter(plan_id="KH-LC-2026").values_list("cadre_id", "to_posts")) >= set(second)
