"""The public rule catalogue (DOMAIN.md §7): ids, what each checks, where, citation, confidence.

Declared here once, in catalogue order; the dated versions live in the module of the legal
instrument they encode (``qd_65_2022.py`` …) and register with ``@rule``.
"""
from __future__ import annotations

import datetime as dt

from ..engine.registry import declare

P, E, F, C, PL, A, T = "proposal", "eligibility", "followup", "cadre", "planning", "appointment", "training"

# -- rotation, central rules -------------------------------------------------------------------
declare("ROT-01", "Luân chuyển để đào tạo: còn ít nhất 120 tháng công tác", (P, E),
        citation="QĐ 98-QĐ/TW Đ5 k3 (đến 27/04/2022); QĐ 65-QĐ/TW Đ5; NĐ 170/2025 Đ43 k4", confidence="V2 / P / V")
declare("ROT-02", "Luân chuyển để bố trí không phải người địa phương hoặc hai nhiệm kỳ: còn trọn một nhiệm kỳ (60 tháng)",
        (P, E), citation="QĐ 98-QĐ/TW Đ5 k3; NĐ 170/2025 Đ43 k4 (28/04/2022–30/06/2025: suy luận)", confidence="V2 / D / V")
declare("ROT-03", "Luân chuyển để đào tạo: trong quy hoạch đã phê duyệt, còn hiệu lực", (P, E),
        citation="QĐ 65-QĐ/TW Đ1 k2, Đ4 k2a; QĐ 98-QĐ/TW (đối tượng)", confidence="V2 / P")
declare("ROT-04", "Thời gian luân chuyển ít nhất 36 tháng", (P,),
        citation="QĐ 65-QĐ/TW Đ8; NĐ 170/2025 Đ48; QĐ 98-QĐ/TW", confidence="P / V")
declare("ROT-05", "Chức vụ nơi đến tương đương chức vụ đang giữ (cao hơn chỉ khi năng lực nổi trội)", (P,),
        citation="QĐ 65-QĐ/TW Đ4 k3", confidence="V2")
declare("ROT-06", "Không tăng thêm chức danh: vị trí đến có sẵn và còn chỗ", (P,),
        citation="QĐ 65-QĐ/TW Đ1 k4", confidence="V2", introduced=dt.date(2022, 4, 28))
declare("ROT-07", "Không trong thời hạn kỷ luật, không bị điều tra, truy tố, xét xử", (P, E),
        citation="QĐ 98-QĐ/TW Đ5; Luật CBCC 2008 sửa đổi 2019 Đ82 k3; Luật CBCC 80/2025 Đ38 k2",
        confidence="V2 / P / V", exceptions_allowed=False)
declare("ROT-08", "Giấy chứng nhận sức khỏe cấp trong vòng 6 tháng", (P, E),
        citation="NĐ 170/2025 Đ43 k5", confidence="V")
declare("ROT-09", "Nơi đến nhận xét, đánh giá hằng năm (báo cáo trong quý I)", (F,),
        citation="QĐ 65-QĐ/TW Đ6; NĐ 170/2025 Đ49 k1; kế hoạch Cần Thơ III.2", confidence="P / V", exceptions_allowed=False)
declare("ROT-10", "Khi kết thúc: tự kiểm điểm, nhận xét của nơi đến và của cấp quyết định", (F,),
        citation="NĐ 170/2025 Đ49 k2", confidence="V", exceptions_allowed=False)
declare("ROT-11", "Phụ cấp nơi đến thấp hơn thì bảo lưu phụ cấp đang hưởng", (F,),
        citation="QĐ 65-QĐ/TW Đ11; NĐ 170/2025 Đ51 k1", confidence="P / V", exceptions_allowed=False)
declare("ROT-12", "Quyết định bố trí ổn định tại nơi đến chấm dứt tư cách cán bộ luân chuyển", (F,),
        citation="QĐ 65-QĐ/TW Đ10; NĐ 170/2025 Đ50 k2", confidence="P / V", exceptions_allowed=False)
declare("ROT-15", "Cấp trưởng giữ chức vụ quá hai nhiệm kỳ liên tiếp (≥ 96 tháng) thuộc diện luân chuyển", (P, C),
        citation="QĐ 65-QĐ/TW Đ4 k2b; Chỉ thị 45-CT/TW mục 3", confidence="V2 / D")
declare("ROT-16", "Chức danh bố trí không phải người địa phương", (P,),
        citation="QĐ 65-QĐ/TW Đ4 k2b; Chỉ thị 45-CT/TW; Kết luận 201-KL/TW", confidence="V2")

# -- rotation, the seeds' plan rules (applied when the plan switches them on) --------------------
declare("PLAN-ROLE-YOUNG", "Cán bộ trẻ luân chuyển để đào tạo chủ yếu bố trí cấp phó", (P,),
        citation="Kế hoạch Tây Ninh 2021–2025; kế hoạch Cần Thơ 2022–2025 II.1.2", confidence="V", plan_rule=True)
declare("PLAN-ROLE-HEAD", "Luân chuyển hai nhiệm kỳ / không phải người địa phương: bố trí cấp trưởng", (P,),
        citation="Kế hoạch Tây Ninh 2021–2025; kế hoạch Cần Thơ 2022–2025 II.1.2", confidence="V", plan_rule=True)
declare("PLAN-DURATION-MAX", "Thời gian luân chuyển không quá mức của kế hoạch (từ 03 đến 05 năm)", (P,),
        citation="Kế hoạch Lâm Đồng 2017–2020 III.2.2", confidence="V", plan_rule=True)
declare("PLAN-SUBJECT", "Cán bộ thuộc nhóm đối tượng luân chuyển của kế hoạch", (P,),
        citation="Kế hoạch Tây Ninh; Cần Thơ II.1.1; Lâm Đồng II.3, III.2.1", confidence="V", plan_rule=True)
declare("PLAN-COUNT", "Số cán bộ luân chuyển của kế hoạch trong khoảng dự kiến", ("plan",), collective=True,
        citation="Kế hoạch Cần Thơ 2022–2025 II.6", confidence="V")
declare("PLAN-SHARE-NOT-ROTATED", "Luân chuyển ít nhất 20% cán bộ cấp tỉnh trong quy hoạch chưa qua luân chuyển",
        ("plan",), collective=True, citation="Kế hoạch Lâm Đồng 2017–2020 III.2.1.c", confidence="V")
declare("PLAN-KEY-100", "Cán bộ chủ chốt cấp trên luân chuyển xuống giữ chức danh chủ chốt cấp dưới", (P,),
        citation="Kế hoạch Tây Ninh 2021–2025", confidence="V", plan_rule=True)
declare("PLAN-RECEIVE", "Mỗi địa phương tiếp nhận từ 1 đến 2 cán bộ", ("plan",), collective=True,
        citation="Đề án 01-ĐA/TU Quảng Bình, Phần III.5", confidence="V")
declare("PLAN-YOUNG-DEPT", "Điều động giữ chức trưởng, phó phòng cấp huyện: từ 35 tuổi trở xuống, đào tạo chính quy, có quy hoạch",
        (P,), citation="Đề án 01-ĐA/TU Quảng Bình, Phần II.6", confidence="V", plan_rule=True)

# -- planning ---------------------------------------------------------------------------------
declare("PLAN-01", "Quy hoạch: còn đủ thời gian công tác (60 tháng đối tượng 1, 120 tháng đối tượng 2)", (PL,),
        citation="QĐ 377-QĐ/TW Đ25 k2; QĐ 50-QĐ/TW", confidence="V / P")
declare("PLAN-03", "Mỗi chức danh quy hoạch không quá 3 cán bộ cho mỗi chỗ", ("planning_list",), collective=True,
        citation="QĐ 377-QĐ/TW Đ26 k2; QĐ 50-QĐ/TW", confidence="V / P")
declare("PLAN-04", "Mỗi cán bộ quy hoạch không quá 3 chức danh (không tính ủy viên BCH, BTV, UBKT)",
        ("planning_list",), collective=True, citation="QĐ 377-QĐ/TW Đ26 k2; QĐ 50-QĐ/TW", confidence="V / P")
declare("PLAN-05", "Quy hoạch ủy viên BCH, BTV, UBKT từ 1,0 đến 1,5 lần số lượng", ("planning_list",), collective=True,
        citation="QĐ 377-QĐ/TW Đ26 k1", confidence="V")
declare("PLAN-06", "Chỉ quy hoạch vào chức danh cao hơn chức danh đang giữ", (PL,),
        citation="QĐ 377-QĐ/TW Đ19", confidence="V")
declare("PLAN-07", "Bị kỷ luật thì đưa ngay ra khỏi quy hoạch", (PL,),
        citation="QĐ 377-QĐ/TW Đ29; QĐ 50-QĐ/TW", confidence="V / P", exceptions_allowed=False)
declare("PLAN-11", "Danh sách quy hoạch: nữ ≥ 25%, trẻ ≥ 15% (thời kỳ QĐ 50)", ("planning_list",), collective=True,
        citation="QĐ 50-QĐ/TW", confidence="P")

# -- appointment ------------------------------------------------------------------------------
declare("APPT-01", "Bổ nhiệm chức vụ cao hơn: đủ thời gian giữ chức vụ hiện tại hoặc tương đương (24 → 12 tháng)", (A, P),
        citation="QĐ 80-QĐ/TW Đ18 k3; QĐ 377-QĐ/TW Đ34 k3", confidence="V2 / V")
declare("APPT-02", "Bổ nhiệm lần đầu hoặc cao hơn: còn trọn một nhiệm kỳ (60 tháng; đặc biệt ≥ 48)", (A, P),
        citation="QĐ 80-QĐ/TW Đ18 k5; QĐ 377-QĐ/TW Đ34 k5; NĐ 170/2025 Đ29 k5", confidence="V2 / V")
declare("APPT-04", "Thời hạn sau kỷ luật mới được bổ nhiệm chức vụ cao hơn", (A, P),
        citation="QĐ 80-QĐ/TW Đ18 k7 (12/30/60 tháng); QĐ 377-QĐ/TW (24/36/60 tháng)", confidence="P")

# -- structure (collective) --------------------------------------------------------------------
_S = dict(collective=True)
declare("STR-WOMEN", "Tỷ lệ cán bộ nữ ≥ 15%", ("body",), citation="Đề án 01-ĐA/TU II.4; Chỉ thị 45-CT/TW mục 3",
        confidence="V / V2", **_S)
declare("STR-YOUNG", "Tỷ lệ cán bộ trẻ ≥ 10% (trẻ: dưới 40; từ 14/04/2025 dưới 42)", ("body",),
        citation="Đề án 01-ĐA/TU II.4; Chỉ thị 45-CT/TW mục 3", confidence="V / V2", **_S)
declare("STR-APPT-WOMEN", "Khoảng 15% số được bổ nhiệm trong năm là nữ", ("body",), citation="Đề án 01-ĐA/TU II.4",
        confidence="V", **_S)
declare("STR-APPT-YOUNG", "Khoảng 15% số được bổ nhiệm trong năm là cán bộ trẻ", ("body",),
        citation="Đề án 01-ĐA/TU II.4", confidence="V", **_S)
declare("STR-FEMALE-UNIT", "Đơn vị có trên 30% nữ phải có cán bộ nữ lãnh đạo", ("body",),
        citation="Đề án 01-ĐA/TU II.4", confidence="V", **_S)
declare("STR-AGE-BANDS", "Lãnh đạo mỗi đơn vị có 3 độ tuổi cách nhau 5 năm", ("body",),
        citation="Đề án 01-ĐA/TU II.8", confidence="V", **_S)
declare("STR-HEAD-2TERMS", "65% cấp trưởng lần đầu còn ≥ 120 tháng công tác", ("body",),
        citation="Đề án 01-ĐA/TU II.8", confidence="V", **_S)
declare("STR-DEPUTY-3TERMS", "65% cấp phó lần đầu còn ≥ 180 tháng công tác", ("body",),
        citation="Đề án 01-ĐA/TU II.8", confidence="V", **_S)
declare("STR-DEPUTY-COUNT", "Mỗi sở, ban, ngành 2–4 cấp phó; khung cấp phó của từng nhóm", ("body",),
        citation="Đề án 01-ĐA/TU II.1, II.I", confidence="V", **_S)
declare("STR-SECTOR", "Ngành chuyên môn sâu do người có chuyên môn phù hợp đứng đầu", ("body",),
        citation="Đề án 01-ĐA/TU II.2", confidence="V / D", **_S)
declare("STR-NON-LOCAL", "Chức danh chủ chốt bố trí không phải người địa phương", ("body",),
        citation="QĐ 65-QĐ/TW Đ4 k2b; Chỉ thị 45-CT/TW; Kết luận 201-KL/TW", confidence="V2", **_S)
declare("STR-TWO-TERMS", "Cấp trưởng giữ chức vụ quá hai nhiệm kỳ liên tiếp (ROT-15 trên toàn đội ngũ)", ("body",),
        citation="QĐ 65-QĐ/TW Đ4 k2b; Chỉ thị 45-CT/TW mục 3", confidence="V2 / D", **_S)

# -- training ---------------------------------------------------------------------------------
declare("TRN-CAO-CAP", "Thuộc đối tượng đào tạo cao cấp lý luận chính trị", (T,),
        citation="Kế hoạch Lâm Đồng 2017–2020 III.1.1.a", confidence="V")
declare("TRN-FULLTIME", "Dưới 40 tuổi học cao cấp lý luận chính trị hệ chính quy tập trung", (T,),
        citation="Kế hoạch Lâm Đồng 2017–2020 III.1.1.a", confidence="V")
declare("TRN-YEARS-LEFT", "Đào tạo đại học, trung cấp: sau khi học xong còn ít nhất 5 năm công tác", (T,),
        citation="Kế hoạch Lâm Đồng 2017–2020 III.1.1.b", confidence="V")
declare("TRN-PRIORITY", "Ưu tiên khối Đảng, khối Nội chính, nữ, trẻ, dân tộc thiểu số", (T,),
        citation="Kế hoạch Lâm Đồng 2017–2020 III.1.1.a", confidence="V")
declare("TRN-GAP", "Thiếu trình độ chức danh đang giữ hoặc được quy hoạch yêu cầu («nợ bằng»)", (T,),
        citation="Tiêu chuẩn chức danh (QĐ 89/214/365-QĐ/TW) — giá trị suy luận", confidence="D")

# -- retirement -------------------------------------------------------------------------------
declare("RET-01", "Tuổi nghỉ hưu theo năm đạt tuổi; chưa đến tuổi nghỉ hưu tại thời điểm xét", (C,),
        citation="BLLĐ 2019 Đ169 k2; NĐ 135/2020 Đ4; trước 2021: BLLĐ 2012 Đ187", confidence="V2 / P", exceptions_allowed=False)
declare("RET-02", "Ngày nghỉ hưu là ngày cuối tháng đủ tuổi; lương hưu từ ngày 1 tháng sau", (C,),
        citation="NĐ 135/2020 Đ3", confidence="V2", exceptions_allowed=False)
declare("RET-03", "Nữ cán bộ thuộc diện NĐ 83/2022 nghỉ hưu ở tuổi 60", (C,),
        citation="NĐ 83/2022 Đ2; HD 45 II.5.2", confidence="V2", introduced=dt.date(2022, 10, 20), exceptions_allowed=False)
