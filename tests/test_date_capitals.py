"""Months in capitals next to a day or a year, and compact military dates (dates11 round)."""

from __future__ import annotations

from datetime import date

import pytest

from workbook.extract.date_capitals import find_compact_dates, title_months
from workbook.extract.dates import find_dates

A = date(2025, 11, 18)


def _got(text: str, anchor: date = A) -> list[tuple[str, date | None, date | None]]:
    return [(m.text, m.date_start, m.date_end) for m in find_dates(text, anchor)]


@pytest.mark.parametrize(
    ("text", "span", "day"),
    [
        ("CONTRACTS FOR OCT. 6, 2025. ARMY.", "OCT. 6, 2025", date(2025, 10, 6)),
        ("MARCH 3 — FLOOD BARRIER TO CLOSE FOR REPAIRS.", "MARCH 3", date(2025, 3, 3)),
        ("3 APRIL 2025: PORT STRIKE ENDS AFTER NINE DAYS.", "3 APRIL 2025", date(2025, 4, 3)),
        ("MEMORANDUM FOR RECORD. DATE: 17 NOV 2025.", "17 NOV 2025", date(2025, 11, 17)),
        ("The unit redeployed on 08 JUL 2025.", "08 JUL 2025", date(2025, 7, 8)),
        ("Task Force Rainier completed its redeployment on 07JUL25.", "07JUL25", date(2025, 7, 7)),
        ("The memo is dated 14JAN2025.", "14JAN2025", date(2025, 1, 14)),
        ("A memo of 12FEB95 set the rule.", "12FEB95", date(1995, 2, 12)),
    ],
)
def test_capital_and_compact_dates_are_read(text: str, span: str, day: date) -> None:
    assert (span, day, day) in [(t, s, e) for t, s, e in _got(text, date(2025, 11, 18))] or any(
        t.startswith(span) and s == e == day for t, s, e in _got(text)
    )


def test_a_compact_range_is_one_interval() -> None:
    got = _got("Range 14 will close from 01DEC25 to 05DEC25 for maintenance.")
    assert got == [("01DEC25 to 05DEC25", date(2025, 12, 1), date(2025, 12, 5))]


@pytest.mark.parametrize(
    "text",
    [
        "WORKERS TO MARCH IN LONDON AGAINST CUTS",  # a verb in capitals, no number next to it
        "PRICES MAY RISE, DEC SAYS",  # a modal verb and a company's initials
        "DTG 121530ZFEB25: convoy departs",  # a date-time group with a time and zone is no compact date
        "Order 31FEB25 was void",  # no such day
    ],
)
def test_capital_words_without_a_day_stay_words(text: str) -> None:
    assert [g for g in _got(text) if g[1] is not None] == []


def test_title_months_keeps_length_and_touches_only_months_by_numbers() -> None:
    text = "MARCH 3 — WORKERS MARCH ON 17 NOV"
    out = title_months(text)
    assert len(out) == len(text)
    assert out == "March 3 — WORKERS MARCH ON 17 Nov"
    assert title_months("no capitals here") == "no capitals here"


def test_compact_dates_need_the_capitals_precheck() -> None:
    assert find_compact_dates("07jul25") == []
    assert find_compact_dates("x 07JUL25") == [(2, 9, "day", "absolute", date(2025, 7, 7), date(2025, 7, 7), None)]


def test_a_year_before_a_month_and_day_is_theirs_never_the_current_one() -> None:
    got = _got("Jets flew close to the zone agreed in the 2018 September 19 military agreement.", date(2022, 10, 16))
    assert all(s is None or s.year == 2018 for _, s, _ in got)
    assert _got("In 2018 September 19 was chosen as the day.", date(2022, 10, 16)) == [
        ("2018 September 19", date(2018, 9, 19), date(2018, 9, 19))
    ]
