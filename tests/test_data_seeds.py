"""A test that follows a transactional test's flush finds the rows `migrate` gives a new site (see
DATA_SEEDS in tests/conftest.py), so no test depends on the order xdist runs files in."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db(transaction=True)
def test_1_a_transactional_test_flushes_every_table():
    call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db(transaction=True)  # transactional too, so it runs right after test_1
def test_2_the_next_test_has_the_data_migration_rows_again():
    from articles.models import SensitiveTerm
    from letters.models import Holiday
    from reports.models import Outlet

    assert SensitiveTerm.objects.exists() and Outlet.objects.exists() and Holiday.objects.exists()
