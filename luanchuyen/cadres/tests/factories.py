"""A small organization and its cadres for the screen tests (list, record, 2C, organization tree).

Two eras: a district-level unit until 30/06/2025 and a commune from 01/07/2025; a provincial
department with a sub-unit (to test subtree scoping); cadres whose names exercise the Vietnamese
sort (An < Ánh < Bình < Dũng < Đạt) and a full record for one of them (Nguyễn Văn An).
"""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

D = dt.date
PASSWORD = "mat-khau-kiem-thu-2025"


def build_world(password: str = PASSWORD) -> SimpleNamespace:
    from luanchuyen.accounts.models import User
    from luanchuyen.cadres.models import (
        Appointment, ApprovedException, Cadre, Course, Discipline, Education, Evaluation, PlanningEntry,
        Position, Proceeding,
    )
    from luanchuyen.cadres.services import cadre_refresh_current
    from luanchuyen.organization.models import Locality, Post, Title, Unit

    tm = Locality.objects.create(id="TM", name="Tỉnh Mẫu", level="tinh", valid_from=D(1990, 1, 1))
    h01 = Locality.objects.create(id="H01", name="Huyện Đồng Xuân", level="huyen", parent=tm,
                                  valid_from=D(1990, 1, 1), valid_to=D(2025, 6, 30))
    x01 = Locality.objects.create(id="X01", name="Xã Đồng Xuân", level="xa", parent=tm, valid_from=D(2025, 7, 1))

    def unit(uid, name, group, block, level, **extra):
        return Unit.objects.create(id=uid, name=name, group=group, block=block, level=level,
                                   valid_from=extra.pop("valid_from", D(1990, 1, 1)), **extra)

    btc = unit("U001", "Ban Tổ chức Tỉnh ủy", "tham_muu_tinh_uy", "dang", "tinh", staff_total=40, staff_female=14)
    syt = unit("U020", "Sở Y tế", "chuyen_mon_ubnd", "chinh_quyen", "tinh", subgroup="van_hoa_xa_hoi",
               staff_total=60, staff_female=33)
    ccds = unit("U021", "Chi cục Dân số", "chuyen_mon_ubnd", "chinh_quyen", "tinh", parent=syt,
                staff_total=12, staff_female=7)
    huyen = unit("U050", "Huyện ủy Đồng Xuân", "huyen", "dang", "huyen", locality=h01, staff_total=30,
                 staff_female=8, valid_to=D(2025, 6, 30))
    xa = unit("U100", "Đảng ủy xã Đồng Xuân", "xa", "dang", "xa", locality=x01, staff_total=20, staff_female=7,
              valid_from=D(2025, 7, 1))

    def title(tid, name, role, rank, **extra):
        return Title.objects.create(id=tid, name=name, role=role, rank=rank, **extra)

    t_truong_ban = title("truong_ban_tu", "Trưởng Ban Tổ chức Tỉnh ủy", "head", 7)
    t_pho_ban = title("pho_ban_tu", "Phó Trưởng Ban Tổ chức Tỉnh ủy", "deputy", 6)
    t_chuyen_vien = title("chuyen_vien_ban", "Trưởng phòng Ban Tổ chức Tỉnh ủy", "head", 4)
    t_gd_so = title("giam_doc_so", "Giám đốc Sở", "head", 6, sector="y_te")
    t_pgd_so = title("pho_giam_doc_so", "Phó Giám đốc Sở", "deputy", 5)
    t_cct = title("chi_cuc_truong", "Chi cục trưởng", "head", 4)
    t_bt_huyen = title("bi_thu_huyen", "Bí thư Huyện ủy", "head", 6, key_title=True, non_local_required=True)
    t_bt_xa = title("bi_thu_xa", "Bí thư Đảng ủy xã", "head", 5, key_title=True, non_local_required=True)

    def post(pid, unit_, title_, slots=1, **extra):
        return Post.objects.create(id=pid, unit=unit_, title=title_, slots=slots, **extra)

    posts = {
        "P001": post("P001", btc, t_truong_ban),
        "P002": post("P002", btc, t_pho_ban, slots=3),
        "P003": post("P003", btc, t_chuyen_vien, slots=2),
        "P020": post("P020", syt, t_gd_so),
        "P021": post("P021", syt, t_pgd_so, slots=3),
        "P022": post("P022", ccds, t_cct),
        "P050": post("P050", huyen, t_bt_huyen, valid_to=D(2025, 6, 30)),
        "P100": post("P100", xa, t_bt_xa, valid_from=D(2025, 7, 1)),
    }

    def cadre(cid, name, gender, birth, post_id, start, **extra):
        c = Cadre.objects.create(id=cid, full_name=name, gender=gender, birth_date=birth, **extra)
        Position.objects.create(cadre=c, post=posts[post_id], start=start)
        return c

    an = cadre("CB0001", "Nguyễn Văn An", "nam", D(1975, 4, 12), "P002", D(2018, 5, 1), birthplace=h01,
               hometown=h01, ethnicity="Kinh", religion="", citizen_id="044075000123",
               party_joined=D(1998, 5, 19), party_official=D(1999, 5, 19), general_education="12/12",
               political_theory="cao_cap", state_management="chuyen_vien_chinh", foreign_language="Tiếng Anh B1",
               it_skill="Ứng dụng CNTT cơ bản", health_certificate=D(2025, 9, 1))
    anh = cadre("CB0002", "Trần Thị Ánh", "nu", D(1984, 3, 1), "P021", D(2019, 5, 1), birth_precision="m",
                political_theory="trung_cap")
    binh = cadre("CB0003", "Lê Thị Bình", "nu", D(1990, 6, 6), "P022", D(2021, 1, 1))
    dung = cadre("CB0004", "Hoàng Văn Dũng", "nam", D(1968, 9, 20), "P020", D(2016, 1, 1), birth_precision="y")
    dat = cadre("CB0005", "Phạm Đức Đạt", "nam", D(1980, 1, 2), "P100", D(2025, 7, 1),
                political_theory="cao_cap")

    # Nguyễn Văn An's full record: an earlier post at the district, a concurrent post, training, planning …
    Position.objects.create(cadre=an, post=posts["P003"], start=D(2010, 3, 1), end=D(2015, 2, 28))
    Position.objects.create(cadre=an, post=posts["P050"], start=D(2015, 3, 1), end=D(2018, 4, 30))
    Position.objects.create(cadre=an, post=posts["P022"], start=D(2020, 1, 1), end=D(2021, 12, 31),
                            concurrent=True)
    Education.objects.create(cadre=an, level="dai_hoc", field="luat", mode="chinh_quy",
                             institution="Trường Đại học Luật Hà Nội", major="Luật học", year=1997)
    Education.objects.create(cadre=an, level="thac_si", field="kinh_te", mode="tai_chuc",
                             institution="Học viện Chính trị quốc gia Hồ Chí Minh", major="Kinh tế chính trị",
                             year=2005)
    Course.objects.create(cadre=an, kind="ly_luan_chinh_tri", name="Cao cấp lý luận chính trị",
                          institution="Học viện Chính trị khu vực III", start=D(2012, 9, 1), end=D(2013, 12, 20),
                          mode="tai_chuc")
    PlanningEntry.objects.create(cadre=an, title=t_truong_ban, term="2020-2025", approved=D(2021, 3, 1))
    PlanningEntry.objects.create(cadre=an, title=t_gd_so, term="2015-2020", approved=D(2016, 6, 1),
                                 removed=D(2018, 5, 1))
    Appointment.objects.create(cadre=an, post=posts["P002"], decided=D(2018, 4, 20), decision="125-QĐ/TU",
                               term_start=D(2018, 5, 1), term_end=D(2023, 4, 30))
    Discipline.objects.create(cadre=an, form="khien_trach", decided=D(2012, 6, 1), until=D(2013, 6, 1))
    Proceeding.objects.create(cadre=an, kind="dieu_tra", start=D(2013, 1, 10), end=D(2013, 5, 1))
    Evaluation.objects.create(cadre=an, year=2023, grade="htt", score=85)
    Evaluation.objects.create(cadre=an, year=2024, grade="htxs", score=93)
    ApprovedException.objects.create(cadre=an, rule="ROT-01", decision="123-QĐ/TU", date=D(2025, 9, 1),
                                     approved_by="Ban Thường vụ Tỉnh ủy")
    PlanningEntry.objects.create(cadre=dat, title=t_bt_xa, term="2025-2030", approved=D(2025, 8, 1))
    from luanchuyen.rotation.models import Proposal, RotationPlan

    plan = RotationPlan.objects.create(id="KH2015", name="Kế hoạch luân chuyển 2015–2020", status="finished",
                                       period_start=D(2015, 1, 1), period_end=D(2020, 12, 31))
    rotation = Proposal.objects.create(id="DX2015-01", plan=plan, cadre=an, purpose="dao_tao", from_post=posts["P003"],
                                       start=D(2015, 3, 1), end=D(2018, 3, 1), actual_end=D(2018, 4, 30),
                                       placement="Bổ nhiệm Phó Trưởng Ban Tổ chức Tỉnh ủy")
    rotation.to_posts.add(posts["P050"])
    cadre_refresh_current()

    def user(username, role, **extra):
        return User.objects.create_user(username=username, password=password, role=role, **extra)

    users = {
        "to_chuc": user("tochuc", "to_chuc", first_name="Cán bộ", last_name="Ban Tổ chức"),
        "lanh_dao": user("lanhdao", "lanh_dao"),
        "don_vi": user("donvi", "don_vi", unit=syt),
        "can_bo": user("canbo", "can_bo", cadre=an),
        "kiem_tra": user("kiemtra", "kiem_tra"),
        "quan_tri": user("quantri", "quan_tri", is_staff=True),
    }
    for c in (an, anh, binh, dung, dat):
        c.refresh_from_db()
    return SimpleNamespace(
        password=password,
        localities={"TM": tm, "H01": h01, "X01": x01},
        units={"btc": btc, "syt": syt, "ccds": ccds, "huyen": huyen, "xa": xa},
        posts=posts,
        cadres={"an": an, "anh": anh, "binh": binh, "dung": dung, "dat": dat},
        users=users,
    )


def add_cadres(count: int, *, post_id: str = "P003", start: dt.date = D(2022, 1, 1)) -> None:
    """`count` more cadres holding one post each (for query-count tests)."""
    from luanchuyen.cadres.models import Cadre, Position
    from luanchuyen.cadres.services import cadre_refresh_current

    ids = []
    for i in range(count):
        c = Cadre.objects.create(id=f"CX{i:04d}", full_name=f"Vũ Văn Thêm {i}", gender="nam",
                                 birth_date=D(1970 + i % 20, 1 + i % 12, 1))
        Position.objects.create(cadre=c, post_id=post_id, start=start)
        ids.append(c.id)
    cadre_refresh_current(ids)
