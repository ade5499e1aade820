import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


def test_repeated_failed_logins_lock_the_account(client, people):
    for _ in range(4):
        response = client.post("/accounts/login/", {"username": people.editor.username, "password": "wrong-password"})
        assert "用户名或密码不正确" in response.content.decode()
    fifth = client.post("/accounts/login/", {"username": people.editor.username, "password": "wrong-password"})
    assert fifth.status_code == 429 and "暂时锁定" in fifth.content.decode()
    # Now even the right password is refused until the cool-off ends.
    locked = client.post("/accounts/login/", {"username": people.editor.username, "password": "Yunxi@2026"})
    assert locked.status_code in (403, 429) and "暂时锁定" in locked.content.decode()
    assert not locked.wsgi_request.user.is_authenticated


def test_a_successful_login_works_and_lands_in_the_workspace(client, people):
    response = client.post("/accounts/login/", {"username": people.editor.username, "password": "Yunxi@2026"})
    assert response.status_code == 302 and response.url == "/workspace/"


@pytest.mark.parametrize("password", ["abcdefghij", "ABCDEFGHIJ1", "short1A!", "1234567890123"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_strong_password_is_accepted():
    validate_password("Yunxi@2026-dj")


def test_public_pages_have_a_strict_csp_and_security_headers(client, county):
    from tests.factories import ArticleFactory

    article = ArticleFactory(published=True, column=county.township_news)
    for url in ["/", article.get_absolute_url(), "/search/?q=党建"]:
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "unsafe-inline" not in csp and "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert response["X-Content-Type-Options"] == "nosniff" and response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_cached_public_pages_keep_their_security_headers(client, county, settings):
    from tests.factories import ArticleFactory

    settings.PAGE_CACHE = True
    article = ArticleFactory(published=True, column=county.township_news)
    client.get(article.get_absolute_url())
    hit = client.get(article.get_absolute_url())
    assert "Content-Security-Policy" in hit and hit["X-Frame-Options"] == "DENY"


def test_staff_pages_relax_csp_only_for_the_editor(client, people):
    client.force_login(people.editor)
    csp = client.get("/workspace/articles/new/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp


def test_the_admin_and_login_pages_relax_csp_and_public_pages_do_not(client, people, settings):
    assert "'unsafe-inline'" in client.get("/accounts/login/")["Content-Security-Policy"]
    client.force_login(people.admin)
    assert "'unsafe-inline'" in client.get("/" + settings.ADMIN_URL.lstrip("/"))["Content-Security-Policy"]
    assert "unsafe-inline" not in client.get("/")["Content-Security-Policy"]


def test_two_factor_is_required_once_enabled(client, people, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code slows the next try; not what this test is about
    device = TOTPDevice.objects.create(user=people.county_reviewer, name="phone", confirmed=True)
    client.force_login(people.county_reviewer)
    response = client.get("/workspace/")
    assert response.status_code == 302 and response.url.startswith("/accounts/verify/")
    wrong = client.post("/accounts/verify/", {"token": "000000", "next": "/workspace/"})
    assert "验证码不正确" in wrong.content.decode()
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post("/accounts/verify/", {"token": code, "next": "/workspace/"})
    assert response.status_code == 302 and response.url == "/workspace/"
    assert client.get("/workspace/").status_code == 200


def test_two_factor_setup_confirms_with_the_first_code(client, people):
    client.force_login(people.township_reviewer)
    page = client.get("/accounts/two-factor/")
    assert page.status_code == 200 and 'src="data:image/svg+xml' in page.content.decode()
    device = TOTPDevice.objects.get(user=people.township_reviewer)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    client.post("/accounts/two-factor/", {"token": code})
    device.refresh_from_db()
    assert device.confirmed


def test_editors_are_not_pushed_into_two_factor(client, people):
    client.force_login(people.editor)
    assert client.get("/accounts/two-factor/").status_code == 302


def test_errors_show_a_chinese_page_and_no_stack_trace(client, settings, caplog):
    settings.ROOT_URLCONF = "tests.accounts.boom_urls"
    client.raise_request_exception = False
    response = client.get("/boom/")
    html = response.content.decode()
    assert response.status_code == 500 and "服务暂时不可用" in html
    assert "hunter2" not in html and "Traceback" not in html
    assert any("hunter2" in r.getMessage() or r.exc_info for r in caplog.records)  # ...but it is logged


def test_uploaded_images_are_served_with_their_image_type(client, people, settings):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    settings.SERVE_MEDIA = True
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50), "red").save(buffer, "JPEG")
    client.force_login(people.editor)
    url = client.post(
        "/workspace/images/upload/", {"file": SimpleUploadedFile("x.jpg", buffer.getvalue()), "alt_text": "红色"}
    ).json()["url"]
    response = client.get(url)
    assert response["Content-Type"] == "image/jpeg" and response["X-Content-Type-Options"] == "nosniff"
