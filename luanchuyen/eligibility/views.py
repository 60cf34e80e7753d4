"""Screens of the rules: "Sắp nghỉ hưu" (who retires in the next months, .xlsx) and "Tham số quy định"."""

from __future__ import annotations

import io

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET
from openpyxl import Workbook
from openpyxl.styles import Font

from luanchuyen.audit.services import audit_record
from luanchuyen.cadres.selectors import cadre_queryset_for_user
from luanchuyen.core.access import cadre_reader_required
from luanchuyen.eligibility.forms import DateForm, RetiringForm
from luanchuyen.eligibility.selectors import retiring_soon
from luanchuyen.reports.selectors import report_scope
from luanchuyen.rules.cli import parameters_in_force, value_text
from luanchuyen.rules.engine.errors import ParameterError
from luanchuyen.rules.engine.schema import CONFIDENCE_TEXT

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _scope_label(user) -> str:
    if getattr(user, "role", "") == "can_bo":
        return "hồ sơ của bản thân"
    return report_scope(user)[1]


@require_GET
@cadre_reader_required
def retiring_view(request):
    today = timezone.localdate()
    form = RetiringForm(request.GET)
    values, problems = form.values(today)
    on, months = values["on"], values["months"]
    report = retiring_soon(cadre_queryset_for_user(request.user), on=on, months=months)
    scope = _scope_label(request.user)
    audit = {
        "report": "sap-nghi-huu",
        "on": on.isoformat(),
        "months": months,
        "scope": scope,
        "total": report["total"],
    }
    if request.GET.get("format") == "xlsx" and not problems:
        audit_record(
            actor=request.user, action="report.exported", data={**audit, "format": "xlsx"}, request=request
        )
        response = HttpResponse(_retiring_xlsx(report, scope), content_type=XLSX)
        response["Content-Disposition"] = (
            f'attachment; filename="sap-nghi-huu-{on.isoformat()}-{months}-thang.xlsx"'
        )
        return response
    audit_record(actor=request.user, action="report.viewed", data=audit, request=request)
    if not problems:
        form = RetiringForm(initial={"on": on, "months": months})
    return render(
        request,
        "eligibility/retiring.html",
        {"form": form, "problems": problems, "report": report, "scope": scope, "on": on, "months": months},
    )


HEADERS = [
    ("Đơn vị", 40),
    ("Mã cán bộ", 12),
    ("Họ và tên", 28),
    ("Giới tính", 10),
    ("Ngày sinh", 12),
    ("Chức vụ tại ngày xét", 40),
    ("Tháng nghỉ hưu", 14),
    ("Ngày nghỉ hưu", 14),
    ("Còn (tháng)", 12),
]


def _retiring_xlsx(report: dict, scope: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sắp nghỉ hưu"
    on = report["on"].strftime("%d/%m/%Y")
    ws.append([f"DANH SÁCH CÁN BỘ ĐẾN TUỔI NGHỈ HƯU TRONG {report['months']} THÁNG TỚI (từ ngày {on})"])
    ws["A1"].font = Font(bold=True, size=13)
    note = (
        f"Phạm vi: {scope}. Tổng số: {report['total']} cán bộ. Tuổi nghỉ hưu theo Bộ luật Lao động 2019 "
        "Điều 169, Nghị định 135/2020/NĐ-CP; ngày nghỉ hưu là ngày cuối của tháng nghỉ hưu."
    )
    ws.append([note])
    ws.append([label for label, _ in HEADERS])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for i, (_, width) in enumerate(HEADERS):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    for group in report["groups"]:
        for row in group["rows"]:
            ws.append(
                [
                    group["unit"],
                    row["cadre"],
                    row["full_name"],
                    row["gender"],
                    row["birth"],
                    row["post"],
                    row["retirement_month"],
                    row["retirement_date"],
                    row["months_left"],
                ]
            )
            ws.cell(ws.max_row, 8).number_format = "DD/MM/YYYY"
    ws.freeze_panes = "A4"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@require_GET
@login_required
def parameters_view(request):
    """The parameters in force at a date, with their value, source and confidence (not classified)."""
    today = timezone.localdate()
    form = DateForm(request.GET)
    values, problems = form.values(today)
    on = values["on"]
    try:
        rows = parameters_in_force(on, settings.PROVINCE_CODE)
    except ParameterError as e:
        rows, problems = [], [*problems, e.message]
    for row in rows:
        row["value_text"] = value_text(row.get("value"), row.get("unit")) if row["in_force"] else ""
        row["confidence_text"] = CONFIDENCE_TEXT.get(row.get("confidence") or "", "")
    if not problems:
        form = DateForm(initial={"on": on})
    return render(
        request,
        "eligibility/parameters.html",
        {
            "form": form,
            "problems": problems,
            "rows": rows,
            "on": on,
            "in_force": sum(r["in_force"] for r in rows),
        },
    )
