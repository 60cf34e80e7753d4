from django.urls import path

from luanchuyen.eligibility import views

app_name = "eligibility"
urlpatterns = [
    path("sap-nghi-huu/", views.retiring_view, name="retiring"),
    path("tham-so/", views.parameters_view, name="parameters"),
]
