"""Bare weekdays read with what the text writes beside them (dates10 round): the bounds of a period ("from 6pm
Thursday until midday Saturday") and a weekday the paragraph dates ("Sunday 10 December"). Made-up sentences in
weather, transport, sport, courts, business, science and defence."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from workbook.extract.date_words import WEEKDAYS
from workbook.extract.dates import find_dates


def _days(text: str, anchor: date) -> list[tuple[str, date | None]]:
    return [(m.text, m.date_start) for m in find_dates(text, anchor) if m.date_start == m.date_end]


def test_a_warning_in_force_from_one_weekday_until_another_lies_ahead() -> None:
    # A Wednesday report: Thursday and Saturday of the same week.
    text = "A flood warning is in force from 6pm Thursday until midday Saturday along the coast."
    got = _days(text, date(2026, 1, 14))
    assert got == [("Thursday", date(2026, 1, 15)), ("Saturday", date(2026, 1, 17))]


def test_an_advisory_in_effect_from_noon_through_an_evening_lies_ahead() -> None:
    text = "Wind advisory in effect from noon Friday through 8 p.m. Sunday for the canyons."
    got = _days(text, date(2025, 7, 3))
    assert got == [("Friday", date(2025, 7, 4)), ("Sunday", date(2025, 7, 6))]


def test_a_period_that_starts_on_the_publication_day_starts_that_day() -> None:
    text = "Engineering works will close the line from Thursday evening to Saturday, the operator said."
    got = _days(text, date(2024, 6, 6))  # a Thursday
    assert got == [("Thursday", date(2024, 6, 6)), ("Saturday", date(2024, 6, 8))]


def test_a_past_period_keeps_the_past_and_its_first_day_comes_first() -> None:
    text = "Trading volumes fell from Monday to Wednesday as the exchange was hit by outages."
    got = _days(text, date(2025, 3, 14))  # a Friday
    assert got == [("Monday", date(2025, 3, 10)), ("Wednesday", date(2025, 3, 12))]


def test_measurements_without_a_cue_keep_the_tense_rules_reading() -> None:
    # A past measurement written without a verb of its own: neither day moves ahead.
    text = "Rainfall reached 80 mm, according to data from 03:00 Monday to 15:00 Tuesday. There were floods."
    got = _days(text, date(2024, 4, 4))  # a Thursday
    assert got == [("Monday", date(2024, 4, 1)), ("Tuesday", date(2024, 4, 2))]


def test_a_first_bound_read_in_the_past_moves_next_to_its_end() -> None:
    # "until Sunday" is a deadline ahead; "from Friday morning" must come before it, not nine days before.
    text = "A yellow warning for ice covers the hills from Friday morning until Sunday."
    got = _days(text, date(2026, 1, 14))
    assert got == [("Friday", date(2026, 1, 16)), ("Sunday", date(2026, 1, 18))]


def test_two_weekdays_without_from_are_no_period() -> None:
    text = "The striker scored on Monday and the keeper was injured on Wednesday."
    got = _days(text, date(2025, 3, 14))
    assert got == [("Monday", date(2025, 3, 10)), ("Wednesday", date(2025, 3, 12))]


def test_a_headline_weekday_is_the_day_its_paragraph_dates() -> None:
    text = "Timetable change on Sunday. The winter timetable takes effect on Sunday 10 December at dawn."
    got = _days(text, date(2023, 12, 8))  # a Friday
    assert got[0] == ("Sunday", date(2023, 12, 10))


def test_a_weekday_in_a_past_sentence_keeps_the_past_beside_a_dated_one() -> None:
    text = "The club lost on Sunday and plays again on Sunday 10 December at home."
    got = dict(_days(text, date(2023, 12, 8)))
    assert got["Sunday"] == date(2023, 12, 3)


def test_a_dated_weekday_far_from_publication_dates_no_bare_one() -> None:
    text = "Verdict on Monday. The retrial opens on Monday 22 January, the court office confirmed."
    got = dict(_days(text, date(2023, 12, 8)))
    assert got["Monday"] == date(2023, 12, 4)


@given(
    st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31)),
    st.sampled_from(range(7)),
    st.sampled_from(range(7)),
)
@settings(max_examples=80, deadline=None)
def test_a_period_ahead_starts_within_a_week_and_ends_after_its_start(anchor: date, first: int, last: int) -> None:
    assume(first != last)  # "from noon Friday until 9pm Friday" is left to the tense rules
    a, b = WEEKDAYS[first].capitalize(), WEEKDAYS[last].capitalize()
    text = f"A heat warning is in force from noon {a} until 9pm {b} across the region."
    got = _days(text, anchor)
    assert [w for w, _ in got] == [a, b]
    start, end = got[0][1], got[1][1]
    assert start is not None and end is not None
    assert start.weekday() == first and end.weekday() == last
    assert anchor <= start <= anchor + timedelta(days=6)
    assert start < end <= start + timedelta(days=6)


def test_since_a_day_in_the_year_before_keeps_the_last_one_in_the_texts_own_time() -> None:
    # "on Saturday" brings the text to its own time; "since Boxing Day" reaches back four months.
    text = "United won 2-0 on Saturday. They have lost only once since Boxing Day."
    got = {m.text: m.date_start for m in find_dates(text, date(2024, 4, 29))}
    assert got["Boxing Day"] == date(2023, 12, 26)
    text = "The lab reported on Monday. Output has doubled since 3 November, it said."
    got = {m.text: m.date_start for m in find_dates(text, date(2025, 4, 2))}
    assert got["3 November"] == date(2024, 11, 3)


def test_since_a_day_in_a_narrative_of_another_year_is_still_left_out() -> None:
    text = "In 2013 the club won the cup. They had lost only once since Boxing Day."
    assert "Boxing Day" not in {m.text for m in find_dates(text, date(2024, 4, 29))}
