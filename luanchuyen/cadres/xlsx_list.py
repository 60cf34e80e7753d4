"""The cadre list as an Excel workbook (the rows the user filtered, Vietnamese headers)."""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from luanchuyen.cadres.models import Cadre

COLUMNS = [
    ("Mã cán bộ", 12),
    ("Họ và tên", 28),
    ("Giới tính", 10),
    ("Ngày sinh", 12),
    ("Chức vụ hiện tại", 40),
    ("Đơn vị", 40),
    ("Lý luận chính trị", 18),
    ("Quản lý nhà nước", 22),
]


def file_name(on: dt.date) -> str:
    return f"danh-sach-can-bo-{on.isoformat()}.xlsx"


def cadre_list_xlsx(cadres: Iterable[Cadre], *, on: dt.date, filters_text: str = "") -> tuple[bytes, int]:
    """The workbook and the number of cadres written. Streams rows (write-only) for large lists."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách cán bộ")
    for i, (_, width) in enumerate(COLUMNS):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    ws.freeze_panes = "A4"
    title = WriteOnlyCell(ws, value=f"DANH SÁCH CÁN BỘ (ngày {on.strftime('%d/%m/%Y')})")
    title.font = Font(bold=True, size=13)
    ws.append([title])
    ws.append([f"Bộ lọc: {filters_text}" if filters_text else "Không lọc"])
    header = []
    for label, _ in COLUMNS:
        cell = WriteOnlyCell(ws, value=label)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    count = 0
    for cadre in cadres:
        post = cadre.current_post
        ws.append([
            cadre.id,
            cadre.full_name,
            cadre.get_gender_display(),
            cadre.birth_display,
            post.title.name if post else "",
            cadre.current_unit.name if cadre.current_unit else "",
            cadre.get_political_theory_display(),
            cadre.get_state_management_display(),
        ])
        count += 1
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue(), count
