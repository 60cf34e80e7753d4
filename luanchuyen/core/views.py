"""Error pages: Vietnamese, never a traceback."""
from __future__ import annotations

from django.shortcuts import render


def _page(request, status: int, title: str, message: str):
    return render(request, "core/error.html", {"title": title, "message": message}, status=status)


def bad_request(request, exception=None):
    return _page(request, 400, "Yêu cầu không hợp lệ", "Dữ liệu gửi lên không hợp lệ.")


def permission_denied(request, exception=None):
    return _page(request, 403, "Không có quyền truy cập", "Tài khoản của bạn không được phép xem trang này.")


def page_not_found(request, exception=None):
    return _page(request, 404, "Không tìm thấy", "Trang hoặc hồ sơ này không tồn tại, hoặc bạn không có quyền xem.")


def server_error(request):
    return _page(request, 500, "Lỗi hệ thống", "Đã có lỗi xảy ra. Bộ phận quản trị đã được ghi nhận; vui lòng thử lại.")
