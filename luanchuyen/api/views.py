"""Read API: units, titles, posts, cadres (with history). Cadres are scoped like the screens."""
from __future__ import annotations

from django.utils import timezone
from rest_framework import permissions, viewsets

from luanchuyen.api import serializers
from luanchuyen.audit.services import audit_record
from luanchuyen.cadres.selectors import CadreFilter, cadre_list
from luanchuyen.organization.models import Post, Title, Unit


class MayReadCadres(permissions.BasePermission):
    message = "Tài khoản quản trị hệ thống không được xem nội dung hồ sơ."

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated and request.user.may_read_cadres)


class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    """Đơn vị (cả hai thời kỳ, có ngày hiệu lực)."""

    queryset = Unit.objects.order_by("id")
    serializer_class = serializers.UnitSerializer
    permission_classes = [MayReadCadres]


class TitleViewSet(viewsets.ReadOnlyModelViewSet):
    """Chức danh."""

    queryset = Title.objects.order_by("id")
    serializer_class = serializers.TitleSerializer
    permission_classes = [MayReadCadres]


class PostViewSet(viewsets.ReadOnlyModelViewSet):
    """Vị trí (chức danh tại đơn vị, số lượng)."""

    queryset = Post.objects.order_by("id")
    serializer_class = serializers.PostSerializer
    permission_classes = [MayReadCadres]


class CadreViewSet(viewsets.ReadOnlyModelViewSet):
    """Cán bộ trong phạm vi quyền của người dùng; `?q=` tìm theo tên (có hoặc không dấu)."""

    permission_classes = [MayReadCadres]

    def get_queryset(self):
        filters = CadreFilter(query=self.request.query_params.get("q", ""),
                              unit=self.request.query_params.get("unit", ""),
                              gender=self.request.query_params.get("gender", ""))
        qs = cadre_list(user=self.request.user, filters=filters, on=timezone.localdate())
        if self.action == "retrieve":
            qs = qs.prefetch_related("position_set__post__title", "education_set", "planningentry_set")
        return qs

    def get_serializer_class(self):
        return serializers.CadreDetailSerializer if self.action == "retrieve" else serializers.CadreListSerializer

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        audit_record(actor=request.user, action="cadre.viewed", object_type="cadres.cadre",
                     object_id=kwargs.get("pk", ""), data={"via": "api"}, request=request)
        return response

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        audit_record(actor=request.user, action="cadre.listed", data={"via": "api", "q": request.query_params.get("q", "")},
                     request=request)
        return response
