"""dates12: what the dates11 round left (the publication day's weekday before a future verb, ...)."""

from __future__ import annotations

from datetime import date

from workbook.extract.dates import find_dates

D = date


def read(text: str, anchor: date, surface: str, nth: int = 0) -> tuple[date | None, date | None] | None:
    hits = [m for m in find_dates(text, anchor) if m.text == surface]
    if len(hits) <= nth:
        return None
    return hits[nth].date_start, hits[nth].date_end


THU = D(2025, 1, 16)


def test_the_publication_days_weekday_after_a_future_verb_is_that_day() -> None:
    text = "MPs will debate the bill at second reading on Thursday. The debate on Thursday will be followed by a vote."
    assert read(text, THU, "Thursday") == (THU, THU)
    assert read(text, THU, "Thursday", 1) == (THU, THU)


def test_next_weekday_on_that_weekday_is_a_week_ahead() -> None:
    assert read("MPs will debate the bill next Thursday.", THU, "next Thursday") == (D(2025, 1, 23), D(2025, 1, 23))


def test_another_weekday_after_a_future_verb_stays_ahead_and_a_past_one_behind() -> None:
    assert read("MPs will debate the bill on Monday.", THU, "Monday") == (D(2025, 1, 20), D(2025, 1, 20))
    assert read("MPs debated the bill on Thursday.", D(2025, 1, 17), "Thursday") == (THU, THU)


def test_the_same_day_last_year_is_left_out() -> None:
    text = "Footfall on Wednesday was up 3% on the same day last year, and sales in the same period last year fell."
    assert [m.text for m in find_dates(text, D(2025, 11, 27)) if "year" in m.text and m.date_start] == []


def test_last_year_without_same_is_still_read() -> None:
    got = read("Sales rose 3% last year.", D(2025, 11, 27), "last year")
    assert got == (D(2024, 1, 1), D(2024, 12, 31))


def test_a_weekday_after_a_present_copula_is_ahead() -> None:
    text = "Moana Tuilagi leads after the first round. The final round is on Sunday."
    assert read(text, THU, "Sunday") == (D(2025, 1, 19), D(2025, 1, 19))


def test_a_weekday_after_a_past_copula_is_behind() -> None:
    assert read("The final round was on Sunday.", THU, "Sunday") == (D(2025, 1, 12), D(2025, 1, 12))
