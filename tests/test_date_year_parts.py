"""Thirds of a relative year and quarters without a year (dates11 round)."""

from __future__ import annotations

from datetime import date

import pytest

from workbook.extract.date_year_parts import find_year_parts
from workbook.extract.dates import find_dates


def _got(text: str, anchor: date) -> list[tuple[str, date | None, date | None]]:
    return [(m.text, m.date_start, m.date_end) for m in find_dates(text, anchor) if m.date_start is not None]


@pytest.mark.parametrize(
    ("text", "anchor", "span", "first", "last"),
    [
        (
            "Growth had slowed late last year.",
            date(2025, 5, 13),
            "late last year",
            date(2024, 9, 1),
            date(2024, 12, 31),
        ),
        (
            "Prices should ease early next year.",
            date(2025, 5, 13),
            "early next year",
            date(2026, 1, 1),
            date(2026, 4, 30),
        ),
        ("Output peaked mid-this year.", date(2025, 11, 3), "mid-this year", date(2025, 5, 1), date(2025, 8, 31)),
        (
            "Japan's economy shrank in the first quarter, data showed on Tuesday.",
            date(2025, 5, 13),
            "the first quarter",
            date(2025, 1, 1),
            date(2025, 3, 31),
        ),
        (
            "The economy will grow in the third quarter, the statistics office said.",
            date(2025, 5, 13),
            "the third quarter",
            date(2025, 7, 1),
            date(2025, 9, 30),
        ),
        (
            "Its fiscal year ends on 31 December. Results for the first quarter are due on 24 April.",
            date(2025, 1, 28),
            "the first quarter",
            date(2025, 1, 1),
            date(2025, 3, 31),
        ),
        (
            "Nordfrakt, whose fiscal year matches the calendar year, reported higher fourth-quarter profit.",
            date(2025, 1, 28),
            "fourth-quarter",
            date(2024, 10, 1),
            date(2024, 12, 31),
        ),
    ],
)
def test_year_parts_are_read(text: str, anchor: date, span: str, first: date, last: date) -> None:
    assert (span, first, last) in _got(text, anchor)


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("Apple reported a rise in fourth-quarter profit on Tuesday.", date(2025, 1, 28)),  # whose fiscal year?
        (
            "Testing slipped from the second quarter to the fourth quarter of the fiscal year, data showed.",
            date(2025, 8, 19),
        ),
        ("The economy grows most in the fourth quarter, the statistics office says.", date(2025, 5, 13)),  # no tense
        ("The economy shrank in the first quarter, data showed.", date(2025, 12, 20)),  # too far back to be sure
        ("GDP rose in fiscal Q3, data showed.", date(2025, 12, 20)),
    ],
)
def test_unsafe_quarters_are_left_out(text: str, anchor: date) -> None:
    assert [g for g in _got(text, anchor) if "quarter" in g[0] or "Q" in g[0]] == []


def test_a_quarter_with_its_year_is_not_read_twice() -> None:
    text = "The economy grew in the third quarter of 2024, data showed."
    assert find_year_parts(text, date(2025, 1, 10)) == []
    assert _got(text, date(2025, 1, 10)) == [("the third quarter of 2024", date(2024, 7, 1), date(2024, 9, 30))]


def test_no_anchor_no_parts() -> None:
    assert find_year_parts("late last year", None) == []
