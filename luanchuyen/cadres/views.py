"""Screens of the cadre records: the list (search, filters, Excel), the 2C record, the 2C .docx."""
from __future__ import annotations

from dataclasses import asdict

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from luanchuyen.audit.services import audit_record
from luanchuyen.cadres import docx_2c, xlsx_list
from luanchuyen.cadres.forms import SORT_MONTHS_LEFT, CadreFilterForm, EligibilityForm
from luanchuyen.cadres.selectors import (
    CadreListSource, cadre_get_for_user, cadre_list, cadre_list_by_months_left, cadre_list_eligible, cadre_list_rows,
    cadre_record, province_name, unit_choices_for_user, unit_for_user, unit_suggestions_for_user, with_retirement,
)
from luanchuyen.core.access import cadre_reader_required
from luanchuyen.core.text import thousands, typed_query

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _attachment(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


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
    form = CadreFilterForm(request.GET, unit_choices=unit_choices_for_user(user=request.user, on=today),
                           unit_lookup=lambda value: unit_for_user(user=request.user, on=today, value=value),
                           suggest_url=reverse("cadres:unit-suggestions"))
    filters, problems = form.filters()
    cadres = cadre_list(user=request.user, filters=filters, on=today)
    eligible, purpose, sort = form.rotation_options()
    cadres, problem = cadre_list_eligible(cadres, on=today, purpose=purpose, eligible=eligible)
    problems = [*problems, problem] if problem else problems
    if request.GET.get("format") == "xlsx":
        return cadre_list_export(request, cadres, filters, form.describe(), today)
    source = cadre_list_by_months_left(cadres, on=today) if sort == SORT_MONTHS_LEFT else CadreListSource(cadres)
    page = Paginator(source, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = cadre_list_rows(page.object_list, on=today)
    audit_record(actor=request.user, action="cadre.listed", request=request,
                 data={**asdict(filters), "eligible": eligible, "purpose": purpose if eligible else "",
                       "sort": sort, "page": page.number})
    query = _kept_query(request)
    template = "cadres/_results.html" if request.headers.get("X-Live-Search") else "cadres/list.html"
    return render(request, template, {"form": form, "page": page, "problems": problems, "query": query,
                                      "querystring_prefix": f"{query}&" if query else ""})


@require_GET
@cadre_reader_required
def unit_suggestions_view(request):
    """Units whose name holds what was typed in the list's unit box (JSON, the user's scope only)."""
    query = typed_query(request.GET.get("q"))
    rows = unit_suggestions_for_user(user=request.user, on=timezone.localdate(), query=query)
    return JsonResponse({"results": [{"id": unit_id, "label": label} for unit_id, label in rows]})


def cadre_list_export(request, cadres, filters, description: str, today):
    total = cadres.count()
    if total > xlsx_list.MAX_ROWS:
        messages.error(request, f"Danh sách có {thousands(total)} cán bộ, vượt giới hạn xuất Excel "
                                f"{thousands(xlsx_list.MAX_ROWS)} dòng. Hãy lọc bớt (theo đơn vị, nhóm cơ quan…) "
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
    today = timezone.localdate()
    asked = "on" in request.GET or "purpose" in request.GET   # the eligibility form sent without JavaScript
    eligibility = _eligibility_context(request, cadre, today) if asked else {
        "eligibility_form": EligibilityForm(initial={"on": today, "purpose": "dao_tao"})}
    audit_record(actor=request.user, action="cadre.viewed", obj=cadre, request=request,
                 data=eligibility.get("audit", {}))
    with_retirement([cadre], on=today)
    return render(request, "cadres/detail.html", {"cadre": cadre, "age": cadre.age_on(today), "today": today,
                                                  **record, **eligibility})


def _eligibility_context(request, cadre, today) -> dict:
    """The record's "Điều kiện luân chuyển" for the date and purpose asked (GET), or the problems."""
    from luanchuyen.eligibility.services import cadre_eligibility

    form = EligibilityForm(request.GET)
    on, purpose, problems = form.values(today)
    context = {"eligibility_form": form, "eligibility_problems": problems}
    if not problems:
        result = cadre_eligibility(cadre.pk, on=on, purpose=purpose)
        context.update(eligibility=result, eligibility_on=on,
                       audit={"section": "eligibility", "on": on.isoformat(), "purpose": purpose})
    return context


@require_GET
@cadre_reader_required
def cadre_eligibility_view(request, cadre_id: str):
    """The eligibility part of the record alone (fetched by the record page's script)."""
    cadre = cadre_get_for_user(user=request.user, cadre_id=cadre_id)
    if not (request.headers.get("X-Partial") or request.headers.get("HX-Request")):
        query = request.GET.urlencode()
        return redirect(f"{reverse('cadres:detail', args=[cadre.pk])}{'?' + query if query else ''}"
                        "#dieu-kien-luan-chuyen")
    context = _eligibility_context(request, cadre, timezone.localdate())
    if "audit" in context:
        audit_record(actor=request.user, action="cadre.viewed", obj=cadre, request=request,
                     data=context["audit"])
    return render(request, "cadres/_eligibility.html", {"cadre": cadre, **context},
                  status=400 if context["eligibility_problems"] else 200)


@require_GET
@cadre_reader_required
def cadre_docx_2c_view(request, cadre_id: str):
    cadre = cadre_get_for_user(user=request.user, cadre_id=cadre_id)
    content = docx_2c.build_2c(cadre=cadre, record=cadre_record(cadre=cadre), on=timezone.localdate(),
                               province=province_name())
    audit_record(actor=request.user, action="cadre.exported_2c", obj=cadre, request=request)
    return _attachment(content, DOCX, docx_2c.file_name(cadre))
