"""Mail leaves through the task queue: a slow or absent mail server never holds up a request."""

import logging

from django.core import mail
from django.tasks import task

logger = logging.getLogger(__name__)


@task
def send_mail(subject, message, from_email, recipient_list):
    """Send one message; a failure is logged and recorded on the task result (admin: 后台任务), never in a request."""
    try:
        return mail.send_mail(subject, message, from_email, recipient_list)
    except OSError as error:  # smtplib's errors included: the mail server is down or refuses
        logger.warning("mail %r to %s not sent: %s", subject, ", ".join(recipient_list), error)
        raise
