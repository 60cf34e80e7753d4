"""Screens of the cadre records: the list (search, filters, Excel), the 2C record, the 2C .docx."""
from __future__ import annotations

from dataclasses import asdict

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from luanchuyen.audit.services import audit_record
from luanchuyen.cadres import docx_2c, xlsx_list
from luanchuyen.cadres.forms import CadreFilterForm
from luanchuyen.cadres.selectors import (
    cadre_get_for_user, cadre_list, cadre_record, province_name, unit_choices_for_user,
)
from luanchuyen.core.access import cadre_reader_required

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _attachment(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")  # 20.000, as written in Vietnamese


def _kept_query(request) -> str:
    """The list's GET parameters without page/format, for pagination and export links."""
    query = request.GET.copy()
    for key in ("page", "format"):
        query.pop(key, None)
    return query.urlencode()


@require_GET
@cadre_reader_required
@vary_on_headers("X-Live-Search")
def cadre_list_view(request):
    today = timezone.localdate()
    form = CadreFilterForm(request.GET, unit_choices=unit_choices_for_user(user=request.user, on=today))
    filters, problems = form.filters()
    cadres = cadre_list(user=request.user, filters=filters, on=today)
    if request.GET.get("format") == "xlsx":
        return cadre_list_export(request, cadres, filters, form.describe(), today)
    page = Paginator(cadres, PAGE_SIZE).get_page(request.GET.get("page"))
    audit_record(actor=request.user, action="cadre.listed", data={**asdict(filters), "page": page.number},
                 request=request)
    query = _kept_query(request)
    template = "cadres/_results.html" if request.headers.get("X-Live-Search") else "cadres/list.html"
    return render(request, template, {"form": form, "page": page, "problems": problems, "query": query,
                                      "querystring_prefix": f"{query}&" if query else ""})


def cadre_list_export(request, cadres, filters, description: str, today):
    total = cadres.count()
    if total > xlsx_list.MAX_ROWS:
        messages.error(request, f"Danh sách có {_thousands(total)} cán bộ, vượt giới hạn xuất Excel "
                                f"{_thousands(xlsx_list.MAX_ROWS)} dòng. Hãy lọc bớt (theo đơn vị, nhóm cơ quan…) "
                                "rồi xuất lại.")
        return redirect(f"{request.path}?{_kept_query(request)}")
    content, count = xlsx_list.cadre_list_xlsx(cadres, on=today, filters_text=description)
    audit_record(actor=request.user, action="cadre.list_exported", data={**asdict(filters), "rows": count},
                 request=request)
    return _attachment(content, XLSX, xlsx_list.file_name(today))


@require_GET
@cadre_reader_required
def cadre_detail_view(request, cadre_id: str):
    cadre = cadre_get_for_user(user=request.user, cadre_id=cadre_id)
    record = cadre_record(cadre=cadre)
    audit_record(actor=request.user, action="cadre.viewed", obj=cadre, request=request)
    today = timezone.localdate()
    return render(request, "cadres/detail.html", {"cadre": cadre, "age": cadre.age_on(today), "today": today,
                                                  **record})


@require_GET
@cadre_reader_required
def cadre_docx_2c_view(request, cadre_id: str):
    cadre = cadre_get_for_user(user=request.user, cadre_id=cadre_id)
    content = docx_2c.build_2c(cadre=cadre, record=cadre_record(cadre=cadre), on=timezone.localdate(),
                               province=province_name())
    audit_record(actor=request.user, action="cadre.exported_2c", obj=cadre, request=request)
    return _attachment(content, DOCX, docx_2c.file_name(cadre))
