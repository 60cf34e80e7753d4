"""API of the rules over the database (wired under /api/v1/ by luanchuyen/api/urls.py).

``GET /api/v1/cadres/<id>/eligibility/?on=YYYY-MM-DD&purpose=…`` — one cadre's general eligibility;
``GET /api/v1/check/?on=…&unit=…&purpose=…`` — the cadres in office at ``on`` in the user's scope.
Scoped like the screens (``cadres.selectors``), audited; bad input → 400 with a Vietnamese message.
"""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from luanchuyen.api.views import MayReadCadres
from luanchuyen.audit.services import audit_record
from luanchuyen.cadres.selectors import cadre_get_for_user, cadre_queryset_for_user, user_unit_scope
from luanchuyen.core.choices import PROVINCE_WIDE_ROLES, Purpose, UserRole
from luanchuyen.eligibility.selectors import cadre_ids_in_office
from luanchuyen.eligibility.services import (
    EligibilityInputError,
    audit_check,
    cadre_eligibility,
    check_in_office,
    parse_date,
    parse_purpose,
    unit_scope,
)

API_CHECK_MAX = 5000  # cadres per call of /api/v1/check/; beyond that, a unit or the command line


class VerdictSerializer(serializers.Serializer):
    rule = serializers.CharField(help_text="Mã quy tắc công khai (ROT-01 …)")
    outcome = serializers.ChoiceField(choices=["pass", "fail", "warn", "not_applicable", "needs_review"])
    outcome_text = serializers.CharField(help_text="Kết quả bằng tiếng Việt (Đạt, Không đạt …)")
    title = serializers.CharField(help_text="Nội dung quy tắc")
    reason = serializers.CharField(help_text="Lý do, nêu các con số và ngày đã dùng")
    citation = serializers.CharField(help_text="Căn cứ (văn bản, điều, khoản)")
    confidence = serializers.CharField(help_text="Mức tin cậy của căn cứ: V, V2, P, D")


class CadreEligibilitySerializer(serializers.Serializer):
    cadre = serializers.CharField()
    full_name = serializers.CharField()
    on = serializers.DateField()
    purpose = serializers.ChoiceField(choices=Purpose.choices)
    purpose_text = serializers.CharField()
    eligible = serializers.BooleanField(help_text="false khi có quy tắc «fail»")
    retirement_month = serializers.CharField(allow_null=True, help_text="Tháng nghỉ hưu YYYY-MM")
    retirement_month_text = serializers.CharField(allow_null=True, help_text="Tháng nghỉ hưu mm/yyyy")
    months_left = serializers.IntegerField(
        allow_null=True, help_text="Số tháng công tác còn lại tại ngày xét"
    )
    post = serializers.CharField(allow_null=True, help_text="Vị trí chính đang giữ tại ngày xét")
    verdicts = VerdictSerializer(many=True)


_CHECK_VERDICT = inline_serializer(
    "CheckVerdict",
    {
        "rule": serializers.CharField(),
        "outcome": serializers.CharField(),
        "reason": serializers.CharField(),
        "citation": serializers.CharField(),
    },
)
CheckResultSerializer = inline_serializer(
    "CheckResult",
    {
        "on": serializers.DateField(),
        "purpose": serializers.CharField(),
        "unit": serializers.CharField(allow_null=True),
        "results": inline_serializer(
            "CheckCadreResult",
            {
                "proposal": serializers.CharField(allow_null=True),
                "cadre": serializers.CharField(),
                "eligible": serializers.BooleanField(),
                "verdicts": _CHECK_VERDICT,
            },
            many=True,
        ),
        "plans": inline_serializer(
            "CheckPlanResult",
            {"plan": serializers.CharField(), "verdicts": _CHECK_VERDICT},
            many=True,
            required=False,
        ),
    },
)
ErrorSerializer = inline_serializer("Error", {"detail": serializers.CharField()})

ON = OpenApiParameter("on", OpenApiTypes.DATE, description="Ngày xét YYYY-MM-DD (mặc định: hôm nay)")
PURPOSE = OpenApiParameter(
    "purpose",
    OpenApiTypes.STR,
    enum=list(Purpose.values),
    description="Mục đích luân chuyển (mặc định: dao_tao)",
)
UNIT = OpenApiParameter(
    "unit", OpenApiTypes.STR, description="Mã đơn vị: chỉ xét đơn vị này và các đơn vị trực thuộc"
)


def _bad(message: str, status: int = 400) -> Response:
    return Response({"detail": message}, status=status)


class CadreEligibilityView(APIView):
    """Điều kiện luân chuyển chung của một cán bộ tại một ngày (ROT-01, 02, 03, 07, 08)."""

    permission_classes = (MayReadCadres,)

    @extend_schema(
        parameters=[ON, PURPOSE],
        responses={200: CadreEligibilitySerializer, 400: ErrorSerializer, 404: ErrorSerializer},
        summary="Điều kiện luân chuyển của một cán bộ",
        description="Kết quả từng quy tắc (kết quả, lý do, căn cứ), đủ điều kiện hay không, tháng nghỉ "
        "hưu và số tháng công tác còn lại tại ngày xét. Mỗi lần xem được ghi nhật ký.",
    )
    def get(self, request, cadre_id: str):
        cadre = cadre_get_for_user(user=request.user, cadre_id=cadre_id)
        try:
            on = parse_date(request.query_params.get("on"), default=timezone.localdate())
            purpose = parse_purpose(request.query_params.get("purpose"))
        except EligibilityInputError as e:
            return _bad(e.message)
        data = cadre_eligibility(cadre.pk, on=on, purpose=purpose)
        audit_record(
            actor=request.user,
            action="cadre.viewed",
            obj=cadre,
            request=request,
            data={"via": "api", "section": "eligibility", "on": on.isoformat(), "purpose": purpose},
        )
        return Response(data)


class CheckView(APIView):
    """Kiểm tra điều kiện luân chuyển của các cán bộ đang giữ vị trí tại một ngày, trong phạm vi người dùng."""

    permission_classes = (MayReadCadres,)

    @extend_schema(
        parameters=[ON, UNIT, PURPOSE],
        responses={200: CheckResultSerializer, 400: ErrorSerializer, 403: ErrorSerializer},
        summary="Kiểm tra điều kiện luân chuyển theo phạm vi",
        description="Dạng kết quả như lệnh `luanchuyen check --from-db`. Người dùng đơn vị chỉ xét cán bộ "
        f"của đơn vị mình; cán bộ chỉ xét chính mình. Tối đa {API_CHECK_MAX} cán bộ mỗi lần "
        "(chọn đơn vị để thu hẹp). «plans» chỉ có khi xét toàn tỉnh.",
    )
    def get(self, request):
        user = request.user
        params = request.query_params
        unit_id = (params.get("unit") or "").strip() or None
        try:
            on = parse_date(params.get("on"), default=timezone.localdate())
            purpose = parse_purpose(params.get("purpose"))
            unit_ids = unit_scope(unit_id) if unit_id else None
        except EligibilityInputError as e:
            return _bad(e.message)
        if unit_id and user.role == UserRole.UNIT and unit_id not in user_unit_scope(user):
            return _bad("Không có quyền xem đơn vị này.", 403)
        province_wide = user.role in PROVINCE_WIDE_ROLES
        in_office = cadre_ids_in_office(on=on, unit_ids=unit_ids)
        if province_wide:
            scope = None if unit_ids is None else in_office
        else:
            visible = set(cadre_queryset_for_user(user).values_list("pk", flat=True))
            scope = sorted(visible.intersection(in_office))
        count = len(in_office) if scope is None else len(scope)
        if count > API_CHECK_MAX:
            return _bad(
                f"Phạm vi có {count:,} cán bộ đang giữ vị trí, vượt giới hạn {API_CHECK_MAX:,} cán bộ của "
                "một lần kiểm tra qua API. Hãy chọn đơn vị (unit=…) hoặc dùng lệnh "
                "«luanchuyen check --from-db».".replace(",", ".")
            )
        result = check_in_office(on=on, purpose=purpose, unit_id=unit_id, cadre_ids=scope)
        audit_check(
            result,
            on=on,
            purpose=purpose,
            unit_id=unit_id,
            proposals=False,
            actor=user,
            request=request,
            via="api",
        )
        return Response({"on": on.isoformat(), "purpose": purpose, "unit": unit_id, **result})
