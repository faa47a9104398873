"""Periods counted from a date of the text (dates9 round): "the following year", "the previous month",
"later that week"; made-up sentences from courts, sport, science, business and defence."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.dates import find_dates

ANCHOR = date(2025, 5, 30)


def _spans(text: str, anchor: date | None = ANCHOR) -> dict[str, tuple[date | None, date | None]]:
    return {m.text: (m.date_start, m.date_end) for m in find_dates(text, anchor)}


def test_the_following_and_previous_year() -> None:
    got = _spans("The striker retired in 1997 and became a coach the following year.")
    assert got["the following year"] == (date(1998, 1, 1), date(1998, 12, 31))
    got = _spans("The firms agreed terms on 3 March 2023, after talks that had begun the previous year.")
    assert got["the previous year"] == (date(2022, 1, 1), date(2022, 12, 31))


def test_the_following_month() -> None:
    got = _spans("The probe was launched in December 2021 and reached orbit the following month.")
    assert got["the following month"] == (date(2022, 1, 1), date(2022, 1, 31))


def test_later_and_earlier_that_week() -> None:
    got = _spans("The court sat on Tuesday, 18 April 2023, and the jury returned later that week.")
    assert got["later that week"] == (date(2023, 4, 19), date(2023, 4, 23))
    got = _spans("The destroyer docked on Friday, 9 December 2022; its crew had been warned earlier that week.")
    assert got["earlier that week"] == (date(2022, 12, 5), date(2022, 12, 8))


def test_no_reference_no_date() -> None:
    assert "the following year" not in _spans("Sales fell, and the following year they rose again.")
    assert "later that week" not in _spans("The board met, and later that week the chief resigned.")
    # the end of a range that starts at the reference: counted from the report, not from the reference
    got = _spans("Some 82,000 thefts were reported for five years from 2007 to the previous year.")
    assert "the previous year" not in got or got["the previous year"][0] != date(2006, 1, 1)
    # a span of years is no reference for "the following year"
    assert "the following year" not in _spans("From 2016 to 2019 the club won nothing; the following year it won.")


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2090, 12, 31)))
def test_later_that_week_stays_in_the_week_after_the_day(day: date) -> None:
    text = f"The council voted on {day.day} {day.strftime('%B')} {day.year}, and the mayor resigned later that week."
    for m in find_dates(text, ANCHOR):
        if m.text == "later that week":
            assert m.date_start is not None and m.date_end is not None
            assert day < m.date_start <= m.date_end <= day + timedelta(days=6 - day.weekday())
