"""Recurring period bounds and clock-time pairs are no dates (dates9 round); made-up business, school, defence
and transport sentences."""

from __future__ import annotations

from datetime import date

import pytest

from workbook.extract.dates import find_dates

ANCHOR = date(2024, 4, 10)


@pytest.mark.parametrize(
    "text",
    [
        "The brewer, whose fiscal year ends on Dec. 31, expects growth.",
        "The charity has a financial year ending in March.",
        "In the county the school year starts on September 1.",
        "Live firing is planned between 0700 and 1900 daily.",
        "The runway is closed from 1900 to 0600 for repairs.",
    ],
)
def test_no_date(text: str) -> None:
    assert [m.text for m in find_dates(text, ANCHOR) if m.date_start is not None] == []


def test_years_and_dated_fiscal_ends_are_kept() -> None:
    got = {m.text: m.date_start for m in find_dates("Output doubled between 1990 and 2000.", ANCHOR)}
    assert got == {"1990 and 2000": date(1990, 1, 1)}
    got = {
        m.text: m.date_start for m in find_dates("Its deficit in the past fiscal year ending in March grew.", ANCHOR)
    }
    assert got == {"March": date(2024, 3, 1)}
    text = "Results for the fiscal year ended on June 30, 2023 were strong."
    assert any(m.date_start == date(2023, 6, 30) for m in find_dates(text, ANCHOR))
