"""Mẫu 2C/TCTW-98 (Sơ yếu lý lịch cán bộ) as a Word document.

Times New Roman throughout (HD 36-HD/VPTW; regulations.md §7.1), A4 portrait. The numbered fields
follow the printed form as far as it is known: regulations.md §7.3 marks the fields beyond the
official filling guide as not verified against the printed form. Fields the system does not hold
(address, family, salary …) are left as dotted lines for the cadre to complete by hand.
"""
from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from luanchuyen.cadres.models import Cadre
from luanchuyen.core.choices import EducationLevel

FONT = "Times New Roman"
SIZE = Pt(13)
DOTS = "…………………………"
LEVEL_ORDER = list(EducationLevel.values)


def file_name(cadre: Cadre) -> str:
    return f"mau-2c-{cadre.pk}.docx"


def vietnamese_date(on: dt.date) -> str:
    return f"ngày {on.day:02d} tháng {on.month:02d} năm {on.year}"


def _birth_text(cadre: Cadre) -> str:
    b = cadre.birth_date
    if cadre.birth_precision == "y":
        return f"…… tháng …… năm {b.year}"
    if cadre.birth_precision == "m":
        return f"…… tháng {b.month:02d} năm {b.year}"
    return f"{b.day:02d} tháng {b.month:02d} năm {b.year}"


def _d(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else DOTS


def _month(value: dt.date | None) -> str:
    return value.strftime("%m/%Y") if value else ""


def _set_fonts(rpr) -> None:
    """Times New Roman for every script slot (ascii, hAnsi, east-asian, complex); no theme fonts."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)


def _box(cell) -> None:
    """A thin single border around one table cell (the photo frame)."""
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "4")
        edge.set(qn("w:color"), "000000")
        borders.append(edge)
    cell._tc.get_or_add_tcPr().append(borders)


def _joined_current_unit(positions, unit_id) -> dt.date | None:
    """Start of the unbroken run of primary posts in the current unit (field 14)."""
    joined = None
    for pos in sorted((p for p in positions if not p.concurrent), key=lambda p: p.start, reverse=True):
        if pos.post.unit_id != unit_id:
            break
        joined = pos.start
    return joined if unit_id else None


class Form2C:
    """Builds the document; one method per part of the form."""

    def __init__(self) -> None:
        self.doc = Document()
        self._page_and_fonts()

    def _page_and_fonts(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = SIZE
        normal.paragraph_format.space_after = Pt(3)
        _set_fonts(normal.element.get_or_add_rPr())
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
        if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
            _set_fonts(rpr_default.find(qn("w:rPr")))

    # --- primitives -------------------------------------------------------------------------------
    def run(self, paragraph, text: str, *, bold=False, italic=False, size=None, caps=False):
        run = paragraph.add_run(text)
        run.font.name = FONT
        _set_fonts(run._element.get_or_add_rPr())
        run.font.size = size or SIZE
        run.bold, run.italic, run.font.all_caps = bold, italic, caps
        return run

    def para(self, text: str = "", *, align=None, bold=False, italic=False, size=None, container=None):
        p = (container or self.doc).add_paragraph()
        if align is not None:
            p.alignment = align
        if text:
            self.run(p, text, bold=bold, italic=italic, size=size)
        return p

    def field(self, number: str, label: str, value: str, *more: tuple[str, str], container=None):
        """'12) Label: value   Label: value' with the labels plain and the values bold."""
        p = self.para(container=container)
        self.run(p, f"{number}) {label}: ")
        self.run(p, value or DOTS, bold=bool(value))
        for extra_label, extra_value in more:
            self.run(p, f"   {extra_label}: ")
            self.run(p, extra_value or DOTS, bold=bool(extra_value))
        return p

    def heading(self, number: str, text: str):
        p = self.para()
        p.paragraph_format.space_before = Pt(8)
        self.run(p, f"{number}) {text}", bold=True)
        return p

    def table(self, headers: list[str], rows: list[list[str]], widths: list[float]):
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text, width in zip(table.rows[0].cells, headers, widths):
            cell.width = Cm(width)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            self.run(cell.paragraphs[0], text, bold=True, size=Pt(12))
        for row in rows or [[""] * len(headers)]:
            cells = table.add_row().cells
            for cell, text, width in zip(cells, row, widths):
                cell.width = Cm(width)
                self.run(cell.paragraphs[0], text, size=Pt(12))
        return table

    def borderless(self, rows: int, cols: int):
        table = self.doc.add_table(rows=rows, cols=cols)
        table.autofit = False
        return table

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def build_2c(*, cadre: Cadre, record: dict, on: dt.date, province: str = "") -> bytes:
    """The Mẫu 2C of `cadre` (with `record` from `cadre_record`), dated `on`."""
    f = Form2C()
    f.doc.core_properties.title = f"Sơ yếu lý lịch cán bộ – {cadre.full_name}"
    f.doc.core_properties.author = "luanchuyen"

    # Header: issuing committee left, form number right.
    head = f.borderless(1, 2)
    left, right = head.rows[0].cells
    f.run(left.paragraphs[0], f"Tỉnh ủy: {province or DOTS}")
    unit = cadre.current_unit.name if cadre.current_unit else ""
    f.para(f"Đơn vị: {unit or DOTS}", container=left)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    f.run(right.paragraphs[0], "Mẫu 2C/TCTW-98", bold=True)
    f.para(f"Số hiệu cán bộ: {cadre.pk}", align=WD_ALIGN_PARAGRAPH.RIGHT, container=right)

    p = f.para("SƠ YẾU LÝ LỊCH CÁN BỘ", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=Pt(15))
    p.paragraph_format.space_before = Pt(12)
    p.paragraph_format.space_after = Pt(12)

    # Photo box beside fields 1–4.
    ident = f.borderless(1, 2)
    photo, fields = ident.rows[0].cells
    photo.width, fields.width = Cm(3.5), Cm(13)
    _box(photo)
    photo.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    f.run(photo.paragraphs[0], "Ảnh màu\n(4 × 6 cm)", italic=True, size=Pt(11))
    p = fields.paragraphs[0]
    f.run(p, "1) Họ và tên khai sinh: ")
    f.run(p, cadre.full_name.upper(), bold=True)
    f.run(p, "   2) Nam, nữ: ")
    f.run(p, cadre.get_gender_display(), bold=True)
    f.field("3", "Các tên gọi khác", cadre.other_name or "Không", container=fields)
    primary = [pos for pos in record["positions"] if pos.end is None and not pos.concurrent]
    concurrent = [pos for pos in record["positions"] if pos.end is None and pos.concurrent]
    f.field("4", "Chức vụ (Đảng, chính quyền, đoàn thể, kể cả chức vụ kiêm nhiệm)",
            "; ".join([f"{pos.post.title.name}, {pos.post.unit.name}" for pos in primary]
                      + [f"kiêm {pos.post.title.name}, {pos.post.unit.name}" for pos in concurrent]),
            container=fields)

    p = f.para()
    p.paragraph_format.space_before = Pt(6)
    f.run(p, "5) Sinh ngày: ")
    f.run(p, _birth_text(cadre), bold=True)
    f.field("6", "Nơi sinh", cadre.birthplace.name if cadre.birthplace else "")
    f.field("7", "Quê quán", cadre.hometown.name if cadre.hometown else "")
    f.field("8", "Nơi ở hiện nay", "", ("Điện thoại", ""))
    f.field("9", "Dân tộc", cadre.ethnicity, ("10) Tôn giáo", cadre.religion or "Không"))
    f.field("11", "Thành phần gia đình xuất thân", "")
    f.field("12", "Nghề nghiệp bản thân trước khi được tuyển dụng", "")
    f.field("13", "Ngày được tuyển dụng", "", ("Vào cơ quan nào, ở đâu", ""))
    first_here = _joined_current_unit(record["positions"], cadre.current_unit_id)
    f.field("14", "Ngày vào cơ quan hiện đang công tác", _d(first_here) if first_here else "")
    f.field("15", "Ngày vào Đảng Cộng sản Việt Nam", _d(cadre.party_joined) if cadre.party_joined else "",
            ("Ngày chính thức", _d(cadre.party_official) if cadre.party_official else ""))
    f.field("16", "Ngày tham gia các tổ chức chính trị – xã hội", "")
    f.field("17", "Ngày nhập ngũ", "", ("Ngày xuất ngũ", ""), ("Quân hàm, chức vụ cao nhất", ""))
    degrees = record["education"]
    highest = max(degrees, key=lambda e: LEVEL_ORDER.index(e.level) if e.level in LEVEL_ORDER else -1,
                  default=None)
    f.field("18", "Trình độ học vấn: Giáo dục phổ thông", cadre.general_education,
            ("Học hàm, học vị cao nhất",
             f"{highest.get_level_display()} {highest.major or highest.get_field_display()}" if highest else ""))
    p = f.para()
    f.run(p, "      Lý luận chính trị: ")
    f.run(p, cadre.get_political_theory_display() or DOTS, bold=bool(cadre.political_theory))
    f.run(p, "   Quản lý nhà nước: ")
    f.run(p, cadre.get_state_management_display() or DOTS, bold=bool(cadre.state_management))
    p = f.para()
    f.run(p, "      Ngoại ngữ: ")
    f.run(p, cadre.foreign_language or DOTS, bold=bool(cadre.foreign_language))
    f.run(p, "   Tin học: ")
    f.run(p, cadre.it_skill or DOTS, bold=bool(cadre.it_skill))
    f.field("19", "Công tác chính đang làm", primary[0].post.title.name if primary else "")
    f.field("20", "Ngạch công chức", "", ("Mã ngạch", ""), ("Bậc lương, hệ số, từ tháng", ""))
    f.field("21", "Danh hiệu được phong (năm nào)", "")
    f.field("22", "Sở trường công tác", "")
    f.field("23", "Khen thưởng", "")
    disciplines = "; ".join(
        f"{d.get_form_display()} (quyết định ngày {_d(d.decided)}"
        + (f", đến {_d(d.until)})" if d.until else ")")
        for d in record["discipline"]
    )
    f.field("24", "Kỷ luật (Đảng, chính quyền, đoàn thể, cấp quyết định, năm nào, hình thức)",
            disciplines or "Không")
    health = f"Giấy chứng nhận sức khỏe ngày {_d(cadre.health_certificate)}" if cadre.health_certificate else ""
    f.field("25", "Tình trạng sức khỏe", health, ("Cao", ""), ("Cân nặng", ""), ("Nhóm máu", ""))
    f.field("26", "Số CCCD", cadre.citizen_id, ("Thương binh loại", ""), ("Gia đình liệt sĩ", ""))

    f.heading("27", "ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, TIN HỌC")
    rows = [[e.institution, e.major or e.get_field_display(), str(e.year or ""), e.get_mode_display(),
             e.get_level_display()] for e in degrees]
    rows += [[c.institution, c.name, " – ".join(x for x in (_month(c.start), _month(c.end)) if x),
              c.get_mode_display(), c.get_kind_display()] for c in record["courses"]]
    f.table(["Tên trường", "Ngành học hoặc tên lớp học", "Thời gian học", "Hình thức học",
             "Văn bằng, chứng chỉ, trình độ"], rows, [4.0, 4.4, 2.6, 2.6, 3.0])

    f.heading("28", "TÓM TẮT QUÁ TRÌNH CÔNG TÁC")
    history = sorted(record["positions"], key=lambda pos: (pos.start, pos.pk))
    rows = [[f"{_month(pos.start)} – {_month(pos.end) if pos.end else 'nay'}",
             ("Kiêm nhiệm " if pos.concurrent else "") + f"{pos.post.title.name}, {pos.post.unit.name}"]
            for pos in history]
    f.table(["Từ tháng, năm – đến tháng, năm", "Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể)"],
            rows, [4.4, 12.2])

    f.heading("29", "ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN")
    proceedings = "; ".join(
        f"{x.get_kind_display()} từ {_d(x.start)}" + (f" đến {_d(x.end)}" if x.end else " (chưa kết thúc)")
        for x in record["proceedings"]
    )
    f.para(proceedings or DOTS * 3)
    f.heading("30", "QUAN HỆ GIA ĐÌNH")
    f.para(DOTS * 3)
    f.heading("31", "DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ")
    f.para(DOTS * 3)

    f.heading("32", "NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ")
    rows = [[str(e.year), e.get_grade_display(), "" if e.score is None else str(e.score)]
            for e in record["evaluations"]]
    f.table(["Năm", "Xếp loại", "Điểm"], rows, [2.5, 11.1, 3.0])

    # Signature block.
    f.para()
    sign = f.borderless(1, 2)
    left, right = sign.rows[0].cells
    for cell in (left, right):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    f.run(left.paragraphs[0], "Người khai", bold=True)
    f.para("Tôi xin cam đoan những lời khai trên đây là đúng sự thật", italic=True,
           align=WD_ALIGN_PARAGRAPH.CENTER, size=Pt(12), container=left)
    f.para("(Ký tên, ghi rõ họ tên)", italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=Pt(12), container=left)
    f.para("\n\n", container=left)
    f.para(cadre.full_name, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, container=left)
    f.run(right.paragraphs[0], f"……………, {vietnamese_date(on)}", italic=True)
    f.para("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ", bold=True,
           align=WD_ALIGN_PARAGRAPH.CENTER, size=Pt(12), container=right)
    f.para("(Ký tên, đóng dấu)", italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=Pt(12), container=right)
    return f.to_bytes()
