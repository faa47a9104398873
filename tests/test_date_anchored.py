"""Dates written against another date of the text ("the following day", "two days later", "the 17th") and
holidays ("Boxing Day", "Easter Monday", "at Easter"), dates3. Made-up sentences in several topics: sport,
courts, business, science, local news, defence; and the readings that must be left out."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extraction_support import only_date as only
from workbook.extract.date_holidays import easter_sunday
from workbook.extract.dates import find_dates

pytestmark = pytest.mark.unit

D = date


@pytest.mark.parametrize(
    ("text", "anchor", "surface", "first", "last"),
    [
        # chains on a written date
        (
            "The semi-final, first set for 29 March, was moved to the following day.",
            D(2025, 3, 17),
            "the following day",
            D(2025, 3, 30),
            D(2025, 3, 30),
        ),
        (
            "The surrender was signed on 7 May 1945 and took effect the following day.",
            D(2025, 5, 8),
            "the following day",
            D(1945, 5, 8),
            D(1945, 5, 8),
        ),
        (
            "He was arrested on 2 March and charged two days later.",
            D(2024, 4, 25),
            "two days later",
            D(2024, 3, 4),
            D(2024, 3, 4),
        ),
        (
            "The summit opens on 9 July and closes two days later.",
            D(2024, 6, 27),
            "two days later",
            D(2024, 7, 11),
            D(2024, 7, 11),
        ),
        (
            "The trial lab logged the sample on 14 June; a day earlier the freezer had failed.",
            D(2024, 7, 1),
            "a day earlier",
            D(2024, 6, 13),
            D(2024, 6, 13),
        ),
        (
            "The board met on 3 September; the day after, shares fell 8%.",
            D(2024, 9, 30),
            "the day after",
            D(2024, 9, 4),
            D(2024, 9, 4),
        ),
        (
            "The merger was announced on 2 September. Regulators opened an inquiry the following week.",
            D(2024, 9, 30),
            "the following week",
            D(2024, 9, 9),
            D(2024, 9, 15),
        ),
        # the day of the month
        (
            "The first leg is on 3 March and the return leg on the 17th.",
            D(2025, 2, 20),
            "the 17th",
            D(2025, 3, 17),
            D(2025, 3, 17),
        ),
        ("A hearing on the motions is set for the 21st.", D(2023, 2, 13), "the 21st", D(2023, 2, 21), D(2023, 2, 21)),
        ("His lawyers have until the 15th to file.", D(2022, 12, 20), "the 15th", D(2023, 1, 15), D(2023, 1, 15)),
        (
            "The library will shut on the 19th of next month.",
            D(2025, 11, 27),
            "the 19th of next month",
            D(2025, 12, 19),
            D(2025, 12, 19),
        ),
        (
            "The plant was evacuated on the 3rd, officials said.",
            D(2024, 5, 10),
            "the 3rd",
            D(2024, 5, 3),
            D(2024, 5, 3),
        ),
        # holidays
        ("Snow is expected on Boxing Day.", D(2024, 12, 20), "Boxing Day", D(2024, 12, 26), D(2024, 12, 26)),
        (
            "Her last concert, on New Year's Eve 2018, sold out.",
            D(2025, 9, 10),
            "New Year's Eve 2018",
            D(2018, 12, 31),
            D(2018, 12, 31),
        ),
        ("Ferries resume their timetable at Easter.", D(2024, 12, 20), "Easter", D(2025, 4, 18), D(2025, 4, 21)),
        ("Good Friday is a bank holiday this year.", D(2024, 3, 25), "Good Friday", D(2024, 3, 29), D(2024, 3, 29)),
        ("Easter Sunday's parade will go ahead.", D(2026, 4, 2), "Easter Sunday", D(2026, 4, 5), D(2026, 4, 5)),
        (
            "Sales over Christmas were strong, the grocer said.",
            D(2024, 1, 8),
            "Christmas",
            D(2023, 12, 25),
            D(2023, 12, 25),
        ),
    ],
)
def test_anchored_dates_and_holidays(text: str, anchor: date, surface: str, first: date, last: date) -> None:
    m = only(text, anchor, surface)
    assert (m.date_start, m.date_end) == (first, last)


@pytest.mark.parametrize(
    ("text", "anchor", "word"),
    [
        # anchored on an event the text does not date
        (
            "Councillors voted on Tuesday. The decision came the day after a public meeting.",
            D(2025, 11, 27),
            "day after",
        ),
        # a word of time between the written date and the chain: counted from an undated day
        (
            "The drill began on March 7. On the third day a helicopter crashed; two days later flights stopped.",
            D(2022, 3, 14),
            "later",
        ),
        # a range of days: from which day?
        ("Ministers met on 13-14 June and two days later the plan leaked.", D(2024, 6, 27), "later"),
        # no written date, no tense: the next month's or the last's?
        ("The second match is on the 17th.", D(2024, 3, 20), "17th"),
        # ordinals that number something else
        ("The fire started on the 17th floor.", D(2024, 3, 20), "17th"),
        ("Cities of the 21st century need water.", D(2024, 3, 20), "21st"),
        ("On 20 March the court heard that on the 17th he had fled.", D(2024, 3, 25), "17th"),
        # holidays that are not a date here
        ("Forecasters expect a white Christmas in Scotland.", D(2024, 12, 20), "Christmas"),
        ("The Good Friday Agreement was signed in Belfast.", D(2024, 3, 20), "Good Friday"),
        ("Boxing Day sales began early.", D(2024, 12, 20), "Boxing Day"),
        ("The Christmas holidays start soon.", D(2024, 12, 2), "Christmas"),
        ("People greeted the lunar New Year's Day.", D(2024, 2, 11), "New Year"),
        ("Flights to Christmas Island resume.", D(2024, 2, 11), "Christmas"),
        # no tense and far from either Christmas: this one or the last?
        ("Toy shops depend on Christmas.", D(2024, 11, 1), "Christmas"),
    ],
)
def test_unsafe_anchored_dates_are_left_out(text: str, anchor: date, word: str) -> None:
    assert all(word not in m.text for m in find_dates(text, anchor)), find_dates(text, anchor)


def test_easter_sunday_by_the_computus() -> None:
    known = {
        2016: D(2016, 3, 27),
        2019: D(2019, 4, 21),
        2024: D(2024, 3, 31),
        2025: D(2025, 4, 20),
        2026: D(2026, 4, 5),
    }
    for year, day in known.items():
        assert easter_sunday(year) == day


@settings(max_examples=80, deadline=None)
@given(year=st.integers(min_value=1583, max_value=4000))
def test_easter_is_a_sunday_between_22_march_and_25_april(year: int) -> None:
    d = easter_sunday(year)
    assert d.weekday() == 6
    assert D(year, 3, 22) <= d <= D(year, 4, 25)


@settings(max_examples=80, deadline=None)
@given(
    start=st.dates(min_value=D(1900, 1, 1), max_value=D(2090, 12, 31)),
    n=st.integers(min_value=1, max_value=30),
    anchor_lag=st.integers(min_value=0, max_value=400),
)
def test_n_days_later_counts_from_the_written_date(start: date, n: int, anchor_lag: int) -> None:
    written = f"{start.day} {start.strftime('%B')} {start.year}"
    unit = "day" if n == 1 else "days"
    text = f"The inquiry opened on {written} and closed {n} {unit} later."
    m = only(text, start + timedelta(days=anchor_lag), f"{n} {unit} later")
    assert m.date_start == m.date_end == start + timedelta(days=n)
