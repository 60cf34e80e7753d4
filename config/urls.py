from django.contrib import admin
from django.urls import include, path

from luanchuyen.accounts.admin_site import restrict_admin_to_admins

restrict_admin_to_admins(admin.site)

urlpatterns = [
    path("", include("luanchuyen.cadres.urls")),
    path("tai-khoan/", include("luanchuyen.accounts.urls")),
    path("to-chuc/", include("luanchuyen.organization.urls")),
    path("bao-cao/", include("luanchuyen.reports.urls")),
    path("", include("luanchuyen.eligibility.urls")),
    path("nhat-ky/", include("luanchuyen.audit.urls")),
    path("luan-chuyen/", include("luanchuyen.rotation.urls")),
    path("luan-chuyen/", include("luanchuyen.optimizer_app.urls")),
    path("api/", include("luanchuyen.api.urls")),
    path("quan-tri/", admin.site.urls),
]

handler400 = "luanchuyen.core.views.bad_request"
handler403 = "luanchuyen.core.views.permission_denied"
handler404 = "luanchuyen.core.views.page_not_found"
handler500 = "luanchuyen.core.views.server_error"
