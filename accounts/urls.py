from django.contrib.auth import views as auth_views
from django.urls import path

from . import twofactor

app_name = "accounts"
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("verify/", twofactor.verify, name="verify"),
    path("two-factor/", twofactor.setup, name="two_factor"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(success_url="/workspace/"),
        name="password_change",
    ),
]
