"""Test helpers: a tiny province (two eras, a few units, titles, posts, cadres and one user per role),
and the browser tests' Chromium and login form."""
from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from types import SimpleNamespace

D = dt.date

# Browser tests drive Debian's Chromium (installed by `make chromium`); Playwright downloads none.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@contextlib.contextmanager
def headless_chromium():
    """A headless Chromium (Playwright's browser object); a clear failure when it is not installed."""
    import pytest

    if not CHROMIUM.exists():
        pytest.fail("Thiếu Chromium (/usr/bin/chromium): chạy `make chromium` "
                    "(apt-get install chromium) rồi chạy lại kiểm thử trình duyệt.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser, **options):
    """A page in a fresh context (own cookies), in Vietnamese, 1280×900, 15 s default timeout."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900}, **options)
    context.set_default_timeout(15_000)
    return context.new_page()


def submit_login(page, username: str, password: str) -> None:
    """Fill and send the login form the page shows."""
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")


def build_small_province(password: str = "mat-khau-thu-nghiem") -> SimpleNamespace:
    from luanchuyen.accounts.models import User
    from luanchuyen.cadres.models import Cadre, Education, PlanningEntry, Position
    from luanchuyen.cadres.services import cadre_refresh_current
    from luanchuyen.organization.models import Locality, Post, Title, Unit

    tm = Locality.objects.create(id="TM", name="Tỉnh Mẫu", level="tinh", valid_from=D(1990, 1, 1))
    h01 = Locality.objects.create(id="H01", name="Huyện Đồng Xuân", level="huyen", parent=tm,
                                  valid_from=D(1990, 1, 1), valid_to=D(2025, 6, 30))
    x01 = Locality.objects.create(id="X01", name="Xã Đồng Xuân", level="xa", parent=tm, valid_from=D(2025, 7, 1))
    btc = Unit.objects.create(id="U001", name="Ban Tổ chức Tỉnh ủy", group="tham_muu_tinh_uy", block="dang",
                              level="tinh", staff_total=42, staff_female=15, valid_from=D(1990, 1, 1))
    syt = Unit.objects.create(id="U020", name="Sở Y tế", group="chuyen_mon_ubnd", subgroup="van_hoa_xa_hoi",
                              block="chinh_quyen", level="tinh", staff_total=60, staff_female=30,
                              valid_from=D(1990, 1, 1))
    huyen = Unit.objects.create(id="U050", name="Huyện ủy Đồng Xuân", group="huyen", block="dang", level="huyen",
                                locality=h01, staff_total=30, staff_female=8, valid_from=D(1990, 1, 1),
                                valid_to=D(2025, 6, 30))
    xa = Unit.objects.create(id="U100", name="Đảng ủy xã Đồng Xuân", group="xa", block="dang", level="xa",
                             locality=x01, staff_total=20, staff_female=7, valid_from=D(2025, 7, 1))
    t_truong_ban = Title.objects.create(id="truong_ban_tu", name="Trưởng Ban Tổ chức Tỉnh ủy", role="head", rank=7)
    t_pho_ban = Title.objects.create(id="pho_ban_tu", name="Phó Trưởng Ban Tổ chức Tỉnh ủy", role="deputy", rank=6)
    t_gd_so = Title.objects.create(id="giam_doc_so", name="Giám đốc Sở", role="head", rank=6, sector="y_te")
    t_pgd_so = Title.objects.create(id="pho_giam_doc_so", name="Phó Giám đốc Sở", role="deputy", rank=5)
    t_bt_huyen = Title.objects.create(id="bi_thu_huyen", name="Bí thư Huyện ủy", role="head", rank=6,
                                      key_title=True, non_local_required=True)
    t_bt_xa = Title.objects.create(id="bi_thu_xa", name="Bí thư Đảng ủy xã", role="head", rank=5, key_title=True,
                                   non_local_required=True)
    posts = {
        "P001": Post.objects.create(id="P001", unit=btc, title=t_truong_ban, slots=1),
        "P002": Post.objects.create(id="P002", unit=btc, title=t_pho_ban, slots=3),
        "P020": Post.objects.create(id="P020", unit=syt, title=t_gd_so, slots=1),
        "P021": Post.objects.create(id="P021", unit=syt, title=t_pgd_so, slots=3),
        "P050": Post.objects.create(id="P050", unit=huyen, title=t_bt_huyen, slots=1, valid_to=D(2025, 6, 30)),
        "P100": Post.objects.create(id="P100", unit=xa, title=t_bt_xa, slots=1, valid_from=D(2025, 7, 1)),
    }

    def cadre(cid, name, gender, birth, post, start, **extra):
        c = Cadre.objects.create(id=cid, full_name=name, gender=gender, birth_date=birth, **extra)
        Position.objects.create(cadre=c, post=posts[post], start=start)
        return c

    an = cadre("CB0001", "Nguyễn Văn An", "nam", D(1975, 4, 12), "P002", D(2018, 5, 1), birthplace=h01,
               hometown=h01, ethnicity="Kinh", political_theory="cao_cap")
    lan = cadre("CB0002", "Trần Thị Lan", "nu", D(1984, 3, 1), "P021", D(2019, 5, 1), birth_precision="m",
                political_theory="cao_cap")
    dung = cadre("CB0003", "Lê Văn Dũng", "nam", D(1968, 9, 20), "P020", D(2016, 1, 1))
    dat = cadre("CB0004", "Phạm Đức Đạt", "nam", D(1980, 1, 2), "P100", D(2025, 7, 1))
    binh = cadre("CB0005", "Hoàng Thị Ánh", "nu", D(1990, 6, 6), "P001", D(2020, 1, 1))
    Education.objects.create(cadre=an, level="thac_si", field="kinh_te", mode="chinh_quy", year=2005)
    PlanningEntry.objects.create(cadre=an, title=t_truong_ban, term="2020-2025", approved=D(2021, 3, 1))
    cadre_refresh_current()

    def user(username, role, **extra):
        return User.objects.create_user(username=username, password=password, role=role, **extra)

    users = {
        "to_chuc": user("tochuc", "to_chuc"),
        "lanh_dao": user("lanhdao", "lanh_dao"),
        "don_vi": user("donvi", "don_vi", unit=syt),
        "can_bo": user("canbo", "can_bo", cadre=an),
        "kiem_tra": user("kiemtra", "kiem_tra"),
        "quan_tri": user("quantri", "quan_tri", is_staff=True),
    }
    return SimpleNamespace(password=password, localities={"TM": tm, "H01": h01, "X01": x01},
                           units={"btc": btc, "syt": syt, "huyen": huyen, "xa": xa}, posts=posts,
                           cadres={"an": an, "lan": lan, "dung": dung, "dat": dat, "anh": binh}, users=users)
