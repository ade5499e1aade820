"""The test database after a transactional test's flush holds what `migrate` gives a new site (see
DATA_SEEDS in tests/conftest.py), so no test depends on the order xdist runs files in."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db(transaction=True)
def test_a_flush_leaves_the_rows_data_migrations_add():
    from articles.models import SensitiveTerm
    from letters.models import Holiday
    from reports.models import Outlet

    call_command("flush", interactive=False, verbosity=0)
    assert SensitiveTerm.objects.exists() and Outlet.objects.exists() and Holiday.objects.exists()
