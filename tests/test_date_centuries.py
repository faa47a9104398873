"""Centuries as intervals of years (dates9 round): made-up sentences from heritage, science, courts and sport."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.extract.dates import find_dates

ANCHOR = date(2025, 6, 1)


def _spans(text: str, anchor: date | None = ANCHOR) -> dict[str, tuple[date | None, date | None]]:
    return {m.text: (m.date_start, m.date_end) for m in find_dates(text, anchor)}


@pytest.mark.parametrize(
    ("text", "surface", "first", "last"),
    [
        ("The abbey was rebuilt in the 12th century, monks wrote.", "the 12th century", 1100, 1199),
        ("Courts of the late 18th century heard such cases.", "the late 18th century", 1766, 1799),
        ("The club was founded in the mid-19th century.", "the mid-19th century", 1833, 1866),
        ("Telescopes of the early 1600s were crude.", "the early 1600s", 1600, 1633),
        ("Cricket spread through the 1800s.", "the 1800s", 1800, 1899),
        ("Coins from the 1st century were found.", "the 1st century", 1, 99),
    ],
)
def test_centuries_and_their_thirds(text: str, surface: str, first: int, last: int) -> None:
    got = _spans(text)
    assert got[surface] == (date(first, 1, 1), date(last, 12, 31))


@pytest.mark.parametrize(
    "text",
    [
        "Pottery from the 5th century BC was on show.",
        "The army must fight 21st-century wars, the general said.",
        "The navy of the 21st century needs drones.",
        "By the turn of the 20th century the mill employed 60 men.",
        "A 19th-century church was damaged by the storm.",
    ],
)
def test_centuries_left_out(text: str) -> None:
    assert not [m for m in find_dates(text, ANCHOR) if "entur" in m.text]


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=29), st.sampled_from(["", "early ", "mid-", "late "]))
def test_a_century_is_inside_its_hundred_years_and_never_after_the_report(n: int, mod: str) -> None:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10 if n not in (11, 12, 13) else 0, "th")
    for m in find_dates(f"Records from the {mod}{n}{suffix} century survive.", ANCHOR):
        assert m.date_start is not None and m.date_end is not None
        assert (n - 1) * 100 <= m.date_end.year <= (n - 1) * 100 + 99
        assert max(1, (n - 1) * 100) <= m.date_start.year and m.date_end < ANCHOR


def test_a_century_sets_no_year_for_the_dates_after_it() -> None:
    text = (
        "Delegates praised him as a great statesman of the 20th century. In a speech in Lima on March 30, he said so."
    )
    got = _spans(text, date(2012, 4, 6))
    assert got["March 30"] == (date(2012, 3, 30), date(2012, 3, 30))


def test_the_1900s_and_the_1800s_are_centuries_not_decades() -> None:
    # they were left out before round nine (no precision could say a century); never the decade 1900-1909
    got = _spans("Mills spread in the 1900s and the 1800s.")
    assert got == {
        "the 1900s": (date(1900, 1, 1), date(1999, 12, 31)),
        "the 1800s": (date(1800, 1, 1), date(1899, 12, 31)),
    }
