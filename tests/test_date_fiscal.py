"""Fiscal years read only when the text settles them (dates4): a definition in the text, or the US federal
year in a text that names the US federal government. Made-up sentences: business, defence, science, sport,
local government."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extraction_support import only_date as only
from workbook.extract.date_fiscal import fiscal_year_end
from workbook.extract.dates import find_dates

pytestmark = pytest.mark.unit

D = date
ANCHOR = D(2025, 9, 30)


@pytest.mark.parametrize(
    ("text", "surface", "first", "last"),
    [
        (
            "Harbor Foods said sales in the fiscal year ended June 30, 2025 rose 6%; it expects fiscal 2026 to slow.",
            "fiscal 2026",
            D(2025, 7, 1),
            D(2026, 6, 30),
        ),
        (
            "The football club, whose financial year ended on 31 July 2025, lost money in the 2025 financial year.",
            "2025 financial year",
            D(2024, 8, 1),
            D(2025, 7, 31),
        ),
        (
            "Results for the year ended 31 December 2024: revenue for FY2024 rose to £90m.",
            "FY2024",
            D(2024, 1, 1),
            D(2024, 12, 31),
        ),
        (
            "The lab's fiscal year begins on 1 October; its grant runs through FY27.",
            "FY27",
            D(2026, 10, 1),
            D(2027, 9, 30),
        ),
        (
            "The Pentagon asked for more shipbuilding money in the first half of fiscal year 2026.",
            "the first half of fiscal year 2026",
            D(2025, 10, 1),
            D(2026, 3, 31),
        ),
        (
            "WASHINGTON - Congress passed the spending bill for fiscal 2025 after a long fight.",
            "fiscal 2025",
            D(2024, 10, 1),
            D(2025, 9, 30),
        ),
        (
            "The museum, whose fiscal year matches the calendar year, broke even in fiscal 2024.",
            "fiscal 2024",
            D(2024, 1, 1),
            D(2024, 12, 31),
        ),
    ],
)
def test_a_settled_fiscal_year_is_read(text: str, surface: str, first: date, last: date) -> None:
    m = only(text, ANCHOR, surface)
    assert (m.date_start, m.date_end) == (first, last)


@pytest.mark.parametrize(
    "text",
    [
        "The retailer expects profits to rise in fiscal 2026.",  # no definition
        "Congress approved the fiscal 2025 budget in Manila.",  # a congress of another country
        "The carmaker's fiscal year ends in March; fiscal 2025 was strong.",  # named either way
        "Its fiscal year ended June 30, 2025; in the year ended 31 December 2024 it lost money; fiscal 2025 was weak.",
    ],
)
def test_an_unsettled_fiscal_year_is_left_out(text: str) -> None:
    assert not [m for m in find_dates(text, ANCHOR) if "fiscal" in m.text or "FY" in m.text]


@settings(max_examples=40, deadline=None)
@given(year=st.integers(min_value=1990, max_value=2090), month=st.integers(min_value=6, max_value=12))
def test_a_fiscal_year_ends_on_the_day_its_text_gives(year: int, month: int) -> None:
    last_day = (D(year + (month == 12), month % 12 + 1, 1) - D(year, month, 1)).days
    end = D(year, month, last_day)
    text = f"The agency's fiscal year ended {end.strftime('%B')} {last_day}, {year}. Spending in fiscal {year} rose."
    assert fiscal_year_end(text) == (month, last_day)
    m = only(text, D(year, 12, 31), f"fiscal {year}")
    assert m.date_end == end
    assert (m.date_end - m.date_start).days in (364, 365)
