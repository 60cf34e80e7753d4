"""A small `luanchuyen/v1` document for the tests: a province, a district that ends on 30/06/2025
and the commune that follows it, four units, five titles, five posts, three cadres, one plan."""
from __future__ import annotations

import copy

from django.apps import apps

_DOCUMENT = {
    "format": "luanchuyen/v1",
    "province": {"code": "TM", "name": "Tỉnh Mẫu"},
    "localities": [
        {"id": "TM", "name": "Tỉnh Mẫu", "level": "tinh", "parent": None, "valid_from": "1990-01-01",
         "valid_to": None, "successor": None},
        {"id": "H01", "name": "Huyện Đồng Xuân", "level": "huyen", "parent": "TM", "valid_from": "1990-01-01",
         "valid_to": "2025-06-30", "successor": "X01"},
        {"id": "X01", "name": "Xã Đồng Xuân", "level": "xa", "parent": "TM", "valid_from": "2025-07-01",
         "valid_to": None, "successor": None},
    ],
    "units": [
        {"id": "U001", "name": "Ban Tổ chức Tỉnh ủy", "group": "tham_muu_tinh_uy", "subgroup": None,
         "block": "dang", "level": "tinh", "locality": None, "parent": None, "staff_total": 42,
         "staff_female": 15, "valid_from": "1990-01-01", "valid_to": None},
        {"id": "U010", "name": "Sở Y tế", "group": "chuyen_mon_ubnd", "subgroup": "van_hoa_xa_hoi",
         "block": "chinh_quyen", "level": "tinh", "locality": None, "parent": None, "staff_total": 30,
         "staff_female": 12, "valid_from": "1990-01-01", "valid_to": None},
        {"id": "U050", "name": "Huyện ủy Đồng Xuân", "group": "huyen", "subgroup": None, "block": "dang",
         "level": "huyen", "locality": "H01", "parent": None, "staff_total": 20, "staff_female": 6,
         "valid_from": "1990-01-01", "valid_to": "2025-06-30"},
        {"id": "U060", "name": "Đảng ủy xã Đồng Xuân", "group": "xa", "subgroup": None, "block": "dang",
         "level": "xa", "locality": "X01", "parent": None, "staff_total": 10, "staff_female": 3,
         "valid_from": "2025-07-01", "valid_to": None},
    ],
    "titles": [
        {"id": "bi_thu_huyen", "name": "Bí thư Huyện ủy", "role": "head", "rank": 7, "key_title": True,
         "non_local_required": True, "sector": None, "level": "huyen"},
        {"id": "bi_thu_xa", "name": "Bí thư Đảng ủy xã", "role": "head", "rank": 5, "key_title": True,
         "non_local_required": False, "sector": None, "level": "xa"},
        {"id": "giam_doc_so", "name": "Giám đốc Sở", "role": "head", "rank": 7, "key_title": False,
         "non_local_required": False, "sector": "y_te", "level": "tinh"},
        {"id": "pho_truong_ban", "name": "Phó Trưởng Ban Tổ chức Tỉnh ủy", "role": "deputy", "rank": 6,
         "key_title": False, "non_local_required": False, "sector": None, "level": "tinh"},
        {"id": "truong_ban", "name": "Trưởng Ban Tổ chức Tỉnh ủy", "role": "head", "rank": 7, "key_title": False,
         "non_local_required": False, "sector": None, "level": "tinh"},
    ],
    "posts": [
        {"id": "P001", "unit": "U001", "title": "truong_ban", "slots": 1, "valid_from": "1990-01-01",
         "valid_to": None},
        {"id": "P002", "unit": "U001", "title": "pho_truong_ban", "slots": 3, "valid_from": "1990-01-01",
         "valid_to": None},
        {"id": "P010", "unit": "U010", "title": "giam_doc_so", "slots": 1, "valid_from": "1990-01-01",
         "valid_to": None},
        {"id": "P050", "unit": "U050", "title": "bi_thu_huyen", "slots": 1, "valid_from": "1990-01-01",
         "valid_to": "2025-06-30"},
        {"id": "P060", "unit": "U060", "title": "bi_thu_xa", "slots": 1, "valid_from": "2025-07-01",
         "valid_to": None},
    ],
    "cadres": [
        {
            "id": "CB0001", "full_name": "Nguyễn Thị Lan", "other_name": None, "gender": "nu",
            "birth_date": "1984-03", "birthplace": "H01", "hometown": "H01", "ethnicity": "Kinh",
            "religion": None, "citizen_id": "044184000123", "party_joined": "2006-05-19",
            "party_official": "2007-05-19", "general_education": "12/12", "late_retirement_eligible": False,
            "education": [
                {"level": "dai_hoc", "field": "kinh_te", "mode": "chinh_quy", "institution": "Đại học Huế",
                 "major": "Kinh tế nông nghiệp", "year": 2006},
                {"level": "thac_si", "field": "kinh_te", "mode": "vua_hoc_vua_lam", "institution": None,
                 "major": None, "year": 2014},
            ],
            "political_theory": "cao_cap", "state_management": "chuyen_vien_chinh",
            "foreign_language": "Tiếng Anh B1", "it_skill": None,
            "positions": [
                {"post": "P002", "start": "2015-01-01", "end": "2019-05-01", "concurrent": False},
                {"post": "P010", "start": "2019-05-01", "end": None, "concurrent": False},
            ],
            "planning": [
                {"title": "bi_thu_huyen", "term": "2020-2025", "group": 1, "approved": "2021-03-01",
                 "removed": None},
                {"title": "truong_ban", "term": "2025-2030", "group": 2, "approved": "2025-09-01",
                 "removed": None},
            ],
            "appointments": [
                {"post": "P010", "decided": "2019-04-20", "decision": "456-QĐ/TU", "term_start": "2019-05-01",
                 "term_end": "2024-05-01"},
            ],
            "discipline": [{"form": "khien_trach", "decided": "2024-05-01", "until": "2025-05-01"}],
            "proceedings": [],
            "evaluations": [
                {"year": 2023, "grade": "htt", "score": 85},
                {"year": 2024, "grade": "htxs", "score": None},
            ],
            "trainings": [
                {"kind": "ly_luan_chinh_tri", "name": "Cao cấp lý luận chính trị", "institution": "Học viện CTQG",
                 "start": "2016-09-01", "end": "2018-06-30", "mode": "tai_chuc"},
            ],
            "health_certificate": "2025-10-01",
            "exceptions": [
                {"rule": "ROT-01", "decision": "123-QĐ/TU", "date": "2025-09-01", "approved_by": "Ban Thường vụ"},
            ],
        },
        {
            "id": "CB0002", "full_name": "Trần Văn Bình", "other_name": "Bình Xuân", "gender": "nam",
            "birth_date": "1970-05-20", "birthplace": None, "hometown": "TM", "ethnicity": "Kinh",
            "religion": "Phật giáo", "citizen_id": None, "party_joined": "1995-02-03", "party_official": None,
            "general_education": None, "late_retirement_eligible": False,
            "education": [
                {"level": "dai_hoc", "field": "luat", "mode": "tai_chuc", "institution": None, "major": None,
                 "year": 1998},
            ],
            "political_theory": "cu_nhan", "state_management": None, "foreign_language": None, "it_skill": None,
            "positions": [
                {"post": "P050", "start": "2015-10-01", "end": "2025-06-30", "concurrent": False},
                {"post": "P002", "start": "2018-01-01", "end": "2020-01-01", "concurrent": True},
                {"post": "P060", "start": "2025-06-30", "end": None, "concurrent": False},
            ],
            "planning": [],
            "appointments": [],
            "discipline": [],
            "proceedings": [{"kind": "dieu_tra", "from": "2025-01-10", "to": None}],
            "evaluations": [{"year": 2024, "grade": "ht", "score": 70}],
            "trainings": [],
            "health_certificate": None,
            "exceptions": [],
        },
        {
            "id": "CB0003", "full_name": "Lê Minh", "other_name": None, "gender": "nam", "birth_date": "1965",
            "birthplace": None, "hometown": None, "ethnicity": None, "religion": None, "citizen_id": None,
            "party_joined": None, "party_official": None, "general_education": None,
            "late_retirement_eligible": False, "education": [], "political_theory": None, "state_management": None,
            "foreign_language": None, "it_skill": None,
            "positions": [{"post": "P001", "start": "2020-10-01", "end": None, "concurrent": False}],
            "planning": [], "appointments": [], "discipline": [], "proceedings": [], "evaluations": [],
            "trainings": [], "health_certificate": None, "exceptions": [],
        },
    ],
    "proposals": [
        {"id": "DX01", "cadre": "CB0001", "purpose": "dao_tao", "from_post": None, "to_posts": ["P060", "P002"],
         "start": "2026-01-01", "end": "2029-01-01", "outstanding_capacity": False, "plan": "KH2026",
         "actual_end": None, "placement": None},
    ],
    "rotation_plans": [
        {"id": "KH2026", "name": "Kế hoạch luân chuyển 2026–2030", "period_start": "2026-01-01",
         "period_end": "2030-12-31", "status": "draft", "parameters": {"rotation.min_duration_months": 48},
         "targets": {}},
    ],
}


def build_document(**changes) -> dict:
    """A fresh copy of the test document; keyword arguments replace top-level keys."""
    doc = copy.deepcopy(_DOCUMENT)
    doc.update(changes)
    return doc


def cadre(doc: dict, cadre_id: str) -> dict:
    return next(c for c in doc["cadres"] if c["id"] == cadre_id)


COUNTED_MODELS = (
    "organization.Locality", "organization.Unit", "organization.Title", "organization.Post", "cadres.Cadre",
    "cadres.Education", "cadres.Position", "cadres.PlanningEntry", "cadres.Appointment", "cadres.Discipline",
    "cadres.Proceeding", "cadres.Evaluation", "cadres.Course", "cadres.ApprovedException", "rotation.Proposal",
    "rotation.RotationPlan", "audit.AuditEntry",
)


def database_counts() -> dict[str, int]:
    """Rows per table, to show that a rejected import wrote nothing."""
    return {label: apps.get_model(label).objects.count() for label in COUNTED_MODELS}


def clear_database() -> None:
    """Remove every row an import writes (the audit log stays: it is append-only)."""
    from luanchuyen.cadres.models import Cadre
    from luanchuyen.organization.models import Locality, Post, Title, Unit
    from luanchuyen.rotation.models import Proposal, RotationPlan

    Proposal.objects.all().delete()
    RotationPlan.objects.all().delete()
    Cadre.objects.all().delete()
    Post.objects.all().delete()
    Title.objects.all().delete()
    Unit.objects.update(parent=None)
    Unit.objects.all().delete()
    Locality.objects.update(parent=None, successor=None)
    Locality.objects.all().delete()
