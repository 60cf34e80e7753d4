"""The structure report page (/bao-cao/co-cau/) and its Excel download."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from luanchuyen.audit.services import audit_record
from luanchuyen.core.access import role_required
from luanchuyen.core.choices import UserRole
from luanchuyen.reports.charts import Bar, Row, hbar_chart
from luanchuyen.reports.formatters import as_xlsx, format_number, sections, xlsx_file_name
from luanchuyen.reports.forms import ReportDateForm
from luanchuyen.reports.selectors import province_identity, report_scope
from luanchuyen.reports.structure import structure_report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
READERS = (UserRole.ORGANIZATION, UserRole.LEADERSHIP, UserRole.INSPECTION, UserRole.UNIT)


@require_GET
@role_required(*READERS)
def structure_view(request):
    form = ReportDateForm(request.GET)
    on, problem = form.date_or(timezone.localdate())
    unit_ids, scope = report_scope(request.user)
    report = structure_report(on=on, unit_ids=unit_ids)
    code, province_name = province_identity()
    audit_data = {"report": "co-cau", "on": report["on"], "scope": scope, "total": report["total"]}
    if request.GET.get("format") == "xlsx" and not problem:
        audit_record(
            actor=request.user,
            action="report.exported",
            data={**audit_data, "format": "xlsx"},
            request=request,
        )
        response = HttpResponse(as_xlsx(report, province_name=province_name, scope=scope), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{xlsx_file_name(report, code)}"'
        return response
    audit_record(actor=request.user, action="report.viewed", data=audit_data, request=request)
    if not problem:  # show the date as people read it (dd/mm/yyyy), whatever form the link used
        form = ReportDateForm(initial={"on": on})
    return render(
        request,
        "reports/structure.html",
        {
            "form": form,
            "on": on,
            "problem": problem,
            "report": report,
            "scope": scope,
            "province_name": province_name,
            "sections": _display_sections(report),
            "charts": _charts(report),
        },
    )


def _display_sections(report: dict) -> list[dict]:
    return [
        {
            "title": s.title,
            "headers": s.headers,
            "rows": [[row[0], *[format_number(v) for v in row[1:]]] for row in s.rows],
        }
        for s in sections(report)
    ]


def _charts(report: dict) -> list:
    pct = lambda v: f"{format_number(v)}%"  # noqa: E731
    groups = [row for row in report["by_group"].values() if row["total"]]
    by_group = hbar_chart(
        "Số cán bộ theo nhóm cơ quan, đơn vị",
        [Row(row["label"], [Bar(row["total"], format_number(row["total"]), "s0")]) for row in groups],
        label_width=290,
    )
    sides = [
        ("Toàn bộ", {"women_pct": report["women_pct"], "young_pct": report["young_pct"]}),
        ("Cấp tỉnh", report["provincial"]),
        ("Cấp huyện / cấp xã", report["district"]),
    ]
    women_young = hbar_chart(
        "Tỷ lệ cán bộ nữ, cán bộ trẻ (%)",
        [
            Row(
                label,
                [
                    Bar(row["women_pct"], pct(row["women_pct"]), "s1"),
                    Bar(row["young_pct"], pct(row["young_pct"]), "s2"),
                ],
            )
            for label, row in sides
        ],
        max_value=max(20.0, *(r["women_pct"] for _, r in sides), *(r["young_pct"] for _, r in sides)),
        legend=[("s1", "Nữ"), ("s2", f"Trẻ (dưới {report['young_age']} tuổi)")],
    )
    training = hbar_chart(
        "Trình độ đào tạo (văn bằng cao nhất)",
        [
            Row("Chính quy", [Bar(report["formal_training_pct"], pct(report["formal_training_pct"]), "s0")]),
            Row(
                "Tại chức, chuyên tu, vừa học vừa làm, khác",
                [Bar(report["other_training_pct"], pct(report["other_training_pct"]), "s3")],
            ),
        ],
        max_value=100.0,
    )
    fields = sections(report)[3]
    field_mix = hbar_chart(
        "Lĩnh vực đào tạo (%)", [Row(row[0], [Bar(row[2], pct(row[2]), "s0")]) for row in fields.rows]
    )
    return [by_group, women_young, training, field_mix]
