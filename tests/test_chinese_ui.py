"""
The UI stays Chinese: every workspace and admin page, as each role, shows no English word.

The walker takes the workspace's URLs from the URL resolver and the admin's from every registered
ModelAdmin (changelist, add, change, history, delete and their own pages such as 监测总览), fills
each URL's arguments with a sample object, GETs it and reads what a person sees or hears: text,
plus title / placeholder / aria-label / alt and button labels. Scripts, styles and <code> (a
command line to copy) are not UI prose and are skipped, as are words glued to digits, dots,
slashes, @, = , * or hyphens (file names, e-mail addresses, slugs, URLs: data, not UI).
"""

import hashlib
import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.timezone import now

from articles import approval_links
from articles.models import Article, Attachment, ContentIssue, SensitiveTerm, UploadedImage
from inspection.models import LinkCheck, TamperAlert

pytestmark = pytest.mark.django_db

# English a Chinese clerk reads as-is: file types and sizes (the upload hints), the keys printed on a
# keyboard (Django's "按住 Control 键或 Mac 上的 Command 键"), product names (the authenticator apps), and
# abbreviations with no Chinese form in use (the site's ICP 备案号, IP 地址, LDAP in Django's own Chinese).
ALLOWED = {
    *("DOCX", "Word", "WPS", "Excel", "PDF", "JPG", "PNG", "GIF", "WebP", "MB", "CSV", "GBK"),
    *("KB", "OFD", "ZIP", "DOC", "XLS", "XLSX", "ET"),
    *("Control", "Command", "Mac"),
    *("Google", "Microsoft", "Authenticator", "TOTP"),
    *("URL", "RSS", "ICP", "IP", "ID", "LDAP", "GET", "POST", "HTTP"),
}
# Data, not UI: addresses (otpauth://…, http://…), the keys of stored JSON (revisions, task arguments) and
# django-axes' placeholder for a header the client did not send, and the placeholders an admin types
# into a 索引号 rule ({year}, {seq:04d}).
DATA = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+|\"[A-Za-z_]+\"\s*:|<unknown>|\{[a-z_]+(?::[0-9a-z]*)?\}")
ENGLISH = re.compile(r"(?<![A-Za-z0-9_./@:=*\-])[A-Za-z]{2,}(?![A-Za-z0-9_./@:=*\-])")
SKIPPED = {"script", "style", "code", "template", "textarea"}
READ_ATTRS = ("title", "placeholder", "aria-label", "alt")
WORKSPACE_NAMESPACES = {"workspace", "reports", "accounts"}
PASSWORD = "Yunxi@2026"
# The user agent axes records (data shown in its admin; a real one names products, such as Linux).
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0", "HTTP_ACCEPT": "text/html"}
# The smallest GIF: 1×1 pixel.
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


class _Reader(HTMLParser):
    """The page's visible and spoken text, one string per text node or attribute."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping = []
        self.texts = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping.append(tag)
        attrs = dict(attrs)
        self.texts += [attrs[a] for a in READ_ATTRS if attrs.get(a)]
        if tag == "input" and attrs.get("type") in ("submit", "button", "reset") and attrs.get("value"):
            self.texts.append(attrs["value"])

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.texts.append(data)


def english_words(html, data_words=frozenset()):
    """{word: the text it stands in} for every English word outside ALLOWED and the site's data."""
    reader = _Reader()
    reader.feed(html)
    found = {}
    for text in reader.texts:
        for word in set(ENGLISH.findall(DATA.sub(" ", text))) - ALLOWED - data_words:
            found.setdefault(word, " ".join(text.split())[:80])
    return found


def _patterns(patterns, namespace=None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, entry.namespace or namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace, entry


@pytest.fixture
def site(county, people, add_articles, settings, client):
    """Something to show on every page: items in several states, a report, one object per admin model."""
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from background.tasks import prune_task_results
    from reports.models import ReportPeriod, WorkReport
    from tests.factories import ColumnFactory

    names = iter(["张明", "李华", "王芳", "赵强", "刘洋", "陈静", "杨帆"])
    for user in get_user_model().objects.all():
        user.full_name = next(names)
        user.save(update_fields=["full_name"])
    people.admin.is_staff = True
    people.admin.save(update_fields=["is_staff"])
    superuser = get_user_model().objects.create_superuser("root-1", "root@example.cn", PASSWORD, full_name="孙丽")

    published = add_articles(3)
    draft = Article(title="远门镇党建引领苹果产业发展", column=county.township_news, township=county.township)
    draft.body = "<p>远门镇建成村级综治中心12处。</p>"
    draft.save_revision(by=people.editor)
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    pdf = b"%PDF-1.4\n%%EOF\n"
    attachment = Attachment.objects.create(
        article=draft,
        position=1,
        name="报名表",
        file=SimpleUploadedFile("form.pdf", pdf),
        kind="pdf",
        content_type="application/pdf",
        size=len(pdf),
        sha256=hashlib.sha256(pdf).hexdigest(),
    )
    period = ReportPeriod.objects.create(year=2025, span="year", number=1, deadline="2026-01-10T10:00:00+08:00")
    report_article = Article(
        title="远门镇2025年度党建工作总结",
        column=ColumnFactory(slug="work-reports", name="工作报告", update_class="report"),
        township=county.township,
        body="<h2>一、主要工作及成效</h2><p>全镇党员1260名。</p>",
    )
    report_article.save_revision(by=people.editor)
    report = WorkReport.objects.create(article=report_article, township=county.township, period=period)

    # Third-party models, made the way the site makes them: a failed and a good sign-in (django-axes),
    # an authenticator being set up (django-otp), a queued task (django-tasks-db).
    client.post(reverse("accounts:login"), {"username": superuser.username, "password": PASSWORD}, **BROWSER)
    client.logout()
    # Last: a good sign-in clears the failed attempts, and the attempts list must have one to show.
    client.post(reverse("accounts:login"), {"username": superuser.username, "password": "wrong"}, **BROWSER)
    TOTPDevice.objects.create(user=people.county_reviewer, name="手机", confirmed=False)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    prune_task_results.enqueue()
    SensitiveTerm.objects.create(wrong="党建引导", correct="党建引领")
    UploadedImage.objects.create(
        file=SimpleUploadedFile("photo.gif", GIF), alt_text="远门镇党群服务中心", uploaded_by=people.editor
    )
    LinkCheck.objects.create(url="http://127.0.0.1/missing/", ok=False, status_code=404, found_on="/", checked_at=now())
    TamperAlert.objects.create(article=published[0], where="正文", expected="9f2c" * 16, found="4e1a" * 16)
    ContentIssue.objects.create(article=published[0], kind="sensitive", message="含错敏词“党建引导”")
    return {
        "article": draft,
        "attachment": attachment,
        "report": report,
        "token": approval_links.make_token(draft, "张书记"),
        "superuser": superuser,
        "people": people,
    }


def _sample_kwargs(name, pattern, sample):
    wanted = pattern.pattern.converters
    values = {"pk": sample["report"].pk if name == "print" else sample["article"].pk, "number": 1}
    values |= {
        "action": "submit",
        "token": sample["token"],
        "table": "townships",
        "attachment": sample["attachment"].pk,
    }
    return {key: values[key] for key in wanted}


def workspace_urls(sample):
    for namespace, pattern in _patterns(get_resolver().url_patterns):
        if namespace in WORKSPACE_NAMESPACES:
            yield reverse(f"{namespace}:{pattern.name}", kwargs=_sample_kwargs(pattern.name, pattern, sample))


def admin_urls():
    yield reverse("admin:index")
    for app_label in sorted({model._meta.app_label for model in admin.site._registry}):
        yield reverse("admin:app_list", args=[app_label])
    for model, model_admin in admin.site._registry.items():
        obj = model._default_manager.order_by("pk").first()
        for pattern in model_admin.get_urls():
            params = set(pattern.pattern.converters) or set(re.findall(r"<(?:\w+:)?(\w+)>", str(pattern.pattern)))
            if params and obj is None:
                continue
            if not pattern.name:
                continue
            yield reverse(f"admin:{pattern.name}", kwargs=dict.fromkeys(params, obj.pk) if params else {})


def _read(client, url, data_words):
    response = client.get(url, follow=True)
    if "text/html" not in response.get("Content-Type", ""):
        return {}
    return english_words(response.content.decode(), data_words)


def site_data_words():
    """Words people typed or the system named (网址标识, usernames, queue names): shown as they are."""
    from django.contrib.auth import get_user_model
    from django_tasks_db.models import DBTaskResult

    from articles.models import Column
    from townships.models import Initiative, Township

    values = [
        *Column.objects.values_list("slug", flat=True),
        *Township.objects.values_list("slug", flat=True),
        *Initiative.objects.values_list("slug", flat=True),
        *get_user_model().objects.values_list("username", flat=True),
        *DBTaskResult.objects.values_list("queue_name", flat=True),
    ]
    return frozenset(word for value in values for word in re.findall(r"[A-Za-z]{2,}", value))


def test_the_reader_finds_english_words_but_not_data_or_allowed_names():
    html = (
        "<p>Filter by 发布时间</p><option>- Select an option -</option><code>python manage.py</code>"
        "<p>covers/demo.jpg editor-yuanmen-0 a@b.cn 导出 Excel PDF otpauth://totp/BA%BB {\"title\": 1}</p><input type=submit value='Save'>"
        "<script>var x = 1</script><span title='Delete'>删</span>"
    )
    assert set(english_words(html)) == {"Filter", "by", "Select", "an", "option", "Save", "Delete"}


def test_every_workspace_and_admin_page_is_chinese_for_every_role(client, site):
    people = site["people"]
    roles = {
        "游客": None,
        "通讯员": people.editor,
        "乡镇审核": people.township_reviewer,
        "县级终审": people.county_reviewer,
        "管理员": people.admin,
        "超级用户": site["superuser"],
    }
    found = {}
    pages = 0
    data_words = site_data_words()
    for role, user in roles.items():
        client.logout()
        if user:
            client.force_login(user)
        urls = list(workspace_urls(site))
        if user is None:
            urls.append(reverse("admin:index"))  # the admin's login page; every other admin URL leads there
        elif user.is_staff:
            urls += list(admin_urls())
        for url in urls:
            pages += 1
            for word, text in _read(client, url, data_words).items():
                found.setdefault(word, {})[f"{role} {url}"] = text
    assert pages > 100
    report = "\n".join(
        f"{word}: {len(where)} pages, e.g. {min(where)}: «{where[min(where)]}»" for word, where in sorted(found.items())
    )
    assert not found, f"English words on Chinese pages:\n{report}"
