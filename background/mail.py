"""Mail leaves through the task queue: a slow or absent mail server never holds up a request."""

from django.core import mail
from django.tasks import task


@task
def send_mail(subject, message, from_email, recipient_list):
    """Send one message; a failure is recorded on the task result (admin: 后台任务) instead of the request."""
    return mail.send_mail(subject, message, from_email, recipient_list)
