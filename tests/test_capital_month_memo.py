"""``date_capitals.has_capital_month`` answers a second question about the same text from memory, and every
other text afresh (an equal text that is another object, a text after another)."""

from __future__ import annotations

from workbook.extract import date_capitals
from workbook.extract.date_capitals import find_compact_dates, has_capital_month, title_months


def test_same_text_answered_from_memory() -> None:
    text = "CONTRACTS FOR OCT. 6, 2025 and 01DEC25 to 05DEC25"
    assert has_capital_month(text)
    assert date_capitals._LAST[0] == (text, True)
    assert has_capital_month(text)
    plain = "".join(["no capitals ", "here"])
    assert not has_capital_month(plain)
    assert has_capital_month(text)  # asked again after another text: read again, still true
    other = "".join(["DATE: 17 ", "NOV 2025"])
    assert has_capital_month(other) and not has_capital_month("nothing")


def test_find_dates_pair_unchanged() -> None:
    text = "Exercise window 01DEC25 to 05DEC25, report due 07JUL25."
    assert title_months(text) is text  # nothing titled: the same object, asked twice
    assert [(s, e) for s, e, *_ in find_compact_dates(text)] == [(16, 34), (47, 54)]
    assert find_compact_dates("Exercise window in December.") == []
