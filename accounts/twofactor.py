"""
Optional TOTP two-factor sign-in (django-otp) for reviewers and admins.

Someone who has set up an authenticator app must enter its six-digit code after the password
before any staff page opens; others sign in with the password alone. Setting it up is offered to
the roles that approve and publish.
"""

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice


def offered_to(user):
    """Reviewers and admins: the people whose account can publish."""
    return user.is_superuser or any(
        user.has_perm(p) for p in ("articles.review_township", "articles.review_county", "articles.withdraw_article")
    )


class RequireVerifiedMiddleware:
    """Staff pages need the second factor from those who enabled it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        admin = "/" + settings.ADMIN_URL.lstrip("/")
        protected = request.path.startswith(
            ("/workspace/", "/accounts/password/", admin)
        ) and not request.path.startswith("/workspace/approve/")
        unverified = protected and user is not None and user.is_authenticated and not user.is_verified()
        if unverified and user_has_device(user, confirmed=True):
            return redirect(f"{reverse('accounts:verify')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class TokenForm(forms.Form):
    token = forms.CharField(
        label="动态验证码",
        min_length=6,
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]{6}"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or reverse("workspace:index")
    return target if url_has_allowed_host_and_scheme(target, {request.get_host()}) else reverse("workspace:index")


@login_required
def verify(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.devices_for_user(request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(_safe_next(request))
        form.add_error("token", "验证码不正确或已过期，请看手机上最新的 6 位数字。")
    return render(request, "registration/otp_verify.html", {"form": form, "next": _safe_next(request)})


@login_required
def setup(request):
    """Show a QR code for an authenticator app, then confirm it with the first code it shows."""
    if not offered_to(request.user):
        messages.info(request, "两步验证面向审核人员和管理员。")
        return redirect("workspace:index")
    if user_has_device(request.user, confirmed=True):
        return render(request, "registration/otp_setup.html", {"enabled": True})
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first() or TOTPDevice.objects.create(
        user=request.user, name="手机验证器", confirmed=False
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            messages.success(request, "两步验证已开启：以后登录需要输入手机上的动态验证码。")
            return redirect("workspace:index")
        form.add_error("token", "验证码不正确，请确认手机时间准确后重试。")
    qr = segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)
    return render(request, "registration/otp_setup.html", {"form": form, "qr": qr, "secret": device.key})
