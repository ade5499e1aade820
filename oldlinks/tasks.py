"""Background work of oldlinks (run by the worker, see background/)."""

from django.tasks import task


@task
def flush_not_found():
    """最近的404: the sightings buffered in Redis (and in the worker's own process) go to the database (periodic)."""
    from . import notfound

    return notfound.flush()
