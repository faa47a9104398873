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
