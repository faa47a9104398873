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
    text = "Footfall on Wednesday was up 3% on the same day last year, and on the same weekend of last year."
    assert [m.text for m in find_dates(text, D(2025, 11, 27)) if "year" in m.text and m.date_start] == []


def test_the_same_period_last_year_keeps_the_year_that_holds_it() -> None:
    text = "Output rose over the same period of last year."
    assert read(text, D(2025, 11, 27), "last year") == (D(2024, 1, 1), D(2024, 12, 31))


def test_last_year_without_same_is_still_read() -> None:
    got = read("Sales rose 3% last year.", D(2025, 11, 27), "last year")
    assert got == (D(2024, 1, 1), D(2024, 12, 31))


def test_a_weekday_after_a_present_copula_is_ahead() -> None:
    text = "Moana Tuilagi leads after the first round. The final round is on Sunday."
    assert read(text, THU, "Sunday") == (D(2025, 1, 19), D(2025, 1, 19))


def test_a_weekday_after_a_past_copula_is_behind() -> None:
    assert read("The final round was on Sunday.", THU, "Sunday") == (D(2025, 1, 12), D(2025, 1, 12))


MAR = D(2025, 3, 12)


def test_a_month_before_a_deadline_noun_or_after_a_future_cue_is_the_next_one() -> None:
    text = "Plans are due ahead of a June deadline, and the programme will be reviewed at the September cabinet."
    assert read(text, MAR, "June") == (D(2025, 6, 1), D(2025, 6, 30))
    assert read(text, MAR, "September") == (D(2025, 9, 1), D(2025, 9, 30))
    assert read("The firm would set targets at a February investor day.", MAR, "February") == (
        D(2026, 2, 1),
        D(2026, 2, 28),
    )


def test_a_month_before_a_noun_a_future_cue_follows_survives_an_older_year() -> None:
    text = "Councillors voted to delay the tram to 2027. A report to the July cabinet will set out costs."
    assert read(text, D(2024, 6, 13), "July") == (D(2024, 7, 1), D(2024, 7, 31))


def test_a_deadline_noun_outweighs_a_reporting_past() -> None:
    text = "The minister told MPs on Wednesday that the March deadline would be met."
    assert read(text, D(2024, 9, 12), "March") == (D(2025, 3, 1), D(2025, 3, 31))


def test_a_month_before_a_noun_in_the_past_is_the_last_one_when_no_other_year_is_named() -> None:
    text = "Officials said the September attacks on supply convoys had added urgency."
    assert read(text, D(2024, 11, 21), "September") == (D(2024, 9, 1), D(2024, 9, 30))


def test_a_past_month_before_a_noun_beside_another_past_year_is_left_out() -> None:
    text = (
        "The court heard the challenge to the map, which lawmakers adopted in a December special session. "
        "It was drawn in 2023."
    )
    got = read(text, D(2025, 4, 10), "December")
    assert got is None or got == (None, None)


def test_superlatives_records_names_and_untensed_months_before_nouns_are_left_out() -> None:
    anchor = D(2025, 12, 30)
    for text, month in [
        ("It could be the snowiest December start since 2010, forecasters say; a cold snap will follow.", "December"),
        ("The coldest January on record will not be matched.", "January"),
        ("The January record will not be beaten.", "January"),
        ("The May government will fall.", "May"),
        ("The January sales will start on Boxing Day.", "January"),
        ("The December concerts are sold out.", "December"),
        ("The March on Washington drew crowds.", "March"),
    ]:
        got = read(text, anchor, month)
        assert got is None or got == (None, None), text


def test_the_span_a_financial_year_runs_over_recurs_and_is_left_out() -> None:
    text = "Australia's financial year runs from 1 July to 30 June."
    assert [m.text for m in find_dates(text, D(2026, 2, 5)) if m.date_start] == []


def test_a_dated_span_after_runs_from_is_still_read() -> None:
    text = "The consultation runs from 1 July to 30 September."
    got = [(m.date_start, m.date_end) for m in find_dates(text, D(2026, 2, 5)) if m.date_start]
    assert got == [(D(2026, 7, 1), D(2026, 9, 30))]


def test_a_year_after_a_possessive_before_season_is_read() -> None:
    anchor = D(2025, 9, 29)
    assert read("Rovers ended the club's 2025 season with a win.", anchor, "2025") == (D(2025, 1, 1), D(2025, 12, 31))
    assert read("Harlequins' 2024–25 campaign ends in June.", anchor, "2024–25") == (D(2024, 1, 1), D(2025, 12, 31))


def test_a_year_after_a_possessive_before_another_noun_stays_out() -> None:
    assert read("The club's 2025 budget was cut.", D(2025, 9, 29), "2025") is None


def test_a_month_before_a_past_verb_is_behind_after_an_earlier_future_clause() -> None:
    text = "The budget will be handed down on 12 May, and the update in December showed receipts up 3 per cent."
    assert read(text, D(2026, 2, 5), "December") == (D(2025, 12, 1), D(2025, 12, 31))


def test_a_month_before_followed_by_keeps_the_future() -> None:
    text = "The store will close in December followed by the warehouse."
    assert read(text, D(2026, 2, 5), "December") == (D(2026, 12, 1), D(2026, 12, 31))
