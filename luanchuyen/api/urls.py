from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import DefaultRouter

from luanchuyen.api import views
from luanchuyen.eligibility import api as eligibility_api

router = DefaultRouter()
router.register("units", views.UnitViewSet, basename="unit")
router.register("titles", views.TitleViewSet, basename="title")
router.register("posts", views.PostViewSet, basename="post")
router.register("cadres", views.CadreViewSet, basename="cadre")

app_name = "api"
urlpatterns = [
    path("v1/cadres/<str:cadre_id>/eligibility/", eligibility_api.CadreEligibilityView.as_view(),
         name="cadre-eligibility"),
    path("v1/check/", eligibility_api.CheckView.as_view(), name="check"),
    path("v1/", include(router.urls)),
    path("v1/token/", obtain_auth_token, name="token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
