"""Enumerations of the domain (DOMAIN.md §3, §10.1): fixed ids, Vietnamese labels."""
from __future__ import annotations

from django.db import models


class Level(models.TextChoices):
    CENTRAL = "trung_uong", "Trung ương"
    PROVINCE = "tinh", "Cấp tỉnh"
    DISTRICT = "huyen", "Cấp huyện"
    COMMUNE = "xa", "Cấp xã"


class Block(models.TextChoices):
    PARTY = "dang", "Khối Đảng"
    STATE = "chinh_quyen", "Khối chính quyền"
    FRONT = "mttq_doan_the", "Mặt trận, đoàn thể"
    PUBLIC_SERVICE = "su_nghiep", "Sự nghiệp"


class UnitGroup(models.TextChoices):
    PARTY_ADVISORY = "tham_muu_tinh_uy", "Cơ quan tham mưu, giúp việc Tỉnh ủy"
    PARTY_SERVICE = "su_nghiep_tinh_uy", "Đơn vị sự nghiệp trực thuộc Tỉnh ủy"
    FRONT = "mttq_doan_the", "Mặt trận và các tổ chức chính trị – xã hội"
    COUNCIL = "hdnd", "Văn phòng và các ban HĐND tỉnh"
    DEPARTMENT = "chuyen_mon_ubnd", "Cơ quan chuyên môn UBND tỉnh"
    STATE_SERVICE = "su_nghiep_ubnd", "Đơn vị sự nghiệp thuộc UBND tỉnh"
    DISTRICT = "huyen", "Huyện, thị xã, thành phố, đảng bộ Khối"
    COMMUNE = "xa", "Xã, phường, đặc khu"


class UnitSubgroup(models.TextChoices):
    ECONOMY = "kinh_te", "Khối kinh tế"
    SOCIETY = "van_hoa_xa_hoi", "Khối văn hóa – xã hội"
    INTERNAL = "noi_chinh", "Khối nội chính"


class Role(models.TextChoices):
    HEAD = "head", "Cấp trưởng"
    DEPUTY = "deputy", "Cấp phó"


class Sector(models.TextChoices):
    HEALTH = "y_te", "Y tế"
    EDUCATION = "giao_duc", "Giáo dục"
    PLANNING = "quy_hoach", "Quy hoạch"
    CONSTRUCTION = "xay_dung", "Xây dựng"
    TRANSPORT = "giao_thong_van_tai", "Giao thông vận tải"
    INFORMATION = "thong_tin_truyen_thong", "Thông tin và truyền thông"


class Gender(models.TextChoices):
    MALE = "nam", "Nam"
    FEMALE = "nu", "Nữ"


class EducationLevel(models.TextChoices):
    INTERMEDIATE = "trung_cap", "Trung cấp"
    COLLEGE = "cao_dang", "Cao đẳng"
    BACHELOR = "dai_hoc", "Đại học"
    MASTER = "thac_si", "Thạc sĩ"
    DOCTOR = "tien_si", "Tiến sĩ"


class TrainingField(models.TextChoices):
    NATURAL_SCIENCES = "khoa_hoc_tu_nhien", "Khoa học tự nhiên"
    SOCIAL_SCIENCES = "khoa_hoc_xa_hoi", "Khoa học xã hội"
    LAW = "luat", "Luật"
    ECONOMICS = "kinh_te", "Kinh tế"
    POLITICS = "chinh_tri", "Chính trị"
    AGRICULTURE = "nong_nghiep", "Nông nghiệp"
    ENGINEERING = "ky_thuat", "Kỹ thuật"
    MILITARY_POLICE = "quan_su_cong_an", "Quân sự, công an"
    OTHER = "khac", "Khác"


class TrainingMode(models.TextChoices):
    FORMAL = "chinh_quy", "Chính quy"
    IN_SERVICE = "tai_chuc", "Tại chức"
    CONVERSION = "chuyen_tu", "Chuyên tu"
    WORK_STUDY = "vua_hoc_vua_lam", "Vừa học vừa làm"
    REMOTE = "tu_xa", "Từ xa"


class PoliticalTheory(models.TextChoices):
    ELEMENTARY = "so_cap", "Sơ cấp"
    INTERMEDIATE = "trung_cap", "Trung cấp"
    ADVANCED = "cao_cap", "Cao cấp"
    BACHELOR = "cu_nhan", "Cử nhân"


class StateManagement(models.TextChoices):
    SPECIALIST = "chuyen_vien", "Chuyên viên"
    PRINCIPAL = "chuyen_vien_chinh", "Chuyên viên chính"
    SENIOR = "chuyen_vien_cao_cap", "Chuyên viên cao cấp"


class DisciplineForm(models.TextChoices):
    REPRIMAND = "khien_trach", "Khiển trách"
    WARNING = "canh_cao", "Cảnh cáo"
    REMOVAL = "cach_chuc", "Cách chức"
    DEMOTION = "giang_chuc", "Giáng chức"
    DISMISSAL = "bai_nhiem", "Bãi nhiệm"
    EXPULSION = "khai_tru", "Khai trừ"


class ProceedingKind(models.TextChoices):
    INVESTIGATION = "dieu_tra", "Điều tra"
    PROSECUTION = "truy_to", "Truy tố"
    TRIAL = "xet_xu", "Xét xử"


class Grade(models.TextChoices):
    EXCELLENT = "htxs", "Hoàn thành xuất sắc nhiệm vụ"
    GOOD = "htt", "Hoàn thành tốt nhiệm vụ"
    DONE = "ht", "Hoàn thành nhiệm vụ"
    NOT_DONE = "kht", "Không hoàn thành nhiệm vụ"


class CourseKind(models.TextChoices):
    POLITICAL_THEORY = "ly_luan_chinh_tri", "Lý luận chính trị"
    STATE_MANAGEMENT = "quan_ly_nha_nuoc", "Quản lý nhà nước"
    PROFESSIONAL = "chuyen_mon", "Chuyên môn"
    LANGUAGE = "ngoai_ngu", "Ngoại ngữ"
    IT = "tin_hoc", "Tin học"
    REFRESHER = "boi_duong", "Bồi dưỡng"


class Purpose(models.TextChoices):
    TRAINING = "dao_tao", "Đào tạo, bồi dưỡng"
    NON_LOCAL = "khong_phai_nguoi_dia_phuong", "Bố trí không phải người địa phương"
    TWO_TERMS = "hai_nhiem_ky", "Không giữ chức vụ quá hai nhiệm kỳ"


class BirthPrecision(models.TextChoices):
    DAY = "d", "Ngày"
    MONTH = "m", "Tháng"
    YEAR = "y", "Năm"


class UserRole(models.TextChoices):
    ORGANIZATION = "to_chuc", "Ban Tổ chức"
    LEADERSHIP = "lanh_dao", "Thường trực / Ban Thường vụ"
    UNIT = "don_vi", "Lãnh đạo đơn vị"
    CADRE = "can_bo", "Cán bộ"
    INSPECTION = "kiem_tra", "Ủy ban Kiểm tra"
    ADMIN = "quan_tri", "Quản trị hệ thống"


PROVINCE_WIDE_ROLES = frozenset({UserRole.ORGANIZATION, UserRole.LEADERSHIP, UserRole.INSPECTION})
