"""No mail server: the workflow goes on, and a leader's approval link is handed to the reviewer."""

import logging
import socket

import pytest

from articles.models import Article, AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)  # on_commit notifications run as in production


@pytest.fixture
def mail_server_down(settings):
    """SMTP to a port on this machine where nothing listens: every connection is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 2},
        }
    }
    return port


def test_workflow_moves_on_and_the_failure_is_logged(client, draft, people, mail_server_down, caplog):
    client.force_login(people.editor)
    response = client.post(f"/workspace/articles/{draft.pk}/do/submit/", {"submit-confidentiality": "on"})
    assert response.status_code == 302
    client.force_login(people.township_reviewer)
    assert client.post(f"/workspace/articles/{draft.pk}/do/approve/").status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.COUNTY_REVIEW
    assert list(draft.audit.values_list("action", flat=True).order_by("pk"))[-2:] == ["submitted", "approved"]
    failures = [r for r in caplog.records if r.levelno >= logging.WARNING and "not sent" in r.getMessage()]
    assert len(failures) == 2


def test_leader_link_is_shown_to_copy_when_the_mail_cannot_be_sent(client, draft, people, mail_server_down, caplog):
    draft.submit(by=people.editor, confidentiality_confirmed=True)
    client.force_login(people.township_reviewer)
    response = client.post(
        f"/workspace/articles/{draft.pk}/leader-link/",
        {"leader_name": "张书记", "email": "zhang@example.cn"},
        follow=True,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "邮件未能发出" in html and "张书记" in html
    link = html[html.index("http://") :].split("<", 1)[0]
    assert "/workspace/approve/" in link
    assert any("not mailed" in r.getMessage() for r in caplog.records)
    assert draft.audit.filter(action=AuditEntry.Action.LINK_SENT, comment__contains="邮件未能发出").exists()

    client.logout()  # the leader opens the copied link and approves
    path = link[link.index("/workspace/approve/") :]
    assert client.get(path).status_code == 200
    assert "审批完成" in client.post(path, {"comment": "同意"}).content.decode()
    draft.refresh_from_db()
    assert draft.status == Article.Status.COUNTY_REVIEW
