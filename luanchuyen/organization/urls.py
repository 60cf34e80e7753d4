from django.urls import path

from luanchuyen.organization import views

app_name = "organization"
urlpatterns = [
    path("", views.tree_view, name="tree"),
    path("don-vi/<str:unit_id>/", views.unit_view, name="unit"),
]
