"""Named days as a kind of day or a custom, habits with an ordinal, and shopping days (dates11 round)."""

from __future__ import annotations

from datetime import date

import pytest

from workbook.extract.date_day_kinds import holiday_as_kind
from workbook.extract.dates import find_dates

A = date(2025, 11, 18)


def _resolved(text: str, anchor: date = A) -> list[tuple[str, date | None]]:
    return [(m.text, m.date_start) for m in find_dates(text, anchor) if m.date_start is not None]


@pytest.mark.parametrize(
    "text",
    [
        "Harwick play every Boxing Day at home.",
        "Boxing Day is traditionally the busiest day for store visits.",
        "Black Friday has grown into a month-long event in Britain.",
        "Boxing Day remains the biggest day for clothing sales.",
        "The club meets every second Wednesday.",
        "Bins are collected every other Tuesday.",
        "Small Business Saturday follows on the first weekend of the month.",  # UK and US days differ
    ],
)
def test_customs_and_kinds_of_day_are_left_out(text: str) -> None:
    assert _resolved(text) == []


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        ("Black Friday falls on 28 November.", "Black Friday", date(2025, 11, 28)),
        ("Black Friday is on 28 November this year.", "Black Friday", date(2025, 11, 28)),
        ("Cyber Monday follows on 1 December.", "Cyber Monday", date(2025, 12, 1)),
        ("Giving Tuesday is on 2 December.", "Giving Tuesday", date(2025, 12, 2)),
        ("Boxing Day will be the busiest day, retailers said.", "Boxing Day", date(2025, 12, 26)),
        ("Harwick face Kelton on Boxing Day.", "Boxing Day", date(2025, 12, 26)),
        ("The club met on Wednesday.", "Wednesday", date(2025, 11, 12)),
    ],
)
def test_one_years_named_day_keeps_its_date(text: str, span: str, day: date) -> None:
    assert (span, day) in _resolved(text)


def test_small_business_saturday_is_no_plain_saturday() -> None:
    assert _resolved("Small Business Saturday follows on 7 December.") == [("7 December", date(2025, 12, 7))]


def test_holiday_as_kind_shapes() -> None:
    text = "They play every Boxing Day. Boxing Day is usually quiet. Boxing Day is on a Friday."
    first = text.index("Boxing")
    second = text.index("Boxing", first + 1)
    third = text.index("Boxing", second + 1)
    assert holiday_as_kind(text, first, first + 10)
    assert holiday_as_kind(text, second, second + 10)
    assert not holiday_as_kind(text, third, third + 10)


@pytest.mark.parametrize(
    "text",
    [
        "Garden waste collections run from March to November each year.",
        "The outdoor cinema runs every Friday in August.",
        "Many shops now run discounts every Friday in November.",
        "The festival opens on 5 June every year.",
    ],
)
def test_habits_around_a_month_are_left_out(text: str) -> None:
    assert _resolved(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Sales rose in March, each month showing gains.", "March"),
        ("The cinema opened in August.", "August"),
        ("It opened on 5 June, said the mayor, who visits each year.", "5 June"),
    ],
)
def test_a_habit_elsewhere_in_the_sentence_keeps_the_date(text: str, span: str) -> None:
    assert span in [t for t, _ in _resolved(text)]
