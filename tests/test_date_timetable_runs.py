"""Present timetable verbs that put a day and month ahead (dates10 round): "the fair runs 16 to 18 October",
"the congress is held 4 to 6 May"; "runs" the plural noun (cricket, baseball) is no cue. Made-up sentences in
culture, science, sport and business."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.dates import find_dates


def _spans(text: str, anchor: date) -> dict[str, tuple[date | None, date | None]]:
    return {m.text: (m.date_start, m.date_end) for m in find_dates(text, anchor)}


def test_a_fair_that_runs_on_days_after_publication_runs_this_year() -> None:
    got = _spans("The county show runs 16 to 18 October at the showground.", date(2025, 9, 10))
    assert got["16 to 18 October"] == (date(2025, 10, 16), date(2025, 10, 18))


def test_runs_from_a_month_and_day_lies_ahead() -> None:
    got = _spans("The robotics exhibition runs from October 3 to 5 in Hall B.", date(2025, 9, 10))
    assert got["October 3 to 5"] == (date(2025, 10, 3), date(2025, 10, 5))


def test_a_congress_that_is_held_on_days_ahead_is_this_year() -> None:
    got = _spans("The physics congress is held 4 to 6 May in Lyon.", date(2026, 2, 2))
    assert got["4 to 6 May"] == (date(2026, 5, 4), date(2026, 5, 6))


def test_runs_the_plural_noun_is_no_timetable() -> None:
    anchor = date(2025, 9, 10)  # a Wednesday
    assert _spans("Patel scored 120 runs from 64 balls on Sunday.", anchor)["Sunday"] == (
        date(2025, 9, 7),
        date(2025, 9, 7),
    )
    assert _spans("He scored 45 runs on 16 August against Kent.", anchor)["16 August"] == (
        date(2025, 8, 16),
        date(2025, 8, 16),
    )


def test_a_sale_that_ran_in_the_past_keeps_the_past() -> None:
    got = _spans("The sale ran 16 to 18 August and drew record crowds.", date(2025, 9, 10))
    assert got["16 to 18 August"] == (date(2025, 8, 16), date(2025, 8, 18))


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31)), st.integers(min_value=2, max_value=150))
@settings(max_examples=60, deadline=None)
def test_a_run_of_days_ahead_starts_after_publication(anchor: date, ahead: int) -> None:
    first = anchor + timedelta(days=ahead)
    if first.day > 26:
        return
    text = f"The trade fair runs {first.day} to {first.day + 2} {first.strftime('%B')} in the city centre."
    got = [m for m in find_dates(text, anchor) if m.date_start is not None]
    assert len(got) == 1 and got[0].date_start == first


def test_until_the_weekend_in_a_present_or_future_sentence_is_the_coming_one() -> None:
    anchor = date(2026, 1, 14)  # a Wednesday
    coming = (date(2026, 1, 17), date(2026, 1, 18))
    assert _spans("Frost will linger until the weekend in the valleys.", anchor)["the weekend"] == coming
    assert _spans("The climbing wall is closed until the weekend for repairs.", anchor)["the weekend"] == coming


def test_until_the_weekend_in_a_past_sentence_is_the_last_one() -> None:
    anchor = date(2026, 1, 14)
    last = (date(2026, 1, 10), date(2026, 1, 11))
    assert _spans("Shares slid until the weekend before recovering.", anchor)["the weekend"] == last
    assert _spans("The lab was shut until the weekend after the leak.", anchor)["the weekend"] == last
