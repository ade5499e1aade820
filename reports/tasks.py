"""Background work of reports (periodic; see settings.PERIODIC_TASKS)."""

from django.tasks import task


@task
def send_deadline_reminders():
    """Remind townships of a report period's deadline; ReminderSent makes a rerun send nothing twice."""
    from .reminders import send_reminders

    return send_reminders()
