from django.urls import path

from luanchuyen.cadres import views

app_name = "cadres"
urlpatterns = [
    path("", views.cadre_list_view, name="list"),
    path("goi-y-don-vi/", views.unit_suggestions_view, name="unit-suggestions"),
    path("can-bo/<str:cadre_id>/", views.cadre_detail_view, name="detail"),
    path("can-bo/<str:cadre_id>/mau-2c.docx", views.cadre_docx_2c_view, name="docx-2c"),
    path("can-bo/<str:cadre_id>/dieu-kien-luan-chuyen/", views.cadre_eligibility_view, name="eligibility"),
]
