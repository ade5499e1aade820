"""Background work of the message channel (periodic; see settings.PERIODIC_TASKS)."""

from django.tasks import task


@task
def send_letter_reminders():
    """Remind the units that answer letters as their working-day limit nears and when it has passed."""
    from .services import send_reminders

    return send_reminders()
