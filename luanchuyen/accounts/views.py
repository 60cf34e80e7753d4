from __future__ import annotations

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm

from luanchuyen.accounts.services import login_failed, login_is_locked, login_succeeded
from luanchuyen.audit.services import audit_record, client_ip


class ThrottledAuthenticationForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng.",
        "inactive": "Tài khoản này đã bị khóa.",
        "locked": "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Tên đăng nhập"
        self.fields["password"].label = "Mật khẩu"

    def clean(self):
        username = (self.data.get("username") or "").strip()
        ip = client_ip(self.request)
        if username and login_is_locked(username=username, ip=ip):
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                login_failed(username=username, ip=ip)
                audit_record(actor=username, action="account.login_failed", request=self.request)
            raise
        login_succeeded(username=username)
        return cleaned


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        # quan_tri reads no records: its home is the administration of users and roles
        if self.request.user.is_authenticated and self.request.user.role == "quan_tri":
            return "/quan-tri/"
        return super().get_default_redirect_url()

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(actor=self.request.user, action="account.login", request=self.request)
        return response


class LogoutView(auth_views.LogoutView):
    pass
