from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("dashboard/", views.dashboard_view, name="dashboard"),
    path("dashboard/export/<slug:table>.xlsx", views.export, name="export"),
    path("reports/", views.report_list, name="list"),
    path("reports/new/", views.report_new, name="new"),
    path("reports/<int:pk>/print/", views.report_print, name="print"),
    path("articles/<int:pk>/adopt/", views.adopt, name="adopt"),
    path("articles/<int:pk>/figures/", views.add_figure, name="add_figure"),
]
