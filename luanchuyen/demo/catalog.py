"""Static data of the demo province "Tỉnh Mẫu" (DOMAIN.md §4, §11; seed 001). Pure data, no Django.

The 58 agencies copy seed 001 (Quảng Bình, Đề án 01-ĐA/TU, 12/03/2021), Phần II.I:

- 6 cơ quan tham mưu, giúp việc Tỉnh ủy: 6 cấp trưởng, 15 cấp phó, and the 5 full-time members of the
  Ủy ban Kiểm tra ("có 6 cấp trưởng và không quá 15 cấp phó; ngoài ra, Ủy ban Kiểm tra Tỉnh ủy có 5 ủy
  viên chuyên trách");
- 3 đơn vị sự nghiệp trực thuộc Tỉnh ủy: 2 cấp trưởng, 5 cấp phó, 1 cấp phó thường trực chuyên trách
  (the third unit, the Ban Bảo vệ, chăm sóc sức khỏe cán bộ, is headed by a provincial leader
  concurrently, so only its standing deputy is a post here);
- 6 Mặt trận and tổ chức chính trị – xã hội: 6 cấp trưởng, 15 cấp phó;
- 4 Văn phòng and ban of the HĐND tỉnh: 1 cấp trưởng, 8 cấp phó (the three ban are led by HĐND
  leaders; their full-time deputies are the posts);
- 21 cơ quan chuyên môn UBND tỉnh: 21 cấp trưởng, 63 cấp phó — khối kinh tế 10/30, văn hóa – xã hội 9/27,
  nội chính 2/6; 2–4 deputies each (seed 001 II.1);
- 8 đơn vị sự nghiệp thuộc UBND tỉnh: 8 cấp trưởng, 18 cấp phó;
- 10 huyện, thị xã, thành phố: 10 bí thư, 20 phó bí thư, 8 phó chủ tịch HĐND, 19 phó chủ tịch UBND,
  51 ủy viên ban thường vụ (valid until 30/06/2025).

Those quotas add up to 282 posts, while seed 001 counts 338 cadres under the Ban Thường vụ. The demo
closes the gap with the heads of 56 units directly under the departments (chi cục, bệnh viện,
trung tâm …), which many provinces also keep under the Ban Thường vụ: 174 + 56 provincial posts and 108
district posts filled = 338 (one of the nine district PCT HĐND posts is vacant on 12/03/2021, which
gives seed 001's "8 phó chủ tịch HĐND").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

D = dt.date
EPOCH = D(1990, 1, 1)  # validity start of everything older than the data
REFORM_END = D(2025, 6, 30)  # last day of the district level
REFORM_START = D(2025, 7, 1)  # first day of the two-tier local government
SCHEME_DATE = D(2021, 3, 12)  # Đề án 01-ĐA/TU (seed 001)
AS_OF = D(2026, 1, 1)  # the data are "as of" this day: nothing later is recorded as done
HISTORY_START = D(2000, 1, 1)  # histories since 2000


@dataclass(frozen=True)
class Agency:
    slug: str
    name: str
    group: str
    subgroup: str | None
    block: str
    head: tuple[str, str, int] | None  # (title id, title name, rank); None = led concurrently from outside
    deputy: tuple[str, str, int]
    deputies: int
    sector: str | None = None
    staff: tuple[int, int] = (30, 10)  # (staff total, female staff)
    valid_from: dt.date = EPOCH


def _so(
    slug: str,
    name: str,
    subgroup: str,
    deputies: int,
    staff: tuple[int, int],
    sector: str | None = None,
    valid_from: dt.date = EPOCH,
) -> Agency:
    """A department (Sở): Giám đốc (rank 6) and Phó Giám đốc (rank 5)."""
    short = name.removeprefix("Sở ")
    return Agency(
        slug,
        name,
        "chuyen_mon_ubnd",
        subgroup,
        "chinh_quyen",
        (f"giam_doc_{slug}", f"Giám đốc Sở {short}", 6),
        (f"pho_giam_doc_{slug}", f"Phó Giám đốc Sở {short}", 5),
        deputies,
        sector,
        staff,
        valid_from,
    )


def _ag(
    slug,
    name,
    group,
    block,
    head_name,
    deputy_name,
    deputies,
    staff,
    *,
    head_rank=6,
    deputy_rank=5,
    subgroup=None,
    sector=None,
    valid_from=EPOCH,
    head_title=None,
    deputy_title=None,
) -> Agency:
    head = (head_title or f"truong_{slug}", head_name, head_rank) if head_name else None
    return Agency(
        slug,
        name,
        group,
        subgroup,
        block,
        head,
        (deputy_title or f"pho_{slug}", deputy_name, deputy_rank),
        deputies,
        sector,
        staff,
        valid_from,
    )


AGENCIES: list[Agency] = [
    # cơ quan tham mưu, giúp việc Tỉnh ủy: 6 heads, 15 deputies (+5 UBKT members below)
    _ag(
        "van_phong_tu",
        "Văn phòng Tỉnh ủy",
        "tham_muu_tinh_uy",
        "dang",
        "Chánh Văn phòng Tỉnh ủy",
        "Phó Chánh Văn phòng Tỉnh ủy",
        3,
        (55, 22),
    ),
    _ag(
        "ban_to_chuc_tu",
        "Ban Tổ chức Tỉnh ủy",
        "tham_muu_tinh_uy",
        "dang",
        "Trưởng Ban Tổ chức Tỉnh ủy",
        "Phó Trưởng Ban Tổ chức Tỉnh ủy",
        3,
        (32, 14),
        head_rank=7,
    ),
    _ag(
        "ubkt_tu",
        "Ủy ban Kiểm tra Tỉnh ủy",
        "tham_muu_tinh_uy",
        "dang",
        "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
        "Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
        3,
        (35, 9),
        head_rank=7,
    ),
    _ag(
        "ban_tuyen_giao_tu",
        "Ban Tuyên giáo Tỉnh ủy",
        "tham_muu_tinh_uy",
        "dang",
        "Trưởng Ban Tuyên giáo Tỉnh ủy",
        "Phó Trưởng Ban Tuyên giáo Tỉnh ủy",
        2,
        (28, 12),
        head_rank=7,
    ),
    _ag(
        "ban_dan_van_tu",
        "Ban Dân vận Tỉnh ủy",
        "tham_muu_tinh_uy",
        "dang",
        "Trưởng Ban Dân vận Tỉnh ủy",
        "Phó Trưởng Ban Dân vận Tỉnh ủy",
        2,
        (20, 9),
        head_rank=7,
    ),
    _ag(
        "ban_noi_chinh_tu",
        "Ban Nội chính Tỉnh ủy",
        "tham_muu_tinh_uy",
        "dang",
        "Trưởng Ban Nội chính Tỉnh ủy",
        "Phó Trưởng Ban Nội chính Tỉnh ủy",
        2,
        (18, 5),
        head_rank=7,
        valid_from=D(2013, 3, 1),
    ),
    # đơn vị sự nghiệp trực thuộc Tỉnh ủy: 2 heads, 5 deputies + 1 standing deputy
    _ag(
        "truong_chinh_tri",
        "Trường Chính trị tỉnh",
        "su_nghiep_tinh_uy",
        "su_nghiep",
        "Hiệu trưởng Trường Chính trị tỉnh",
        "Phó Hiệu trưởng Trường Chính trị tỉnh",
        3,
        (45, 21),
    ),
    _ag(
        "bao_tinh",
        "Báo Tỉnh Mẫu",
        "su_nghiep_tinh_uy",
        "su_nghiep",
        "Tổng Biên tập Báo Tỉnh Mẫu",
        "Phó Tổng Biên tập Báo Tỉnh Mẫu",
        2,
        (60, 24),
    ),
    _ag(
        "ban_bvsk",
        "Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh",
        "su_nghiep_tinh_uy",
        "su_nghiep",
        None,
        "Phó Trưởng Ban Thường trực Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh",
        1,
        (15, 9),
        sector="y_te",
    ),
    # Mặt trận và các tổ chức chính trị – xã hội: 6 heads, 15 deputies
    _ag(
        "mttq",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "mttq_doan_the",
        "mttq_doan_the",
        "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
        "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
        3,
        (25, 10),
        head_rank=7,
    ),
    _ag(
        "ldld",
        "Liên đoàn Lao động tỉnh",
        "mttq_doan_the",
        "mttq_doan_the",
        "Chủ tịch Liên đoàn Lao động tỉnh",
        "Phó Chủ tịch Liên đoàn Lao động tỉnh",
        3,
        (30, 13),
    ),
    _ag(
        "hoi_phu_nu",
        "Hội Liên hiệp Phụ nữ tỉnh",
        "mttq_doan_the",
        "mttq_doan_the",
        "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh",
        "Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh",
        3,
        (22, 20),
    ),
    _ag(
        "tinh_doan",
        "Tỉnh đoàn",
        "mttq_doan_the",
        "mttq_doan_the",
        "Bí thư Tỉnh đoàn",
        "Phó Bí thư Tỉnh đoàn",
        2,
        (25, 11),
    ),
    _ag(
        "hoi_nong_dan",
        "Hội Nông dân tỉnh",
        "mttq_doan_the",
        "mttq_doan_the",
        "Chủ tịch Hội Nông dân tỉnh",
        "Phó Chủ tịch Hội Nông dân tỉnh",
        2,
        (20, 6),
    ),
    _ag(
        "hoi_ccb",
        "Hội Cựu chiến binh tỉnh",
        "mttq_doan_the",
        "mttq_doan_the",
        "Chủ tịch Hội Cựu chiến binh tỉnh",
        "Phó Chủ tịch Hội Cựu chiến binh tỉnh",
        2,
        (12, 2),
    ),
    # Văn phòng và các ban HĐND tỉnh: 1 head, 8 deputies
    _ag(
        "vp_hdnd",
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
        "hdnd",
        "chinh_quyen",
        "Chánh Văn phòng Đoàn ĐBQH và HĐND tỉnh",
        "Phó Chánh Văn phòng Đoàn ĐBQH và HĐND tỉnh",
        2,
        (35, 14),
        valid_from=D(2016, 7, 1),
    ),
    _ag(
        "ban_phap_che_hdnd",
        "Ban Pháp chế HĐND tỉnh",
        "hdnd",
        "chinh_quyen",
        None,
        "Phó Trưởng Ban Pháp chế HĐND tỉnh",
        2,
        (4, 1),
    ),
    _ag(
        "ban_ktns_hdnd",
        "Ban Kinh tế – Ngân sách HĐND tỉnh",
        "hdnd",
        "chinh_quyen",
        None,
        "Phó Trưởng Ban Kinh tế – Ngân sách HĐND tỉnh",
        2,
        (4, 2),
    ),
    _ag(
        "ban_vhxh_hdnd",
        "Ban Văn hóa – Xã hội HĐND tỉnh",
        "hdnd",
        "chinh_quyen",
        None,
        "Phó Trưởng Ban Văn hóa – Xã hội HĐND tỉnh",
        2,
        (4, 2),
    ),
    # cơ quan chuyên môn UBND tỉnh — khối kinh tế: 10 heads, 30 deputies
    _so("so_khdt", "Sở Kế hoạch và Đầu tư", "kinh_te", 3, (45, 18), "quy_hoach"),
    _so("so_tai_chinh", "Sở Tài chính", "kinh_te", 3, (60, 32)),
    _so("so_cong_thuong", "Sở Công Thương", "kinh_te", 3, (50, 17)),
    _so("so_nn_ptnt", "Sở Nông nghiệp và Phát triển nông thôn", "kinh_te", 4, (70, 20)),
    _so("so_gtvt", "Sở Giao thông vận tải", "kinh_te", 3, (55, 12), "giao_thong_van_tai"),
    _so("so_xay_dung", "Sở Xây dựng", "kinh_te", 3, (45, 13), "xay_dung"),
    _so("so_tnmt", "Sở Tài nguyên và Môi trường", "kinh_te", 3, (50, 19)),
    _so("so_khcn", "Sở Khoa học và Công nghệ", "kinh_te", 2, (35, 15)),
    _so("so_du_lich", "Sở Du lịch", "kinh_te", 2, (30, 14), valid_from=D(2016, 1, 1)),
    _ag(
        "bql_kkt",
        "Ban Quản lý Khu kinh tế tỉnh",
        "chuyen_mon_ubnd",
        "chinh_quyen",
        "Trưởng Ban Quản lý Khu kinh tế tỉnh",
        "Phó Trưởng Ban Quản lý Khu kinh tế tỉnh",
        4,
        (40, 12),
        subgroup="kinh_te",
        valid_from=D(2009, 1, 1),
    ),
    # khối văn hóa – xã hội: 9 heads, 27 deputies
    _so("so_gddt", "Sở Giáo dục và Đào tạo", "van_hoa_xa_hoi", 3, (60, 33), "giao_duc"),
    _so("so_y_te", "Sở Y tế", "van_hoa_xa_hoi", 4, (65, 35), "y_te"),
    _so("so_ldtbxh", "Sở Lao động – Thương binh và Xã hội", "van_hoa_xa_hoi", 3, (50, 24)),
    _so("so_vhtt", "Sở Văn hóa và Thể thao", "van_hoa_xa_hoi", 4, (45, 19)),
    _so(
        "so_tttt",
        "Sở Thông tin và Truyền thông",
        "van_hoa_xa_hoi",
        2,
        (30, 11),
        "thong_tin_truyen_thong",
        valid_from=D(2008, 6, 1),
    ),
    _so("so_noi_vu", "Sở Nội vụ", "van_hoa_xa_hoi", 3, (45, 20)),
    _ag(
        "vp_ubnd",
        "Văn phòng UBND tỉnh",
        "chuyen_mon_ubnd",
        "chinh_quyen",
        "Chánh Văn phòng UBND tỉnh",
        "Phó Chánh Văn phòng UBND tỉnh",
        4,
        (60, 22),
        subgroup="van_hoa_xa_hoi",
    ),
    _ag(
        "ban_dan_toc",
        "Ban Dân tộc tỉnh",
        "chuyen_mon_ubnd",
        "chinh_quyen",
        "Trưởng Ban Dân tộc tỉnh",
        "Phó Trưởng Ban Dân tộc tỉnh",
        2,
        (20, 6),
        subgroup="van_hoa_xa_hoi",
    ),
    _so("so_ngoai_vu", "Sở Ngoại vụ", "van_hoa_xa_hoi", 2, (18, 8)),
    # khối nội chính: 2 heads, 6 deputies
    _so("so_tu_phap", "Sở Tư pháp", "noi_chinh", 3, (35, 16)),
    _ag(
        "thanh_tra",
        "Thanh tra tỉnh",
        "chuyen_mon_ubnd",
        "chinh_quyen",
        "Chánh Thanh tra tỉnh",
        "Phó Chánh Thanh tra tỉnh",
        3,
        (40, 11),
        subgroup="noi_chinh",
    ),
    # đơn vị sự nghiệp thuộc UBND tỉnh: 8 heads (rank 5), 18 deputies (rank 4)
    _ag(
        "dai_ptth",
        "Đài Phát thanh và Truyền hình tỉnh",
        "su_nghiep_ubnd",
        "su_nghiep",
        "Giám đốc Đài Phát thanh và Truyền hình tỉnh",
        "Phó Giám đốc Đài Phát thanh và Truyền hình tỉnh",
        3,
        (90, 38),
        head_rank=5,
        deputy_rank=4,
        sector="thong_tin_truyen_thong",
    ),
    _ag(
        "dai_hoc",
        "Trường Đại học Tỉnh Mẫu",
        "su_nghiep_ubnd",
        "su_nghiep",
        "Hiệu trưởng Trường Đại học Tỉnh Mẫu",
        "Phó Hiệu trưởng Trường Đại học Tỉnh Mẫu",
        3,
        (320, 170),
        head_rank=5,
        deputy_rank=4,
        sector="giao_duc",
        valid_from=D(2006, 10, 1),
    ),
    _ag(
        "cao_dang",
        "Trường Cao đẳng Kỹ thuật Công – Nông nghiệp",
        "su_nghiep_ubnd",
        "su_nghiep",
        "Hiệu trưởng Trường Cao đẳng Kỹ thuật Công – Nông nghiệp",
        "Phó Hiệu trưởng Trường Cao đẳng Kỹ thuật Công – Nông nghiệp",
        2,
        (110, 45),
        head_rank=5,
        deputy_rank=4,
        sector="giao_duc",
    ),
    _ag(
        "bqlda_dd",
        "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp",
        "su_nghiep_ubnd",
        "su_nghiep",
        "Giám đốc Ban QLDA ĐTXD các công trình dân dụng và công nghiệp",
        "Phó Giám đốc Ban QLDA ĐTXD các công trình dân dụng và công nghiệp",
        2,
        (45, 9),
        head_rank=5,
        deputy_rank=4,
        sector="xay_dung",
        valid_from=D(2016, 6, 1),
    ),
    _ag(
        "bqlda_gt",
        "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông",
        "su_nghiep_ubnd",
        "su_nghiep",
        "Giám đốc Ban QLDA ĐTXD các công trình giao thông",
        "Phó Giám đốc Ban QLDA ĐTXD các công trình giao thông",
        2,
        (50, 8),
        head_rank=5,
        deputy_rank=4,
        sector="giao_thong_van_tai",
        valid_from=D(2016, 6, 1),
    ),
    _ag(
        "bqlda_nn",
        "Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và PTNT",
        "su_nghiep_ubnd",
        "su_nghiep",
        "Giám đốc Ban QLDA ĐTXD các công trình nông nghiệp và PTNT",
        "Phó Giám đốc Ban QLDA ĐTXD các công trình nông nghiệp và PTNT",
        2,
        (40, 8),
        head_rank=5,
        deputy_rank=4,
        valid_from=D(2016, 6, 1),
    ),
    _ag(
        "lien_minh_htx",
        "Liên minh Hợp tác xã tỉnh",
        "su_nghiep_ubnd",
        "su_nghiep",
        "Chủ tịch Liên minh Hợp tác xã tỉnh",
        "Phó Chủ tịch Liên minh Hợp tác xã tỉnh",
        2,
        (20, 9),
        head_rank=5,
        deputy_rank=4,
    ),
    _ag(
        "quy_dtpt",
        "Quỹ Đầu tư phát triển tỉnh",
        "su_nghiep_ubnd",
        "su_nghiep",
        "Giám đốc Quỹ Đầu tư phát triển tỉnh",
        "Phó Giám đốc Quỹ Đầu tư phát triển tỉnh",
        2,
        (18, 8),
        head_rank=5,
        deputy_rank=4,
        valid_from=D(2008, 1, 1),
    ),
]

UBKT_MEMBERS = ("uy_vien_ubkt_tu", "Ủy viên chuyên trách Ủy ban Kiểm tra Tỉnh ủy", 4, 5)

# Units directly under a department whose head the Ban Thường vụ manages:
# (parent slug, name, kind, valid_from)
SUBUNIT_TITLES = {
    "chi_cuc": ("chi_cuc_truong", "Chi cục trưởng", None),
    "ban": ("truong_ban_thuoc_so", "Trưởng ban (đơn vị thuộc sở)", None),
    "benh_vien": ("giam_doc_benh_vien", "Giám đốc bệnh viện", "y_te"),
    "trung_tam": ("giam_doc_trung_tam", "Giám đốc trung tâm", None),
    "don_vi": ("thu_truong_don_vi_thuoc_so", "Thủ trưởng đơn vị sự nghiệp thuộc sở", None),
}
SUBUNIT_RANK = 4

SUBUNITS: list[tuple[str, str, str, dt.date]] = [
    ("so_nn_ptnt", "Chi cục Kiểm lâm", "chi_cuc", EPOCH),
    ("so_nn_ptnt", "Chi cục Thủy lợi", "chi_cuc", D(2009, 1, 1)),
    ("so_nn_ptnt", "Chi cục Chăn nuôi và Thú y", "chi_cuc", EPOCH),
    ("so_nn_ptnt", "Chi cục Trồng trọt và Bảo vệ thực vật", "chi_cuc", EPOCH),
    ("so_nn_ptnt", "Chi cục Thủy sản", "chi_cuc", D(2010, 1, 1)),
    ("so_nn_ptnt", "Chi cục Phát triển nông thôn", "chi_cuc", D(2009, 1, 1)),
    ("so_nn_ptnt", "Chi cục Quản lý chất lượng Nông lâm sản và Thủy sản", "chi_cuc", D(2010, 1, 1)),
    ("so_nn_ptnt", "Trung tâm Khuyến nông", "trung_tam", EPOCH),
    ("so_nn_ptnt", "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn", "trung_tam", EPOCH),
    ("so_nn_ptnt", "Ban Quản lý rừng phòng hộ Đầu nguồn", "don_vi", EPOCH),
    ("so_nn_ptnt", "Ban Quản lý rừng phòng hộ Ven biển", "don_vi", EPOCH),
    ("so_tnmt", "Chi cục Biển và Hải đảo", "chi_cuc", D(2010, 1, 1)),
    ("so_tnmt", "Chi cục Bảo vệ môi trường", "chi_cuc", D(2009, 1, 1)),
    ("so_tnmt", "Văn phòng Đăng ký đất đai", "don_vi", D(2015, 1, 1)),
    ("so_tnmt", "Trung tâm Quan trắc tài nguyên và môi trường", "trung_tam", EPOCH),
    ("so_tnmt", "Trung tâm Phát triển quỹ đất", "trung_tam", D(2009, 1, 1)),
    ("so_y_te", "Chi cục Dân số – Kế hoạch hóa gia đình", "chi_cuc", D(2008, 1, 1)),
    ("so_y_te", "Chi cục An toàn vệ sinh thực phẩm", "chi_cuc", D(2010, 1, 1)),
    ("so_y_te", "Bệnh viện Hữu nghị Đa khoa tỉnh", "benh_vien", EPOCH),
    ("so_y_te", "Bệnh viện Y dược cổ truyền tỉnh", "benh_vien", EPOCH),
    ("so_y_te", "Bệnh viện Tâm thần tỉnh", "benh_vien", EPOCH),
    ("so_y_te", "Bệnh viện Đa khoa khu vực Bắc", "benh_vien", D(2003, 1, 1)),
    ("so_y_te", "Bệnh viện Đa khoa khu vực Nam", "benh_vien", D(2003, 1, 1)),
    ("so_y_te", "Trung tâm Kiểm soát bệnh tật", "trung_tam", D(2018, 1, 1)),
    ("so_y_te", "Trung tâm Giám định y khoa", "trung_tam", EPOCH),
    ("so_noi_vu", "Ban Thi đua – Khen thưởng", "ban", EPOCH),
    ("so_noi_vu", "Ban Tôn giáo", "ban", EPOCH),
    ("so_noi_vu", "Chi cục Văn thư – Lưu trữ", "chi_cuc", D(2010, 1, 1)),
    ("so_khcn", "Chi cục Tiêu chuẩn Đo lường Chất lượng", "chi_cuc", EPOCH),
    ("so_khcn", "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", "trung_tam", EPOCH),
    ("so_ldtbxh", "Trung tâm Dịch vụ việc làm", "trung_tam", EPOCH),
    ("so_ldtbxh", "Trung tâm Bảo trợ xã hội", "trung_tam", EPOCH),
    ("so_ldtbxh", "Trung tâm Điều dưỡng người có công", "trung_tam", EPOCH),
    ("so_vhtt", "Trung tâm Văn hóa tỉnh", "trung_tam", EPOCH),
    ("so_vhtt", "Bảo tàng tỉnh", "don_vi", EPOCH),
    ("so_vhtt", "Thư viện tỉnh", "don_vi", EPOCH),
    ("so_vhtt", "Trung tâm Huấn luyện và Thi đấu thể dục thể thao", "trung_tam", EPOCH),
    ("so_vhtt", "Nhà hát Nghệ thuật truyền thống tỉnh", "don_vi", EPOCH),
    ("so_vhtt", "Trung tâm Bảo tồn di tích lịch sử – văn hóa", "trung_tam", D(2005, 1, 1)),
    ("so_du_lich", "Trung tâm Thông tin Xúc tiến Du lịch", "trung_tam", D(2016, 1, 1)),
    ("so_du_lich", "Ban Quản lý các khu du lịch tỉnh", "don_vi", D(2016, 1, 1)),
    ("so_gtvt", "Trung tâm Đăng kiểm phương tiện giao thông", "trung_tam", EPOCH),
    ("so_gtvt", "Ban Bảo trì đường bộ", "don_vi", D(2013, 1, 1)),
    ("so_xay_dung", "Trung tâm Quy hoạch và Kiểm định xây dựng", "trung_tam", EPOCH),
    ("so_khdt", "Trung tâm Xúc tiến Đầu tư và Hỗ trợ doanh nghiệp", "trung_tam", D(2012, 1, 1)),
    ("so_tttt", "Trung tâm Công nghệ thông tin và Truyền thông", "trung_tam", D(2009, 1, 1)),
    ("so_tu_phap", "Trung tâm Trợ giúp pháp lý nhà nước", "trung_tam", EPOCH),
    ("so_tu_phap", "Phòng Công chứng số 1", "don_vi", EPOCH),
    ("so_tu_phap", "Trung tâm Dịch vụ đấu giá tài sản", "trung_tam", EPOCH),
    ("vp_ubnd", "Trung tâm Phục vụ hành chính công tỉnh", "trung_tam", D(2019, 1, 1)),
    ("vp_ubnd", "Trung tâm Thông tin – Công báo", "trung_tam", EPOCH),
    ("bql_kkt", "Trung tâm Dịch vụ Khu kinh tế", "trung_tam", D(2012, 1, 1)),
    ("so_cong_thuong", "Trung tâm Khuyến công và Xúc tiến thương mại", "trung_tam", EPOCH),
    ("so_ngoai_vu", "Trung tâm Dịch vụ đối ngoại", "trung_tam", D(2012, 1, 1)),
    ("so_gddt", "Trường Trung học phổ thông Chuyên tỉnh", "don_vi", EPOCH),
    ("so_tai_chinh", "Trung tâm Thông tin – Tư vấn dịch vụ tài chính", "trung_tam", EPOCH),
]

# ---- districts (until 30/06/2025) and the communes that replaced them (from 01/07/2025) ----
# The communes are the real ones of today's Quảng Trị (vietnam-provinces, province 44) that lie in the
# former Quảng Trị province (ward codes 19333–19742), grouped by the district they came from; the
# district-level units carry those districts' names. The province's own name stays fictional.
COMMUNE_PROVINCE_CODE = 44
DISTRICTS: list[tuple[str, str, str, tuple[int, int]]] = [
    # (kind, name, party committee name, ward code range [lo, hi])
    ("thanh_pho", "Thành phố Đông Hà", "Thành ủy Đông Hà", (19333, 19359)),
    ("thi_xa", "Thị xã Quảng Trị", "Thị ủy Quảng Trị", (19360, 19362)),
    ("huyen", "Huyện Vĩnh Linh", "Huyện ủy Vĩnh Linh", (19363, 19428)),
    ("huyen", "Huyện Hướng Hóa", "Huyện ủy Hướng Hóa", (19429, 19494)),
    ("huyen", "Huyện Gio Linh", "Huyện ủy Gio Linh", (19495, 19554)),
    ("huyen", "Huyện Đakrông", "Huyện ủy Đakrông", (19555, 19596)),
    ("huyen", "Huyện Cam Lộ", "Huyện ủy Cam Lộ", (19597, 19623)),
    ("huyen", "Huyện Triệu Phong", "Huyện ủy Triệu Phong", (19624, 19680)),
    ("huyen", "Huyện Hải Lăng", "Huyện ủy Hải Lăng", (19681, 19741)),
    ("huyen_dao", "Huyện đảo Cồn Cỏ", "Huyện ủy Cồn Cỏ", (19742, 19742)),
]
# hill districts where part of the people are Bru–Vân Kiều or Pa Kô
ETHNIC_DISTRICTS = {2: ["Vân Kiều", "Pa Kô"], 3: ["Vân Kiều"], 5: ["Pa Kô", "Vân Kiều"]}
ISLAND_DISTRICT = 9  # no HĐND of its own: no PCT HĐND post; one PCT UBND

OUT_OF_PROVINCE = [
    ("NA", "Tỉnh Nghệ An", "040"),
    ("HT", "Tỉnh Hà Tĩnh", "042"),
    ("TH", "Tỉnh Thanh Hóa", "038"),
    ("HN", "Thành phố Hà Nội", "001"),
]
PROVINCE_CCCD = "045"

# district-level posts (title id, name, role, rank, key, non_local)
DISTRICT_TITLES = {
    "bi_thu_huyen": ("Bí thư Huyện ủy", "head", 6, True, True),
    "pho_bi_thu_huyen": ("Phó Bí thư Huyện ủy", "deputy", 5, True, False),
    "chu_tich_hdnd_huyen": ("Chủ tịch HĐND huyện", "head", 5, True, False),
    "pho_chu_tich_hdnd_huyen": ("Phó Chủ tịch HĐND huyện", "deputy", 4, True, False),
    "chu_tich_ubnd_huyen": ("Chủ tịch UBND huyện", "head", 5, True, True),
    "pho_chu_tich_ubnd_huyen": ("Phó Chủ tịch UBND huyện", "deputy", 4, True, False),
    "uy_vien_btv_huyen": ("Ủy viên Ban Thường vụ Huyện ủy", "deputy", 4, False, False),
}
COMMUNE_TITLES = {
    "bi_thu_xa": ("Bí thư Đảng ủy xã", "head", 6, True, True),
    "pho_bi_thu_xa": ("Phó Bí thư Đảng ủy xã", "deputy", 5, True, False),
    "chu_tich_hdnd_xa": ("Chủ tịch HĐND xã", "head", 6, True, False),
    "chu_tich_ubnd_xa": ("Chủ tịch UBND xã", "head", 5, True, False),
}
# Titles kept only as planning targets (their posts are outside the Ban Thường vụ's list)
PLANNING_TITLES = {
    "uy_vien_btv_tinh_uy": ("Ủy viên Ban Thường vụ Tỉnh ủy", "deputy", 7, True, False, 5),
    "pho_chu_tich_ubnd_tinh": ("Phó Chủ tịch UBND tỉnh", "deputy", 7, True, False, 3),
    "pho_chu_tich_hdnd_tinh": ("Phó Chủ tịch HĐND tỉnh", "deputy", 7, True, False, 2),
    "pho_bi_thu_tinh_uy": ("Phó Bí thư Tỉnh ủy", "deputy", 8, True, False, 2),
    "chu_tich_ubnd_tinh": ("Chủ tịch UBND tỉnh", "head", 8, True, False, 1),
    "chu_tich_hdnd_tinh": ("Chủ tịch HĐND tỉnh", "head", 8, True, False, 1),
}

# ---- education ----
# seed 001: "6% … khoa học tự nhiên, 12% … khoa học xã hội, 18% … luật pháp, 25% … kinh tế, 3% … chính trị,
# 11% … nông nghiệp, 8% … kỹ thuật, 8% … quân sự, công an"; the remaining 9% is `khac`.
SEED_FIELD_SHARES: list[tuple[str, int]] = [
    ("khoa_hoc_tu_nhien", 6),
    ("khoa_hoc_xa_hoi", 12),
    ("luat", 18),
    ("kinh_te", 25),
    ("chinh_tri", 3),
    ("nong_nghiep", 11),
    ("ky_thuat", 8),
    ("quan_su_cong_an", 8),
    ("khac", 9),
]
SEED_FORMAL_SHARE = 70  # "Đội ngũ cán bộ được đào tạo chính quy chiếm 70%"

MAJORS: dict[str, list[tuple[str, str]]] = {
    "khoa_hoc_tu_nhien": [
        ("Toán học", "Trường Đại học Khoa học, Đại học Huế"),
        ("Sư phạm Toán học", "Trường Đại học Sư phạm, Đại học Huế"),
        ("Vật lý", "Trường Đại học Khoa học Tự nhiên, ĐHQG Hà Nội"),
        ("Hóa học", "Trường Đại học Khoa học, Đại học Huế"),
        ("Sinh học", "Trường Đại học Vinh"),
        ("Địa lý tự nhiên", "Trường Đại học Vinh"),
    ],
    "khoa_hoc_xa_hoi": [
        ("Ngữ văn", "Trường Đại học Khoa học, Đại học Huế"),
        ("Lịch sử", "Trường Đại học Khoa học Xã hội và Nhân văn, ĐHQG Hà Nội"),
        ("Báo chí", "Học viện Báo chí và Tuyên truyền"),
        ("Xã hội học", "Trường Đại học Khoa học Xã hội và Nhân văn, ĐHQG Hà Nội"),
        ("Sư phạm Ngữ văn", "Trường Đại học Sư phạm, Đại học Huế"),
        ("Công tác xã hội", "Trường Đại học Khoa học, Đại học Huế"),
    ],
    "luat": [
        ("Luật", "Trường Đại học Luật Hà Nội"),
        ("Luật", "Trường Đại học Luật, Đại học Huế"),
        ("Luật Kinh tế", "Trường Đại học Luật, Đại học Huế"),
        ("Luật Hành chính", "Học viện Hành chính Quốc gia"),
    ],
    "kinh_te": [
        ("Kinh tế", "Trường Đại học Kinh tế, Đại học Huế"),
        ("Quản trị kinh doanh", "Trường Đại học Kinh tế, Đại học Đà Nẵng"),
        ("Tài chính – Ngân hàng", "Học viện Tài chính"),
        ("Kế toán", "Trường Đại học Kinh tế Quốc dân"),
        ("Kinh tế phát triển", "Trường Đại học Kinh tế, Đại học Huế"),
        ("Quản lý kinh tế", "Học viện Chính trị quốc gia Hồ Chí Minh"),
    ],
    "chinh_tri": [
        ("Xây dựng Đảng và chính quyền nhà nước", "Học viện Chính trị khu vực III"),
        ("Chính trị học", "Học viện Chính trị quốc gia Hồ Chí Minh"),
        ("Quản lý nhà nước", "Học viện Hành chính Quốc gia"),
    ],
    "nong_nghiep": [
        ("Nông học", "Trường Đại học Nông Lâm, Đại học Huế"),
        ("Lâm nghiệp", "Trường Đại học Nông Lâm, Đại học Huế"),
        ("Chăn nuôi – Thú y", "Trường Đại học Nông Lâm, Đại học Huế"),
        ("Nuôi trồng thủy sản", "Trường Đại học Nha Trang"),
        ("Khoa học cây trồng", "Học viện Nông nghiệp Việt Nam"),
    ],
    "ky_thuat": [
        ("Xây dựng dân dụng và công nghiệp", "Trường Đại học Bách khoa, Đại học Đà Nẵng"),
        ("Xây dựng cầu đường", "Trường Đại học Giao thông vận tải"),
        ("Công nghệ thông tin", "Trường Đại học Bách khoa, Đại học Đà Nẵng"),
        ("Kỹ thuật điện", "Trường Đại học Bách khoa Hà Nội"),
        ("Kiến trúc", "Trường Đại học Kiến trúc Hà Nội"),
        ("Thủy lợi", "Trường Đại học Thủy lợi"),
    ],
    "quan_su_cong_an": [
        ("Chỉ huy tham mưu", "Trường Sĩ quan Lục quân 2"),
        ("Điều tra trinh sát", "Học viện An ninh nhân dân"),
        ("Chỉ huy tham mưu", "Học viện Lục quân"),
        ("Luật (an ninh)", "Học viện An ninh nhân dân"),
    ],
    "khac": [
        ("Y đa khoa", "Trường Đại học Y Dược, Đại học Huế"),
        ("Dược học", "Trường Đại học Dược Hà Nội"),
        ("Ngôn ngữ Anh", "Trường Đại học Ngoại ngữ, Đại học Huế"),
        ("Giáo dục thể chất", "Trường Đại học Sư phạm, Đại học Huế"),
        ("Văn hóa học", "Trường Đại học Văn hóa Hà Nội"),
        ("Quản lý giáo dục", "Trường Đại học Vinh"),
    ],
}

# Field preferences by unit slug (weights added to the base shares)
FIELD_AFFINITY: dict[str, dict[str, float]] = {
    "so_y_te": {"khac": 8},
    "ban_bvsk": {"khac": 8},
    "benh_vien": {"khac": 12},
    "so_gddt": {"khoa_hoc_xa_hoi": 4, "khoa_hoc_tu_nhien": 4},
    "dai_hoc": {"khoa_hoc_tu_nhien": 3, "kinh_te": 2},
    "cao_dang": {"ky_thuat": 4, "nong_nghiep": 2},
    "so_xay_dung": {"ky_thuat": 8},
    "so_gtvt": {"ky_thuat": 8},
    "bqlda_dd": {"ky_thuat": 8},
    "bqlda_gt": {"ky_thuat": 8},
    "bqlda_nn": {"ky_thuat": 5, "nong_nghiep": 4},
    "so_tttt": {"ky_thuat": 5},
    "dai_ptth": {"khoa_hoc_xa_hoi": 6},
    "bao_tinh": {"khoa_hoc_xa_hoi": 8},
    "ban_tuyen_giao_tu": {"khoa_hoc_xa_hoi": 4},
    "so_nn_ptnt": {"nong_nghiep": 10},
    "hoi_nong_dan": {"nong_nghiep": 6},
    "so_tnmt": {"nong_nghiep": 3, "ky_thuat": 2},
    "so_tai_chinh": {"kinh_te": 10},
    "so_khdt": {"kinh_te": 8},
    "quy_dtpt": {"kinh_te": 10},
    "so_cong_thuong": {"kinh_te": 6},
    "lien_minh_htx": {"kinh_te": 6},
    "so_tu_phap": {"luat": 10},
    "thanh_tra": {"luat": 8},
    "ban_noi_chinh_tu": {"luat": 4, "quan_su_cong_an": 6},
    "ubkt_tu": {"luat": 6},
    "hoi_ccb": {"quan_su_cong_an": 14},
    "truong_chinh_tri": {"chinh_tri": 8},
    "ban_to_chuc_tu": {"chinh_tri": 2, "luat": 2},
    "so_noi_vu": {"luat": 4},
    "so_vhtt": {"khac": 3, "khoa_hoc_xa_hoi": 3},
    "huyen": {"kinh_te": 2, "nong_nghiep": 2, "luat": 2, "quan_su_cong_an": 1},
}

FOREIGN_LANGUAGES = [
    "Tiếng Anh B1",
    "Tiếng Anh trình độ B",
    "Tiếng Anh trình độ C",
    "Tiếng Anh B2",
    "Tiếng Anh trình độ B",
    "Tiếng Pháp trình độ B",
    "Tiếng Lào trình độ B",
    "Tiếng Nga trình độ B",
]
IT_SKILLS = [
    "Tin học văn phòng",
    "Ứng dụng công nghệ thông tin cơ bản",
    "Tin học trình độ B",
    "Tin học trình độ A",
]
