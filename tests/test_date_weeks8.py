"""Dates of the dates8 round: a range of days followed by its year ("from March 3 to 5, 2019"), weeks named
around a date ("the week of April 8", "the week ending March 3"), weekdays listed under "this week", a time of
day between a deadline word and its weekday ("until midday on Sunday"), forecasts and possibilities as future
cues ("is forecast", "could reach", "analysts expect"), a past clause after "after"/"because" under a future
verb, and "a decade ago". Made-up sentences in sport, courts, business, science, local news, weather and
defence."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.dates import find_dates

D = date
WEDNESDAY = D(2026, 1, 14)
MONDAY = D(2025, 12, 1)


def _found(text: str, anchor: date) -> dict[str, tuple[date | None, date | None]]:
    return {m.text: (m.date_start, m.date_end) for m in find_dates(text, anchor)}


@pytest.mark.parametrize(
    ("text", "surface", "span"),
    [
        (
            "The trial was held from November 1 to 10, 2022.",
            "November 1 to 10, 2022",
            (D(2022, 11, 1), D(2022, 11, 10)),
        ),
        (
            "The regatta ran from Aug. 10 to 19, 2024, off Cowes.",
            "Aug. 10 to 19, 2024",
            (D(2024, 8, 10), D(2024, 8, 19)),
        ),
        ("The fair was open from March 3 to 5, 2019.", "March 3 to 5, 2019", (D(2019, 3, 3), D(2019, 3, 5))),
        ("Troops trained between May 2 and 9 2021 on the plain.", "May 2 and 9 2021", (D(2021, 5, 2), D(2021, 5, 9))),
    ],
)
def test_a_day_range_takes_the_year_written_after_it(text: str, surface: str, span: tuple[date, date]) -> None:
    assert _found(text, WEDNESDAY)[surface] == span


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1950, 2090),
    st.integers(1, 12),
    st.integers(1, 27),
    st.integers(1, 27),
    st.dates(D(1990, 1, 1), D(2060, 12, 31)),
)
def test_any_day_range_with_its_year_after_is_that_year(year: int, month: int, d1: int, gap: int, anchor: date) -> None:
    last_day = calendar.monthrange(year, month)[1]
    d2 = min(last_day, d1 + gap)
    if d2 <= d1:
        return
    name = calendar.month_name[month]
    text = f"The works ran from {name} {d1} to {d2}, {year}, the report said."
    got = [m for m in find_dates(text, anchor) if m.text.startswith(name)]
    assert [(m.date_start, m.date_end) for m in got] == [(D(year, month, d1), D(year, month, d2))]


@pytest.mark.parametrize(
    ("text", "surface", "span"),
    [
        ("Oral argument is set for the week of April 8.", "the week of April 8", (D(2026, 4, 8), D(2026, 4, 14))),
        ("Jobless claims rose in the week ending Jan. 10.", "the week ending Jan. 10", (D(2026, 1, 4), D(2026, 1, 10))),
        (
            "The survey ship sails in the week beginning 2 February.",
            "the week beginning 2 February",
            (D(2026, 2, 2), D(2026, 2, 8)),
        ),
    ],
)
def test_a_week_named_by_a_day_is_seven_days(text: str, surface: str, span: tuple[date, date]) -> None:
    assert _found(text, WEDNESDAY)[surface] == span


@settings(max_examples=40, deadline=None)
@given(st.dates(D(1960, 1, 1), D(2080, 12, 24)))
def test_the_week_of_any_written_date_starts_on_it(day: date) -> None:
    text = f"The hearing is listed for the week of {day.day} {calendar.month_name[day.month]} {day.year}."
    [m] = find_dates(text, D(2025, 6, 1))
    assert (m.text.startswith("the week of"), m.date_start, m.date_end) == (True, day, day + timedelta(days=6))


@pytest.mark.parametrize(
    ("text", "surface", "day"),
    [
        ("This week: factory data on Dec. 2, jobs figures on Friday.", "Friday", D(2025, 12, 5)),
        ("Next week the council meets on Tuesday and Thursday.", "Thursday", D(2025, 12, 11)),
        ("This week's rally erased Friday's losses.", "Friday", D(2025, 11, 28)),
        ("The club will meet next week after talks collapsed on Friday.", "Friday", D(2025, 11, 28)),
        ("The union will appeal because the panel ruled on Thursday.", "Thursday", D(2025, 11, 27)),
        ("The plant will reopen as expected on Friday.", "Friday", D(2025, 12, 5)),
    ],
)
def test_weekdays_under_a_named_week_and_past_clauses(text: str, surface: str, day: date) -> None:
    assert _found(text, MONDAY)[surface] == (day, day)


@pytest.mark.parametrize(
    ("text", "surface", "day"),
    [
        ("A flood warning stays in force until midday on Sunday.", "Sunday", D(2026, 1, 18)),
        ("The agency extended its heat advisory through 8 p.m. Saturday.", "Saturday", D(2026, 1, 17)),
        ("Entries for the county show must arrive by 5pm on Friday.", "Friday", D(2026, 1, 16)),
        ("Heavy snow is forecast from Thursday night.", "Thursday", D(2026, 1, 15)),
        ("The court said the jury could return a verdict on Friday.", "Friday", D(2026, 1, 16)),
        ("Analysts expect the central bank to cut rates on Thursday.", "Thursday", D(2026, 1, 15)),
        ("The striker could not train on Monday.", "Monday", D(2026, 1, 12)),
        ("Police said the suspect might have fled on Tuesday.", "Tuesday", D(2026, 1, 13)),
        ("The storm is likely to bring rain till Wednesday afternoon.", "Wednesday", D(2026, 1, 14)),
    ],
)
def test_deadlines_past_a_time_of_day_and_forecasts(text: str, surface: str, day: date) -> None:
    assert _found(text, WEDNESDAY)[surface] == (day, day)


def test_a_modal_of_possibility_moves_no_day_and_month_of_a_history() -> None:
    text = "In 1960 the regime feared the government might collapse around June 10."
    assert "June 10" not in _found(text, D(2012, 5, 2))


def test_an_infinitive_expect_is_no_forecast() -> None:
    assert _found("Forecasters expect a milder pattern by mid-August.", D(2025, 7, 24))["mid-August"] == (
        D(2025, 8, 11),
        D(2025, 8, 20),
    )
    assert "March 5" not in _found("In 1961 it was hard to expect the talks of March 5 to last.", D(2012, 5, 2))


@pytest.mark.parametrize(("words", "years"), [("a decade ago", 10), ("two decades ago", 20), ("three decades ago", 30)])
def test_decades_ago_are_the_year_that_far_back(words: str, years: int) -> None:
    got = _found(f"The lab opened its first scanner {words}.", D(2024, 10, 28))
    assert got[words] == (D(2024 - years, 1, 1), D(2024 - years, 12, 31))
    assert _found("Wages rose over the past decade.", D(2024, 10, 28)) == {}


@pytest.mark.parametrize(
    ("text", "surface", "span"),
    [
        ("The refinery closed in early 1998.", "early 1998", (D(1998, 1, 1), D(1998, 4, 30))),
        ("The squad was rebuilt in mid-2021.", "mid-2021", (D(2021, 5, 1), D(2021, 8, 31))),
        ("The court moved to new premises in late 2019.", "late 2019", (D(2019, 9, 1), D(2019, 12, 31))),
        ("Sensors improved in the early 1990s.", "early 1990s", (D(1990, 1, 1), D(1993, 12, 31))),
        ("The base expanded in the mid-1980s.", "mid-1980s", (D(1983, 1, 1), D(1986, 12, 31))),
        ("Prices rose in the 1990s.", "1990s", (D(1990, 1, 1), D(1999, 12, 31))),
        ("The league was rebuilt from the mid-1990's.", "mid-1990's", (D(1993, 1, 1), D(1996, 12, 31))),
    ],
)
def test_a_year_or_decade_part_is_a_third_of_it(text: str, surface: str, span: tuple[date, date]) -> None:
    assert _found(text, WEDNESDAY)[surface] == span


@settings(max_examples=40, deadline=None)
@given(st.integers(1900, 2100), st.sampled_from(["early", "mid-", "late"]))
def test_the_thirds_of_any_year_tile_it(year: int, word: str) -> None:
    text = f"The plant was upgraded in {word}{'' if word.endswith('-') else ' '}{year}, the firm said."
    [m] = [m for m in find_dates(text, D(2025, 6, 1)) if str(year) in m.text]
    first = {"early": 1, "mid-": 5, "late": 9}[word]
    assert (m.date_start, m.date_end) == (
        D(year, first, 1),
        D(year, first + 3, calendar.monthrange(year, first + 3)[1]),
    )


def test_decades_before_the_nineteenth_century_are_read() -> None:
    got = _found("The mill was built in the 1790s and the chapel in the late 1660s; the 1200s are a century.", MONDAY)
    assert got["1790s"] == (D(1790, 1, 1), D(1799, 12, 31))
    assert got["late 1660s"] == (D(1667, 1, 1), D(1669, 12, 31))
    assert "1200s" not in got
