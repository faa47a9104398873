"""The map fits the places in view and draws country- and province-level places lightly (finding 6)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workbook.book import Book
from workbook.charts import place_map
from workbook.ids import entity_id
from workbook.model import conform

pytestmark = pytest.mark.unit


def _with_country(book: Book, only_coarse: bool = False) -> Book:
    usa = entity_id("place", "United States")
    ents = pd.concat(
        [
            book.entities,
            pd.DataFrame(
                [
                    {
                        "entity_id": usa,
                        "name": "United States",
                        "type": "place",
                        "aliases": [],
                        "origin": "rules",
                        "n_mentions": 1,
                        "n_docs": 1,
                    }
                ]
            ),
        ],
        ignore_index=True,
    )
    country = pd.DataFrame(
        [
            {
                "entity_id": usa,
                "lat": 39.8,
                "lon": -98.6,
                "uncertainty_km": 1750.0,
                "coord_source": "gazetteer",
                "source_name": "test",
                "admin_area": None,
            }
        ]
    )
    places = country if only_coarse else pd.concat([book.places, country], ignore_index=True)
    return book.with_tables(entities=conform("entities", ents), places=conform("places", places))


def test_the_view_fits_the_precise_places_and_the_country_is_light(tiny_book: Book) -> None:
    fig = place_map(_with_country(tiny_book), scope="world")
    lon0, lon1 = fig.layout.geo.lonaxis.range
    lat0, lat1 = fig.layout.geo.lataxis.range
    assert 115 < lon0 < 126 and 128 < lon1 < 140 and 30 < lat0 < 39 and 40 < lat1 < 50  # Korea, not the world
    assert fig.layout.meta["n_coarse"] == 1
    assert any("drawn lightly" in n for n in fig.layout.meta["notes"])
    place = next(t for t in fig.data if (t.meta or {}).get("marks") == "places")
    opacity = np.asarray(place.marker.opacity)
    names = list(place.hovertext)
    us = next(i for i, h in enumerate(names) if "United States" in h)
    assert opacity[us] < 0.5 and opacity.max() == 1.0
    circles = [t for t in fig.data if (t.meta or {}).get("marks") == "uncertainty"]
    assert sorted(bool(t.meta["coarse"]) for t in circles) == [False, True]  # the honest circle is still drawn


def test_only_coarse_places_are_fitted_whole(tiny_book: Book) -> None:
    fig = place_map(_with_country(tiny_book, only_coarse=True), scope="world")
    lon0, lon1 = fig.layout.geo.lonaxis.range
    assert lon0 < -98.6 < lon1
