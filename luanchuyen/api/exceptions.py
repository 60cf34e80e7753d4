"""API errors: Vietnamese messages, never a traceback."""
from __future__ import annotations

from rest_framework.views import exception_handler as drf_exception_handler

_MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    401: "Chưa đăng nhập hoặc mã truy cập không hợp lệ.",
    403: "Không có quyền truy cập.",
    404: "Không tìm thấy hoặc không có quyền xem.",
    405: "Phương thức không được hỗ trợ.",
    429: "Quá nhiều yêu cầu, vui lòng thử lại sau.",
}


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None and response.status_code in _MESSAGES:
        if isinstance(response.data, dict) and set(response.data) == {"detail"}:
            response.data = {"detail": _MESSAGES[response.status_code]}
    return response
