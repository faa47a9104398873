"""``date_capitals``' compact dates read after ``title_months`` left a text as it was (the lead dropped speed26's
one-entry memo of ``has_capital_month``: module state for 0.006 CPU-s)."""

from __future__ import annotations

from workbook.extract.date_capitals import find_compact_dates, has_capital_month, title_months


def test_find_dates_pair_unchanged() -> None:
    text = "Exercise window 01DEC25 to 05DEC25, report due 07JUL25."
    assert title_months(text) is text  # nothing titled: the same object, asked twice
    assert [(s, e) for s, e, *_ in find_compact_dates(text)] == [(16, 34), (47, 54)]
    assert find_compact_dates("Exercise window in December.") == []


def test_capital_month_check() -> None:
    assert has_capital_month("CONTRACTS FOR OCT. 6, 2025")
    assert has_capital_month("DATE: 17 NOV 2025")
    assert not has_capital_month("no capitals here, in October")
