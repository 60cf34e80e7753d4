"""The interchange format `luanchuyen/v1` described once (docs/interchange.md).

The validator, the importer, the exporter and the Excel workbook all read this module: the lists,
their fields in the documented order, types, required flags, enumerations, the model attribute
each field maps to, and the Vietnamese sheet names, column headers and explanations.

Field kinds:
  id          the row's id (string, unique in its list)
  str         free text (null / missing = empty)
  int         integer, optional bounds
  bool        true / false (null / missing = the default)
  date        ISO date YYYY-MM-DD
  birth_date  YYYY, YYYY-MM or YYYY-MM-DD (stored as a date and a precision)
  enum        one id of a `TextChoices`
  ref         the id of a row of another list (in the file or already in the database)
  refs        a non-empty list of such ids (in a workbook: one cell, ids separated by commas)
  term        a party congress term "YYYY-YYYY" (5 years)
  object      a JSON object (in a workbook: JSON text in one cell)
  children    a nested list (a cadre's education, positions …; in a workbook its own sheet)
"""
from __future__ import annotations

from dataclasses import dataclass, field as dc_field
from functools import cached_property
from typing import Any

from django.db import models

from luanchuyen.cadres.models import (
    Appointment, ApprovedException, Cadre, Course, Discipline, Education, Evaluation, PlanningEntry,
    Position, Proceeding,
)
from luanchuyen.core.choices import (
    Block, CourseKind, DisciplineForm, EducationLevel, Gender, Grade, Level, PoliticalTheory, ProceedingKind,
    Purpose, Role, Sector, StateManagement, TrainingField, TrainingMode, UnitGroup, UnitSubgroup,
)
from luanchuyen.organization.models import Locality, Post, Title, Unit
from luanchuyen.rotation.models import Proposal, RotationPlan

FORMAT = "luanchuyen/v1"

KINDS = frozenset({"id", "str", "int", "bool", "date", "birth_date", "enum", "ref", "refs", "term", "object",
                   "children"})

# Vietnamese names of the enumerations (the "DanhMuc" sheet's column headers).
ENUM_NAMES: dict[type[models.TextChoices], str] = {
    Level: "Cấp",
    Block: "Khối hệ thống chính trị",
    UnitGroup: "Nhóm cơ quan, đơn vị",
    UnitSubgroup: "Khối cơ quan chuyên môn",
    Role: "Cấp trưởng / cấp phó",
    Sector: "Ngành chuyên sâu",
    Gender: "Giới tính",
    EducationLevel: "Trình độ đào tạo",
    TrainingField: "Lĩnh vực đào tạo",
    TrainingMode: "Hình thức đào tạo",
    PoliticalTheory: "Lý luận chính trị",
    StateManagement: "Quản lý nhà nước",
    DisciplineForm: "Hình thức kỷ luật",
    ProceedingKind: "Giai đoạn tố tụng",
    Grade: "Xếp loại",
    CourseKind: "Loại đào tạo, bồi dưỡng",
    Purpose: "Mục đích luân chuyển",
    RotationPlan.Status: "Trạng thái kế hoạch",
}

BOOL_LABELS = ("Có", "Không")


@dataclass(frozen=True, eq=False)
class Field:
    key: str                     # JSON key
    header: str                  # Vietnamese column header
    kind: str
    help: str                    # Vietnamese explanation
    required: bool = False
    attr: str = ""               # model attribute (default: key; key + "_id" for a ref)
    choices: type[models.TextChoices] | None = None
    ref: str = ""                # target list of a ref / refs
    default: Any = None          # model value when missing or null
    minimum: int | None = None
    maximum: int | None = None
    child: ListSpec | None = None

    def __post_init__(self):
        assert self.kind in KINDS, self.kind
        if not self.attr and self.kind not in ("children", "refs"):
            object.__setattr__(self, "attr", self.key + "_id" if self.kind == "ref" else self.key)

    @cached_property
    def values(self) -> frozenset[str]:
        return frozenset(self.choices.values) if self.choices else frozenset()

    def allowed_text(self) -> str:
        """Allowed values as a person reads them."""
        if self.choices is not None:
            return "; ".join(f"{value} = {label}" for value, label in self.choices.choices)
        if self.kind == "bool":
            return "Có / Không (JSON: true / false)"
        if self.kind == "date":
            return "Ngày: YYYY-MM-DD (trong Excel: ô ngày hoặc dd/mm/yyyy)"
        if self.kind == "birth_date":
            return "YYYY, YYYY-MM hoặc YYYY-MM-DD (trong Excel: yyyy, mm/yyyy, dd/mm/yyyy)"
        if self.kind == "term":
            return "YYYY-YYYY, nhiệm kỳ 5 năm, ví dụ 2020-2025"
        if self.kind == "int":
            if self.minimum is not None and self.maximum is not None:
                return f"Số nguyên từ {self.minimum} đến {self.maximum}"
            if self.minimum is not None:
                return f"Số nguyên ≥ {self.minimum}"
            return "Số nguyên"
        if self.kind in ("ref", "refs"):
            target = LISTS_BY_KEY[self.ref]
            many = "một hoặc nhiều mã, cách nhau bởi dấu phẩy, " if self.kind == "refs" else ""
            return f"{many}mã trong trang tính {target.sheet} ({target.label}) hoặc đã có trong cơ sở dữ liệu"
        if self.kind == "object":
            return 'Đối tượng JSON, ví dụ {"rotation.min_duration_months": 48}'
        return ""


@dataclass(frozen=True, eq=False)
class ListSpec:
    key: str                     # JSON key of the list
    label: str                   # Vietnamese name
    sheet: str                   # workbook sheet name
    model: type[models.Model]
    help: str
    fields: tuple[Field, ...]
    ordered: tuple[tuple[str, str], ...] = ()   # (start key, end key): end ≥ start
    sort: tuple[str, ...] = ()                  # export order of a nested list (model attrs), then pk
    parent: str = ""                            # "cadres" for a cadre's nested list
    parent_header: str = ""                     # first column of a nested list's sheet
    keys: frozenset[str] = dc_field(default=frozenset())

    def __post_init__(self):
        object.__setattr__(self, "keys", frozenset(f.key for f in self.fields))

    @cached_property
    def by_key(self) -> dict[str, Field]:
        return {f.key: f for f in self.fields}

    @cached_property
    def scalar_fields(self) -> tuple[Field, ...]:
        """Fields stored on the row itself (not nested lists, not the proposal's to_posts)."""
        return tuple(f for f in self.fields if f.kind not in ("children", "refs"))

    @cached_property
    def children(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.kind == "children")

    @cached_property
    def attrs(self) -> tuple[str, ...]:
        """Model attributes compared and written on import, in a fixed order."""
        out: list[str] = []
        for f in self.scalar_fields:
            out.append(f.attr)
            if f.kind == "birth_date":
                out.append("birth_precision")
        return tuple(out)

    @cached_property
    def sheet_fields(self) -> tuple[Field, ...]:
        """Columns of this list's sheet (nested lists have sheets of their own)."""
        return tuple(f for f in self.fields if f.kind != "children")

    def max_length(self, f: Field) -> int | None:
        if f.kind not in ("id", "str"):
            return None
        return getattr(self.model._meta.get_field(f.attr), "max_length", None)


def _date(key: str, header: str, help: str, *, required: bool = False, attr: str = "") -> Field:
    return Field(key, header, "date", help, required=required, attr=attr)


def _validity() -> tuple[Field, Field]:
    return (
        _date("valid_from", "Hiệu lực từ", "Ngày bắt đầu tồn tại / có hiệu lực; để trống nếu không rõ"),
        _date("valid_to", "Hiệu lực đến", "Ngày cuối cùng còn hiệu lực; để trống nếu còn hiệu lực"),
    )


# ---------------------------------------------------------------------------------------------
# A cadre's nested lists
# ---------------------------------------------------------------------------------------------

EDUCATION = ListSpec(
    "education", "Trình độ chuyên môn (văn bằng)", "TrinhDoChuyenMon", Education,
    "Các văn bằng đào tạo của cán bộ: trình độ, lĩnh vực, hình thức, cơ sở đào tạo, năm tốt nghiệp.",
    (
        Field("level", "Trình độ", "enum", "Trình độ của văn bằng", required=True, choices=EducationLevel),
        Field("field", "Lĩnh vực đào tạo", "enum", "Nhóm lĩnh vực đào tạo (phân loại của Đề án)", required=True,
              choices=TrainingField),
        Field("mode", "Hình thức đào tạo", "enum", "Chính quy, tại chức …", required=True, choices=TrainingMode),
        Field("institution", "Cơ sở đào tạo", "str", "Tên trường, học viện"),
        Field("major", "Chuyên ngành", "str", "Chuyên ngành ghi trên văn bằng"),
        Field("year", "Năm tốt nghiệp", "int", "Năm cấp văn bằng", minimum=1900, maximum=2100),
    ),
    sort=("year",), parent="cadres", parent_header="Mã cán bộ",
)

POSITIONS = ListSpec(
    "positions", "Quá trình công tác", "QuaTrinhCongTac", Position,
    "Các vị trí đã và đang đảm nhiệm. Vị trí hiện tại là vị trí chính (không kiêm nhiệm) chưa có ngày kết "
    "thúc. Hai vị trí chính của một cán bộ không được trùng thời gian (ngày kết thúc vị trí cũ có thể trùng "
    "ngày bắt đầu vị trí mới).",
    (
        Field("post", "Vị trí", "ref", "Mã vị trí (trang tính ViTri)", required=True, ref="posts"),
        _date("start", "Từ ngày", "Ngày bắt đầu đảm nhiệm", required=True),
        _date("end", "Đến ngày", "Ngày thôi đảm nhiệm; để trống nếu đang đảm nhiệm"),
        Field("concurrent", "Kiêm nhiệm", "bool", "Có nếu là chức vụ kiêm nhiệm", default=False),
    ),
    ordered=(("start", "end"),), sort=("start",), parent="cadres", parent_header="Mã cán bộ",
)

PLANNING = ListSpec(
    "planning", "Quy hoạch", "QuyHoach", PlanningEntry,
    "Chức danh cán bộ được quy hoạch theo từng nhiệm kỳ.",
    (
        Field("title", "Chức danh quy hoạch", "ref", "Mã chức danh (trang tính ChucDanh)", required=True,
              ref="titles"),
        Field("term", "Nhiệm kỳ", "term", "Nhiệm kỳ quy hoạch, ví dụ 2020-2025", required=True),
        Field("group", "Cấp quy hoạch", "int", "1 = quy hoạch lên một cấp, 2 = lên hai cấp", default=1,
              minimum=1, maximum=2),
        _date("approved", "Ngày phê duyệt", "Ngày quyết định phê duyệt quy hoạch"),
        _date("removed", "Ngày đưa ra khỏi quy hoạch", "Để trống nếu còn trong quy hoạch"),
    ),
    ordered=(("approved", "removed"),), sort=("term",), parent="cadres", parent_header="Mã cán bộ",
)

APPOINTMENTS = ListSpec(
    "appointments", "Bổ nhiệm", "BoNhiem", Appointment,
    "Các quyết định bổ nhiệm và thời hạn bổ nhiệm (5 năm).",
    (
        Field("post", "Vị trí", "ref", "Mã vị trí được bổ nhiệm", required=True, ref="posts"),
        _date("decided", "Ngày quyết định", "Ngày ký quyết định bổ nhiệm", required=True),
        Field("decision", "Số quyết định", "str", "Số, ký hiệu quyết định"),
        _date("term_start", "Thời hạn từ", "Ngày bắt đầu thời hạn bổ nhiệm"),
        _date("term_end", "Thời hạn đến", "Ngày hết thời hạn bổ nhiệm"),
    ),
    ordered=(("term_start", "term_end"),), sort=("decided",), parent="cadres", parent_header="Mã cán bộ",
)

DISCIPLINE = ListSpec(
    "discipline", "Kỷ luật", "KyLuat", Discipline,
    "Các hình thức kỷ luật đã bị xử lý.",
    (
        Field("form", "Hình thức kỷ luật", "enum", "Hình thức kỷ luật", required=True, choices=DisciplineForm),
        _date("decided", "Ngày quyết định", "Ngày quyết định kỷ luật", required=True),
        _date("until", "Hết thời hạn", "Ngày hết thời hạn chịu kỷ luật (thời hạn ảnh hưởng)"),
    ),
    ordered=(("decided", "until"),), sort=("decided",), parent="cadres", parent_header="Mã cán bộ",
)

PROCEEDINGS = ListSpec(
    "proceedings", "Điều tra, truy tố, xét xử", "DieuTraTruyToXetXu", Proceeding,
    "Thời gian cán bộ bị điều tra, truy tố, xét xử.",
    (
        Field("kind", "Giai đoạn", "enum", "Điều tra, truy tố hoặc xét xử", required=True, choices=ProceedingKind),
        _date("from", "Từ ngày", "Ngày bắt đầu", required=True, attr="start"),
        _date("to", "Đến ngày", "Ngày kết thúc; để trống nếu chưa kết thúc", attr="end"),
    ),
    ordered=(("from", "to"),), sort=("start",), parent="cadres", parent_header="Mã cán bộ",
)

EVALUATIONS = ListSpec(
    "evaluations", "Đánh giá, xếp loại", "DanhGia", Evaluation,
    "Kết quả đánh giá, xếp loại hằng năm (mỗi năm một dòng).",
    (
        Field("year", "Năm", "int", "Năm đánh giá", required=True, minimum=1900, maximum=2100),
        Field("grade", "Xếp loại", "enum", "Mức xếp loại chất lượng", required=True, choices=Grade),
        Field("score", "Điểm", "int", "Điểm đánh giá (0–100), nếu có", minimum=0, maximum=100),
    ),
    sort=("year",), parent="cadres", parent_header="Mã cán bộ",
)

TRAININGS = ListSpec(
    "trainings", "Đào tạo, bồi dưỡng", "DaoTaoBoiDuong", Course,
    "Các khóa đào tạo, bồi dưỡng (lý luận chính trị, quản lý nhà nước, chuyên môn …).",
    (
        Field("kind", "Loại", "enum", "Loại khóa đào tạo, bồi dưỡng", required=True, choices=CourseKind),
        Field("name", "Tên khóa học", "str", "Tên khóa học", required=True),
        Field("institution", "Cơ sở đào tạo", "str", "Nơi đào tạo, bồi dưỡng"),
        _date("start", "Từ ngày", "Ngày bắt đầu khóa học"),
        _date("end", "Đến ngày", "Ngày kết thúc khóa học"),
        Field("mode", "Hình thức đào tạo", "enum", "Hình thức học", choices=TrainingMode, default=""),
    ),
    ordered=(("start", "end"),), sort=("start",), parent="cadres", parent_header="Mã cán bộ",
)

EXCEPTIONS = ListSpec(
    "exceptions", "Trường hợp đặc biệt được chấp thuận", "TruongHopDacBiet", ApprovedException,
    "Các trường hợp đặc biệt đã được cấp có thẩm quyền chấp thuận (miễn áp dụng một quy tắc).",
    (
        Field("rule", "Quy tắc", "str", "Mã quy tắc được miễn, ví dụ ROT-01", required=True),
        Field("decision", "Số quyết định", "str", "Số, ký hiệu văn bản chấp thuận", required=True),
        _date("date", "Ngày quyết định", "Ngày ký văn bản chấp thuận", required=True),
        Field("approved_by", "Cấp quyết định", "str", "Cơ quan, cấp có thẩm quyền chấp thuận"),
    ),
    sort=("date",), parent="cadres", parent_header="Mã cán bộ",
)


def _children(spec: ListSpec, header: str) -> Field:
    return Field(spec.key, header, "children", spec.help, child=spec)


# ---------------------------------------------------------------------------------------------
# Top-level lists
# ---------------------------------------------------------------------------------------------

LOCALITIES = ListSpec(
    "localities", "Địa bàn", "DiaBan", Locality,
    "Địa bàn hành chính của cả hai thời kỳ: tỉnh, huyện (đến 30/06/2025), xã.",
    (
        Field("id", "Mã địa bàn", "id", "Mã do dữ liệu tự đặt, không trùng", required=True),
        Field("name", "Tên địa bàn", "str", "Tên đầy đủ, ví dụ Huyện Đồng Xuân", required=True),
        Field("level", "Cấp", "enum", "Cấp hành chính", required=True, choices=Level),
        Field("parent", "Trực thuộc", "ref", "Mã địa bàn cấp trên", ref="localities"),
        *_validity(),
        Field("successor", "Địa bàn kế thừa", "ref", "Mã địa bàn tiếp nhận sau khi sắp xếp (nếu có)",
              ref="localities"),
    ),
    ordered=(("valid_from", "valid_to"),),
)

UNITS = ListSpec(
    "units", "Đơn vị", "DonVi", Unit,
    "Cơ quan, đơn vị, địa phương (của cả hai thời kỳ).",
    (
        Field("id", "Mã đơn vị", "id", "Mã do dữ liệu tự đặt, không trùng", required=True),
        Field("name", "Tên đơn vị", "str", "Tên đầy đủ của cơ quan, đơn vị", required=True),
        Field("group", "Nhóm cơ quan", "enum", "Nhóm cơ quan, đơn vị (theo Đề án)", required=True,
              choices=UnitGroup),
        Field("subgroup", "Khối", "enum", "Chỉ với cơ quan chuyên môn UBND tỉnh: khối kinh tế, văn hóa – xã hội, "
              "nội chính", choices=UnitSubgroup, default=""),
        Field("block", "Khối hệ thống chính trị", "enum", "Đảng, chính quyền, Mặt trận – đoàn thể, sự nghiệp",
              required=True, choices=Block),
        Field("level", "Cấp", "enum", "Cấp của đơn vị", required=True, choices=Level),
        Field("locality", "Địa bàn", "ref", "Mã địa bàn của đơn vị (huyện, xã); để trống với cơ quan cấp tỉnh",
              ref="localities"),
        Field("parent", "Đơn vị cấp trên", "ref", "Mã đơn vị cấp trên (nếu có)", ref="units"),
        Field("staff_total", "Tổng biên chế", "int", "Tổng số biên chế", default=0, minimum=0),
        Field("staff_female", "Biên chế nữ", "int", "Số biên chế nữ (không quá tổng biên chế)", default=0,
              minimum=0),
        *_validity(),
    ),
    ordered=(("valid_from", "valid_to"),),
)

TITLES = ListSpec(
    "titles", "Chức danh", "ChucDanh", Title,
    "Các chức danh lãnh đạo, quản lý (Giám đốc Sở, Bí thư Huyện ủy …).",
    (
        Field("id", "Mã chức danh", "id", "Mã do dữ liệu tự đặt, ví dụ bi_thu_huyen", required=True),
        Field("name", "Tên chức danh", "str", "Tên chức danh", required=True),
        Field("role", "Cấp trưởng / cấp phó", "enum", "Cấp trưởng hay cấp phó", required=True, choices=Role),
        Field("rank", "Bậc", "int", "Bậc chức danh: số lớn hơn = cao hơn; bằng nhau = tương đương",
              required=True),
        Field("key_title", "Chức danh chủ chốt", "bool", "Có nếu là chức danh chủ chốt của địa phương",
              default=False),
        Field("non_local_required", "Bố trí không phải người địa phương", "bool",
              "Có nếu chức danh phải bố trí người không phải người địa phương", default=False),
        Field("sector", "Ngành chuyên sâu", "enum", "Ngành đòi hỏi lĩnh vực đào tạo phù hợp (nếu có)",
              choices=Sector, default=""),
        Field("level", "Cấp", "enum", "Cấp của các đơn vị có chức danh này (nếu có)", choices=Level, default=""),
    ),
)

POSTS = ListSpec(
    "posts", "Vị trí", "ViTri", Post,
    "Vị trí cụ thể: một chức danh trong một đơn vị, với số lượng người.",
    (
        Field("id", "Mã vị trí", "id", "Mã do dữ liệu tự đặt, không trùng", required=True),
        Field("unit", "Đơn vị", "ref", "Mã đơn vị (trang tính DonVi)", required=True, ref="units"),
        Field("title", "Chức danh", "ref", "Mã chức danh (trang tính ChucDanh)", required=True, ref="titles"),
        Field("slots", "Số lượng", "int", "Số người được bố trí (≥ 1)", default=1, minimum=1),
        _date("valid_from", "Hiệu lực từ", "Để trống: lấy theo đơn vị"),
        _date("valid_to", "Hiệu lực đến", "Để trống: lấy theo đơn vị"),
    ),
    ordered=(("valid_from", "valid_to"),),
)

CADRES = ListSpec(
    "cadres", "Cán bộ", "CanBo", Cadre,
    "Hồ sơ cán bộ (phần chính của Mẫu 2C/TCTW-98). Các danh sách con (văn bằng, quá trình công tác, quy "
    "hoạch …) nằm ở các trang tính riêng, nối với cán bộ bằng cột Mã cán bộ.",
    (
        Field("id", "Mã cán bộ", "id", "Mã do dữ liệu tự đặt, ví dụ CB0001", required=True),
        Field("full_name", "Họ và tên", "str", "Họ, tên đệm, tên (theo thứ tự tiếng Việt)", required=True),
        Field("other_name", "Tên gọi khác", "str", "Tên gọi khác (nếu có)"),
        Field("gender", "Giới tính", "enum", "Nam hoặc nữ", required=True, choices=Gender),
        Field("birth_date", "Ngày sinh", "birth_date", "Ngày sinh; có thể chỉ biết tháng và năm, hoặc năm",
              required=True),
        Field("birthplace", "Nơi sinh", "ref", "Mã địa bàn nơi sinh", ref="localities"),
        Field("hometown", "Quê quán", "ref", "Mã địa bàn quê quán", ref="localities"),
        Field("ethnicity", "Dân tộc", "str", "Dân tộc"),
        Field("religion", "Tôn giáo", "str", "Tôn giáo"),
        Field("citizen_id", "Số CCCD", "str", "Số căn cước công dân"),
        _date("party_joined", "Ngày vào Đảng", "Ngày vào Đảng"),
        _date("party_official", "Ngày chính thức", "Ngày trở thành đảng viên chính thức"),
        Field("general_education", "Giáo dục phổ thông", "str", "Ví dụ 12/12"),
        Field("late_retirement_eligible", "Thuộc diện kéo dài tuổi nghỉ hưu", "bool",
              "Có nếu thuộc diện nghỉ hưu ở tuổi cao hơn (Nghị định 83/2022/NĐ-CP)", default=False),
        _children(EDUCATION, "Văn bằng"),
        Field("political_theory", "Lý luận chính trị", "enum", "Trình độ lý luận chính trị",
              choices=PoliticalTheory, default=""),
        Field("state_management", "Quản lý nhà nước", "enum", "Trình độ quản lý nhà nước",
              choices=StateManagement, default=""),
        Field("foreign_language", "Ngoại ngữ", "str", "Trình độ ngoại ngữ"),
        Field("it_skill", "Tin học", "str", "Trình độ tin học"),
        _children(POSITIONS, "Quá trình công tác"),
        _children(PLANNING, "Quy hoạch"),
        _children(APPOINTMENTS, "Bổ nhiệm"),
        _children(DISCIPLINE, "Kỷ luật"),
        _children(PROCEEDINGS, "Điều tra, truy tố, xét xử"),
        _children(EVALUATIONS, "Đánh giá, xếp loại"),
        _children(TRAININGS, "Đào tạo, bồi dưỡng"),
        _date("health_certificate", "Ngày cấp giấy chứng nhận sức khỏe", "Ngày cấp giấy chứng nhận sức khỏe"),
        _children(EXCEPTIONS, "Trường hợp đặc biệt"),
    ),
    ordered=(("party_joined", "party_official"),),
)

PROPOSALS = ListSpec(
    "proposals", "Đề xuất luân chuyển", "DeXuat", Proposal,
    "Đề xuất luân chuyển một cán bộ: mục đích, vị trí nơi đi, vị trí nơi đến, thời gian.",
    (
        Field("id", "Mã đề xuất", "id", "Mã do dữ liệu tự đặt, ví dụ DX01", required=True),
        Field("cadre", "Cán bộ", "ref", "Mã cán bộ được đề xuất", required=True, ref="cadres"),
        Field("purpose", "Mục đích", "enum", "Mục đích luân chuyển", required=True, choices=Purpose),
        Field("from_post", "Vị trí nơi đi", "ref", "Để trống: vị trí hiện tại của cán bộ", ref="posts"),
        Field("to_posts", "Vị trí nơi đến", "refs",
              "Mã vị trí nơi đến; nhiều mã (cách nhau bởi dấu phẩy) = kiêm nhiệm nhiều vị trí", required=True,
              ref="posts"),
        _date("start", "Ngày bắt đầu", "Ngày bắt đầu luân chuyển", required=True),
        _date("end", "Ngày kết thúc dự kiến", "Ngày kết thúc dự kiến", required=True),
        Field("outstanding_capacity", "Năng lực nổi trội", "bool",
              "Có nếu cán bộ có năng lực nổi trội, được bố trí chức vụ cao hơn", default=False),
        Field("plan", "Kế hoạch", "ref", "Mã kế hoạch luân chuyển (trang tính KeHoach), nếu có",
              ref="rotation_plans"),
        _date("actual_end", "Ngày kết thúc thực tế", "Ngày kết thúc thực tế (nếu đã kết thúc)"),
        Field("placement", "Bố trí sau luân chuyển", "str", "Vị trí, công việc được bố trí sau luân chuyển"),
    ),
    ordered=(("start", "end"), ("start", "actual_end")),
)

ROTATION_PLANS = ListSpec(
    "rotation_plans", "Kế hoạch luân chuyển", "KeHoach", RotationPlan,
    "Kế hoạch luân chuyển theo giai đoạn, với tham số riêng và chỉ tiêu.",
    (
        Field("id", "Mã kế hoạch", "id", "Mã do dữ liệu tự đặt", required=True),
        Field("name", "Tên kế hoạch", "str", "Tên kế hoạch", required=True),
        _date("period_start", "Từ ngày", "Ngày bắt đầu giai đoạn", required=True),
        _date("period_end", "Đến ngày", "Ngày kết thúc giai đoạn", required=True),
        Field("status", "Trạng thái", "enum", "Trạng thái kế hoạch (mặc định: dự thảo)",
              choices=RotationPlan.Status, default=RotationPlan.Status.DRAFT.value),
        Field("parameters", "Tham số riêng", "object", "Tham số quy định áp dụng riêng cho kế hoạch", default=None),
        Field("targets", "Chỉ tiêu", "object", "Chỉ tiêu của kế hoạch", default=None),
    ),
    ordered=(("period_start", "period_end"),),
)

# Top-level lists in document order.
LISTS: tuple[ListSpec, ...] = (LOCALITIES, UNITS, TITLES, POSTS, CADRES, PROPOSALS, ROTATION_PLANS)
LISTS_BY_KEY: dict[str, ListSpec] = {spec.key: spec for spec in LISTS}
CADRE_CHILDREN: tuple[ListSpec, ...] = tuple(f.child for f in CADRES.children)
ALL_LISTS: tuple[ListSpec, ...] = (LOCALITIES, UNITS, TITLES, POSTS, CADRES, *CADRE_CHILDREN, PROPOSALS,
                                   ROTATION_PLANS)

TOP_LEVEL_KEYS: tuple[str, ...] = ("format", "province", *(spec.key for spec in LISTS))

# Order in which lists are written (targets of references first; FKs are deferred anyway).
WRITE_ORDER: tuple[ListSpec, ...] = (LOCALITIES, UNITS, TITLES, POSTS, ROTATION_PLANS, CADRES, PROPOSALS)

# Workbook: the sheet of general information (format marker and province).
INFO_SHEET = "ThongTin"
INFO_ROWS: tuple[tuple[str, str, str], ...] = (
    ("format", "Định dạng", f"Luôn là {FORMAT}"),
    ("province.code", "Mã tỉnh", "Mã tỉnh của dữ liệu (phải trùng với cấu hình PROVINCE_CODE của hệ thống)"),
    ("province.name", "Tên tỉnh", "Tên tỉnh"),
)
GUIDE_SHEET = "HuongDan"
CHOICES_SHEET = "DanhMuc"


def enumerations() -> list[type[models.TextChoices]]:
    """Every enumeration used by some field, in first-use order."""
    seen: list[type[models.TextChoices]] = []
    for spec in ALL_LISTS:
        for f in spec.fields:
            if f.choices is not None and f.choices not in seen:
                seen.append(f.choices)
    return seen


def empty_document(province: dict[str, str]) -> dict:
    return {"format": FORMAT, "province": dict(province), **{spec.key: [] for spec in LISTS}}
