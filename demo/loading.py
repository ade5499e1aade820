"""
What is in force while `load_demo` writes: the demo is data, so loading it sends no mail and needs
no `collectstatic`.

Loading moves articles through the real workflow, which e-mails reviewers (four raw MIME messages
on the console in development, real SMTP attempts to example.cn addresses in production), and
publishing fingerprints article pages for the tamper watch, which renders them. With DEBUG off those
pages name hashed static files that only exist after `collectstatic`; until then they are rendered
with plain names. The fingerprint covers the headline and text only, and cached fragments carry the
static manifest in their key, so nothing rendered this way is served once `collectstatic` has run.
"""

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.test.utils import override_settings

SILENT_MAILER = {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
# Work the demo queues (mail, exports, fingerprints) runs inside the load, where mail is silent, instead of
# waiting for the worker, which would send it later under the real mailer.
AT_ONCE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
PLAIN_STATIC = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


def static_manifest_missing():
    return isinstance(staticfiles_storage, ManifestFilesMixin) and staticfiles_storage.read_manifest() is None


def demo_loading():
    """A context manager: no mail (now or queued for later), and static file names that need no collectstatic."""
    overrides = {"MAILERS": dict.fromkeys(settings.MAILERS, SILENT_MAILER), "TASKS": AT_ONCE}
    if static_manifest_missing():
        overrides["STORAGES"] = {**settings.STORAGES, "staticfiles": PLAIN_STATIC}
    return override_settings(**overrides)
