"""Renderings of the structure report (a plain dict from `structure.structure_report`): sections of
rows shared by the text table, the Excel workbook and the page."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from luanchuyen.core.choices import TrainingField

TITLE = "BÁO CÁO CƠ CẤU ĐỘI NGŨ CÁN BỘ LÃNH ĐẠO, QUẢN LÝ"
NOTES = [
    "Đội ngũ cán bộ tại ngày báo cáo: cán bộ đang giữ vị trí chính (không tính kiêm nhiệm) thuộc đơn vị, "
    "vị trí còn hiệu lực vào ngày đó.",
    "Cán bộ trẻ: dưới {young_age} tuổi tròn tại ngày báo cáo (theo {young_age_source}).",
    "Trình độ đào tạo, lĩnh vực đào tạo: theo văn bằng cao nhất đã có đến năm báo cáo; đào tạo chính quy là "
    "văn bằng cao nhất hệ chính quy.",
    "Cấp huyện: đến 30/06/2025; từ 01/07/2025 là cấp xã, phường, đặc khu.",
]


def structure_headers(report: dict) -> list[str]:
    return ["", "Tổng số", "Nữ", "Tỷ lệ nữ (%)", f"Trẻ (dưới {report['young_age']} tuổi)", "Tỷ lệ trẻ (%)"]


def notes(report: dict) -> list[str]:
    return [note.format(**report) for note in NOTES]


@dataclass
class Section:
    title: str
    headers: list[str]
    rows: list[list]  # first cell: label (str); then ints and floats (percentages)


def _structure_row(label: str, row: dict) -> list:
    return [label, row["total"], row["women"], row["women_pct"], row["young"], row["young_pct"]]


def sections(report: dict) -> list[Section]:
    overall = {
        "total": report["total"],
        "women": report["women"],
        "women_pct": report["women_pct"],
        "young": report["young"],
        "young_pct": report["young_pct"],
    }
    labels = dict(TrainingField.choices)
    total = report["total"]
    return [
        Section(
            "Tổng hợp",
            structure_headers(report),
            [
                _structure_row("Toàn bộ", overall),
                _structure_row(report["provincial"]["label"], report["provincial"]),
                _structure_row(report["district"]["label"], report["district"]),
            ],
        ),
        Section(
            "Theo nhóm cơ quan, đơn vị",
            ["Nhóm cơ quan, đơn vị", *structure_headers(report)[1:]],
            [_structure_row(row["label"], row) for row in report["by_group"].values()],
        ),
        Section(
            "Trình độ đào tạo (văn bằng cao nhất)",
            ["Hình thức đào tạo", "Số cán bộ", "Tỷ lệ (%)"],
            [
                ["Chính quy", report["formal_training"], report["formal_training_pct"]],
                [
                    "Tại chức, chuyên tu, vừa học vừa làm và khác",
                    report["other_training"],
                    report["other_training_pct"],
                ],
            ],
        ),
        Section(
            "Lĩnh vực đào tạo",
            ["Lĩnh vực", "Số cán bộ", "Tỷ lệ (%)"],
            [[labels.get(f, f), report["field_counts"][f], report["fields"][f]] for f in report["fields"]],
        ),
        Section(
            "Độ tuổi",
            ["Nhóm tuổi", "Số cán bộ", "Tỷ lệ (%)"],
            [
                [band["label"], band["count"], _pct(band["count"], total)]
                for band in report["age_bands"].values()
            ],
        ),
    ]


def _pct(count: int, total: int) -> float:
    from luanchuyen.reports.structure import percent

    return percent(count, total)


def format_number(value) -> str:
    """Vietnamese number display: 13,3 and 1.234."""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return str(value)


def heading(report: dict, province_name: str, scope: str) -> str:
    on = dt.date.fromisoformat(report["on"])
    return f"{province_name} – {scope} – tại ngày {on.strftime('%d/%m/%Y')}"


def as_table(report: dict, *, province_name: str = "Tỉnh Mẫu", scope: str = "toàn tỉnh") -> str:
    """An aligned text table, in Vietnamese."""
    lines = [TITLE, heading(report, province_name, scope), ""]
    for section in sections(report):
        cells = [[str(section.headers[0])] + section.headers[1:]] + [
            [row[0]] + [format_number(v) for v in row[1:]] for row in section.rows
        ]
        widths = [max(len(r[i]) for r in cells) for i in range(len(cells[0]))]
        widths[0] = max(widths[0], len(section.title))
        lines.append(section.title.upper())
        for n, row in enumerate(cells):
            text = row[0].ljust(widths[0]) + "".join(
                "  " + c.rjust(widths[i + 1]) for i, c in enumerate(row[1:])
            )
            lines.append(text.rstrip())
            if n == 0:
                lines.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
        lines.append("")
    lines.append("Ghi chú:")
    lines.extend(f"- {note}" for note in notes(report))
    return "\n".join(lines) + "\n"


def as_xlsx(report: dict, *, province_name: str = "Tỉnh Mẫu", scope: str = "toàn tỉnh") -> bytes:
    """An Excel workbook: title row, date (dd/mm/yyyy), one block per section, notes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Cơ cấu đội ngũ"
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="EEF1F5")
    ws.append([TITLE])
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    ws.append([f"{province_name} – {scope}"])
    ws.append(["Tại ngày", dt.date.fromisoformat(report["on"])])
    ws["B3"].number_format = "dd/mm/yyyy"
    ws["B3"].alignment = Alignment(horizontal="left")
    ws["A3"].font = Font(bold=True)
    ws.append([])
    for section in sections(report):
        ws.append([section.title])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True, size=12)
        ws.append(section.headers)
        for c in ws[ws.max_row]:
            c.font, c.fill, c.border = Font(bold=True), head_fill, box
            c.alignment = Alignment(wrap_text=True, vertical="center")
        for row in section.rows:
            ws.append(row)
            for i, c in enumerate(ws[ws.max_row]):
                c.border = box
                if isinstance(row[i] if i < len(row) else None, float):
                    c.number_format = "0.0"
        ws.append([])
    ws.append(["Ghi chú"])
    ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    for note in notes(report):
        ws.append([note])
    ws.column_dimensions["A"].width = 52
    for col in range(2, 7):
        ws.column_dimensions[get_column_letter(col)].width = 14
    ws.freeze_panes = "A5"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def xlsx_file_name(report: dict, province_code: str) -> str:
    return f"bao-cao-co-cau-{province_code}-{report['on']}.xlsx"
