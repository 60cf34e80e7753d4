"""`luanchuyen create-demo-users`: one demo account per role, names and passwords printed."""
from __future__ import annotations

import secrets

from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count

from luanchuyen.accounts.models import User
from luanchuyen.audit.services import audit_record
from luanchuyen.cadres.models import Cadre
from luanchuyen.core.choices import UserRole
from luanchuyen.interchange.management.base import InterchangeCommand
from luanchuyen.organization.models import Unit

DEMO_USERS = [
    ("tochuc", UserRole.ORGANIZATION, "Cán bộ Ban Tổ chức"),
    ("lanhdao", UserRole.LEADERSHIP, "Thường trực Tỉnh ủy"),
    ("donvi", UserRole.UNIT, "Lãnh đạo đơn vị"),
    ("canbo", UserRole.CADRE, "Cán bộ"),
    ("kiemtra", UserRole.INSPECTION, "Ủy ban Kiểm tra"),
    ("quantri", UserRole.ADMIN, "Quản trị hệ thống"),
]


class Command(InterchangeCommand):
    help = "Tạo (hoặc đặt lại mật khẩu) một tài khoản mẫu cho mỗi vai trò và in tên đăng nhập, mật khẩu."

    def add_arguments(self, parser):
        parser.add_argument("--password", help="Dùng mật khẩu này cho mọi tài khoản mẫu (mặc định: sinh ngẫu nhiên)")

    @transaction.atomic
    def handle(self, *args, password=None, **options):
        if password is not None and len(password) < 10:
            raise CommandError("Mật khẩu phải có ít nhất 10 ký tự.")
        unit = (Unit.objects.annotate(n=Count("current_cadres")).filter(n__gt=0, valid_to__isnull=True)
                .order_by("-n", "id").first())
        cadre = Cadre.objects.filter(current_post__isnull=False).exclude(user__isnull=False).order_by("id").first()
        cadre = Cadre.objects.filter(user__username="canbo").first() or cadre
        if unit is None or cadre is None:
            raise CommandError("Chưa có dữ liệu cán bộ. Chạy 'luanchuyen demo-data' trước.")
        self.stdout.write("Tài khoản mẫu (tên đăng nhập / mật khẩu / vai trò):")
        for username, role, label in DEMO_USERS:
            pw = password or secrets.token_urlsafe(9)
            user = User.objects.filter(username=username).first() or User(username=username)
            user.role = role
            user.first_name = label
            user.unit = unit if role == UserRole.UNIT else None
            user.cadre = cadre if role == UserRole.CADRE else None
            user.is_staff = role == UserRole.ADMIN
            user.is_active = True
            user.set_password(pw)
            user.save()
            audit_record(actor="create-demo-users", action="account.demo_reset", obj=user)
            scope = {UserRole.UNIT: f" – đơn vị: {unit.name}", UserRole.CADRE: f" – hồ sơ: {cadre.full_name}"}.get(role, "")
            self.stdout.write(f"  {username:<9} {pw:<16} {UserRole(role).label}{scope}")
