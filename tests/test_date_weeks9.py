"""Numbered weeks with their year (dates9 round): ISO weeks in made-up shipping, factory and statistics news."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.dates import find_dates


def _spans(text: str, anchor: date) -> dict[str, tuple[date | None, date | None]]:
    return {m.text: (m.date_start, m.date_end) for m in find_dates(text, anchor)}


def test_numbered_weeks_with_a_year() -> None:
    got = _spans("Shipments will now leave the plant in week 3 of next year.", date(2023, 11, 28))
    assert got["week 3 of next year"] == (date(2024, 1, 15), date(2024, 1, 21))
    got = _spans("Flu cases peaked in calendar week 6 of 2024, the institute said.", date(2024, 5, 2))
    assert got["calendar week 6 of 2024"] == (date(2024, 2, 5), date(2024, 2, 11))


def test_bare_numbered_weeks_are_left_out() -> None:
    for text in (
        "The Eagles won in week 12 of the season.",
        "Blank sailings are planned for week 27.",
        "In week 20 of pregnancy.",
    ):
        assert not [m for m in find_dates(text, date(2025, 6, 11)) if "week" in m.text]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1990, max_value=2090), st.integers(min_value=1, max_value=53))
def test_a_numbered_week_is_seven_days_from_a_monday(year: int, n: int) -> None:
    for m in find_dates(f"Output fell in week {n} of {year}.", date(2025, 1, 1)):
        if m.text.startswith("week"):
            assert m.date_start is not None and m.date_end is not None
            assert m.date_start.weekday() == 0 and m.date_end - m.date_start == timedelta(days=6)
            assert m.date_start.isocalendar()[:2] == (year, n)
