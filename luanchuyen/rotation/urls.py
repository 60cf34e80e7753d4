from django.urls import path

from luanchuyen.rotation import views

app_name = "rotation"
urlpatterns = [
    path("", views.plan_list_view, name="plan-list"),
    path("<str:plan_id>/", views.plan_detail_view, name="plan-detail"),
]
