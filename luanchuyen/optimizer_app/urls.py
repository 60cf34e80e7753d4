from django.urls import path

from luanchuyen.optimizer_app import views

app_name = "optimizer_app"
urlpatterns = [
    path("<str:plan_id>/toi-uu/", views.optimizer_home_view, name="home"),
    path("<str:plan_id>/toi-uu/<int:run_id>/", views.optimizer_run_view, name="run"),
    path("<str:plan_id>/toi-uu/<int:run_id>/chon/", views.optimizer_choose_view, name="choose"),
    path("<str:plan_id>/toi-uu/<int:run_id>/giai-lai/", views.optimizer_resolve_view, name="resolve"),
    path("<str:plan_id>/toi-uu/<int:run_id>/chap-nhan/", views.optimizer_accept_view, name="accept"),
    path("<str:plan_id>/nguyen-vong/", views.preference_list_view, name="preferences"),
    path("<str:plan_id>/nguyen-vong/<int:preference_id>/xoa/", views.preference_delete_view, name="preference-delete"),
]
