from django.urls import path

from luanchuyen.reports import views

app_name = "reports"
urlpatterns = [
    path("co-cau/", views.structure_view, name="structure"),
]
