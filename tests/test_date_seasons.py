"""Seasons as dates (dates3): "last winter", "this autumn", "in the summer", "until the fall", "the winter of
2018-19"; none in a text that names a place of the southern hemisphere. Made-up sentences in several topics."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extraction_support import only_date as only
from workbook.extract.date_seasons import season_span
from workbook.extract.dates import find_dates

pytestmark = pytest.mark.unit

D = date


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "first", "last"),
    [
        ("Last winter was the wettest on record.", D(2024, 12, 20), "Last winter", D(2023, 12, 1), D(2024, 2, 29)),
        (
            "Sea trials, delayed since last autumn, resume soon.",
            D(2025, 7, 7),
            "last autumn",
            D(2024, 9, 1),
            D(2024, 11, 30),
        ),
        (
            "The council said this autumn had been the warmest.",
            D(2024, 12, 20),
            "this autumn",
            D(2024, 9, 1),
            D(2024, 11, 30),
        ),
        ("The clinic opens next spring.", D(2024, 8, 13), "next spring", D(2025, 3, 1), D(2025, 5, 31)),
        ("A memorial will be held in the autumn.", D(2023, 7, 31), "the autumn", D(2023, 9, 1), D(2023, 11, 30)),
        (
            "The road, resurfaced in the summer, is shut again.",
            D(2024, 11, 4),
            "the summer",
            D(2024, 6, 1),
            D(2024, 8, 31),
        ),
        ("Lawyers asked for a delay until the fall.", D(2023, 2, 13), "the fall", D(2023, 9, 1), D(2023, 11, 30)),
        (
            "The striker joined in the summer of 2019.",
            D(2023, 4, 3),
            "the summer of 2019",
            D(2019, 6, 1),
            D(2019, 8, 31),
        ),
        (
            "The last outbreak was in the winter of 2018-19.",
            D(2023, 10, 30),
            "the winter of 2018-19",
            D(2018, 12, 1),
            D(2019, 2, 28),
        ),
        ("Last summer's floods cost the farm dearly.", D(2020, 8, 14), "Last summer", D(2019, 6, 1), D(2019, 8, 31)),
        # "this summer" said in January after a past verb: the summer before
        ("It was the biggest job we did this summer.", D(2000, 1, 10), "this summer", D(1999, 6, 1), D(1999, 8, 31)),
    ],
)
def test_seasons(text: str, anchor: date, surface: str, first: date, last: date) -> None:
    m = only(text, anchor, surface)
    assert (m.date_start, m.date_end, m.precision) == (first, last, "month")


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        # the southern hemisphere named without a dateline: summer is December-February there
        ("The New Zealand squad trained in the winter before touring.", D(2024, 1, 8)),
        # modifiers and names
        ("Ministers want a deal before the summer recess.", D(2024, 6, 3)),
        ("He missed the spring classics with a broken collarbone.", D(2025, 6, 2)),
        ("A history of the fall of Saigon was published.", D(2025, 6, 2)),
        ("Protests of the Arab Spring spread quickly.", D(2025, 6, 2)),
        ("The Winter Olympics open in February.", D(2025, 6, 2)),
        # every season, or no tense
        ("In summer the town fills with visitors.", D(2025, 6, 2)),
        ("The exercise season peaks in the autumn.", D(2025, 6, 2)),
        # "the winter of 2019": its first months or its last?
        ("The plant closed in the winter of 2019.", D(2025, 6, 2)),
        ("Prices fall this year, analysts said.", D(2025, 6, 2)),
    ],
)
def test_unsafe_seasons_are_left_out(text: str, anchor: date) -> None:
    words = ("spring", "summer", "autumn", "fall", "winter")
    assert all(not any(w in m.text.lower() for w in words) for m in find_dates(text, anchor)), find_dates(text, anchor)


@settings(max_examples=80, deadline=None)
@given(
    anchor=st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)),
    season=st.sampled_from(["spring", "summer", "autumn", "winter"]),
)
def test_last_season_is_over_and_next_season_is_ahead(anchor: date, season: str) -> None:
    last = only(f"Sales fell last {season}.", anchor, f"last {season}")
    nxt = only(f"The plant opens next {season}.", anchor, f"next {season}")
    assert last.date_end is not None and last.date_end < anchor
    assert nxt.date_start is not None and nxt.date_start > anchor
    assert (last.date_start, last.date_end) == season_span(season, last.date_start.year)
    assert (nxt.date_start, nxt.date_end) == season_span(season, nxt.date_start.year)


@pytest.mark.parametrize(
    "text",
    [
        "Rugby: the Highlanders, based in Dunedin, hope to be fit by next spring.",  # no place of the hand list
        "Court: the Durban High Court will sit again next summer.",  # on the hand list
    ],
)
def test_a_text_naming_a_place_south_of_the_equator_gets_no_season(text: str) -> None:
    words = ("spring", "summer", "autumn", "fall", "winter")
    assert not [m for m in find_dates(text, D(2025, 6, 12)) if any(w in m.text.lower() for w in words)]


@pytest.mark.parametrize(
    ("text", "anchor", "expression", "first", "last"),
    [
        # a southern dateline says where the text was written (dates5): its seasons are the south's
        (
            "TOOWOOMBA - Frost damaged the wheat crop last winter.",
            D(2025, 6, 12),
            "last winter",
            D(2024, 6, 1),
            D(2024, 8, 31),
        ),
        ("MENDOZA - Vineyards were flooded last autumn.", D(2025, 6, 12), "last autumn", D(2025, 3, 1), D(2025, 5, 31)),
        (
            "SYDNEY - Last summer was the wettest in a decade.",
            D(2024, 1, 8),
            "Last summer",
            D(2022, 12, 1),
            D(2023, 2, 28),
        ),
    ],
)
def test_a_southern_dateline_gives_southern_seasons(
    text: str, anchor: date, expression: str, first: date, last: date
) -> None:
    found = {m.text: (m.date_start, m.date_end) for m in find_dates(text, anchor)}
    assert found[expression] == (first, last)


def test_a_northern_place_keeps_its_seasons() -> None:
    m = only("LEEDS - The council closed the pool last winter.", D(2025, 6, 12), "last winter")
    assert (m.date_start, m.date_end) == (D(2024, 12, 1), D(2025, 2, 28))
