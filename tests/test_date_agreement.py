"""Dates that must agree with the weekdays, day pairs and events written beside them (dates9 round):
made-up sentences in sport, courts, business, science, local news and defence."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.date_words import WEEKDAYS
from workbook.extract.dates import find_dates


def _spans(text: str, anchor: date) -> dict[str, tuple[date | None, date | None]]:
    return {m.text: (m.date_start, m.date_end) for m in find_dates(text, anchor)}


def test_a_weekday_with_day_and_month_sets_the_year() -> None:
    # A January report: 20 August 2025 is a Wednesday, 20 August 2026 a Thursday.
    got = _spans("The appeal hearing is on Thursday 20 August, the court said.", date(2026, 1, 9))
    assert got["Thursday 20 August"] == (date(2026, 8, 20), date(2026, 8, 20))


def test_a_weekday_no_year_near_agrees_with_is_left_out() -> None:
    # 20 August is a Thursday in 2026 only (2025: Wednesday, 2027: Friday); a Monday agrees with none.
    got = _spans("The launch window opens on Monday 20 August, engineers said.", date(2026, 1, 9))
    assert "Monday 20 August" not in got and all(v[0] != date(2025, 8, 20) for v in got.values())


def test_a_weekday_range_names_the_days_after_it() -> None:
    text = "The chess open runs Friday to Sunday, 16 to 18 January, with blitz rounds on 16 and 17 January."
    got = _spans(text, date(2025, 12, 2))
    assert got["Friday to Sunday, 16 to 18 January"] == (date(2026, 1, 16), date(2026, 1, 18))
    assert got["16 and 17 January"] == (date(2026, 1, 16), date(2026, 1, 17))


def test_a_weekday_range_alone_is_no_range_of_days() -> None:
    got = _spans("The market is open Friday to Sunday this week.", date(2025, 3, 5))
    assert "Friday to Sunday" not in got


def test_two_days_joined_by_and() -> None:
    got = _spans("The regiment held live-fire drills on 3 and 4 March 2025.", date(2025, 3, 10))
    assert got["3 and 4 March 2025"] == (date(2025, 3, 3), date(2025, 3, 4))
    got = _spans("The trial resumed on March 3 and 4.", date(2025, 3, 10))
    assert got["March 3 and 4"] == (date(2025, 3, 3), date(2025, 3, 4))


def test_a_weekday_of_a_dated_event_is_its_day() -> None:
    text = "The science fair will run from 16 to 18 October at the town hall. Prizes are awarded on the Saturday."
    got = _spans(text, date(2025, 9, 1))
    assert got["Saturday"] == (date(2025, 10, 18), date(2025, 10, 18))


def test_a_past_weekday_after_an_event_keeps_its_tense_reading() -> None:
    text = "The summit runs from 10 to 14 March. On Tuesday the minister said it would go ahead."
    got = _spans(text, date(2025, 3, 5))
    assert got["Tuesday"] == (date(2025, 3, 4), date(2025, 3, 4))


def test_a_definite_weekday_of_nothing_dated_is_left_out() -> None:
    got = _spans("The squad will train on the Thursday and rest at the weekend.", date(2025, 3, 5))
    assert "Thursday" not in got
    got = _spans("The team defeated its rival 1:0 at the Friday match.", date(2025, 3, 8))
    assert got["Friday"] == (date(2025, 3, 7), date(2025, 3, 7))
    got = _spans("The new chief starts on Sept. 3, the Tuesday after Labor Day.", date(2024, 8, 29))
    assert got["Tuesday"] == (date(2024, 9, 3), date(2024, 9, 3))


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2001, 3, 1), max_value=date(2098, 10, 31)), st.integers(min_value=-150, max_value=150))
def test_a_written_weekday_always_agrees_with_its_date(day: date, offset: int) -> None:
    """Whatever the report's date, a weekday written before a day and month is never contradicted: the
    date read falls on it, or nothing is read."""
    anchor = day - timedelta(days=offset)
    month = day.strftime("%B")
    for weekday in WEEKDAYS:
        text = f"The council meets on {weekday.title()} {day.day} {month}, officials said."
        for m in find_dates(text, anchor):
            if m.text.startswith(weekday.title()) and m.date_start is not None:
                assert m.date_start.weekday() == WEEKDAYS.index(weekday)
                assert abs((m.date_start - anchor).days) <= 2 * 366
