import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError

from tests.factories import FigureFactory, PracticeFactory, TownshipFactory, VillageFactory
from townships.models import Township, figure_series

pytestmark = pytest.mark.django_db


def test_figure_series_keeps_the_newest_value_and_the_one_before():
    practice = PracticeFactory()
    FigureFactory(practice=practice, label="党员", value=1260, unit="名", as_of=datetime.date(2024, 12, 31))
    FigureFactory(practice=practice, label="党员", value=1302, unit="名", as_of=datetime.date(2025, 12, 31))
    FigureFactory(practice=practice, label="苹果种植面积", value=9000, unit="亩")
    series = figure_series(practice.figures.order_by("id"))
    assert [s.label for s in series] == ["党员", "苹果种植面积"]
    assert series[0].latest.value == 1302 and series[0].previous.value == 1260
    assert series[0].change == 42
    assert series[1].previous is None and series[1].change is None


@pytest.mark.parametrize(("value", "shown"), [("1260.00", "1260"), ("12.50", "12.5"), ("0.00", "0"), ("98.6", "98.6")])
def test_figure_values_print_without_trailing_zeros(value, shown):
    assert FigureFactory.build(value=Decimal(value)).display_value == shown


def test_a_practice_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        PracticeFactory(started_on=datetime.date(2024, 1, 1), ended_on=datetime.date(2023, 1, 1))


def test_village_counts_are_annotated_in_one_query(django_assert_num_queries):
    township = TownshipFactory()
    VillageFactory(township=township)
    VillageFactory(township=township)
    VillageFactory(township=township, kind="社区")
    with django_assert_num_queries(1):
        counted = Township.objects.with_village_counts().get(pk=township.pk)
        assert (counted.village_count, counted.community_count) == (2, 1)
