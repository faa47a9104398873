"""Two date meanings in a FilterSpec: "events between" (with overlaps / within) and "published between"."""

from __future__ import annotations

import json
from datetime import date

import pytest

from workbook.book import Book
from workbook.errors import FilterSpecError
from workbook.filtering import FilterSpec, apply

pytestmark = pytest.mark.unit


def _titles(book: Book) -> list[str]:
    return sorted(book.documents["title"])


def test_a_wide_event_overlaps_a_narrow_window_but_does_not_lie_within_it(tiny_book: Book) -> None:
    window = {"date_from": date(2018, 6, 10), "date_to": date(2018, 6, 20)}  # inside "June 2018"
    assert _titles(apply(tiny_book, FilterSpec(**window))) == ["Analysts locate plants"]
    within = apply(tiny_book, FilterSpec(**window, date_match="within"))
    assert within.documents.empty and within.events.empty
    month = FilterSpec(date_from=date(2018, 6, 1), date_to=date(2018, 6, 30), date_match="within")
    assert list(apply(tiny_book, month).events["text"]) == ["June 2018"]
    open_end = FilterSpec(date_to=date(2018, 6, 29), date_match="within")  # June 2018 ends after the window
    assert apply(tiny_book, open_end).events.empty


def test_published_between_reads_the_publication_date_only(tiny_book: Book) -> None:
    y2019 = FilterSpec(published_from=date(2019, 1, 1), published_to=date(2019, 12, 31))
    got = apply(tiny_book, y2019)
    assert _titles(got) == ["Analysts locate plants"]
    assert set(got.events["text"]) == {"June 2018"}  # its events follow the document, whatever their dates
    assert _titles(apply(tiny_book, FilterSpec(published_to=date(2030, 1, 1)))) == [
        "Analysts locate plants",
        "Kim Jong Un inspects missile factory",
    ]  # the undated note never matches
    assert _titles(apply(tiny_book, FilterSpec(published_from=date(2024, 1, 10)))) == [
        "Kim Jong Un inspects missile factory"
    ]  # inclusive
    both = FilterSpec(published_from=date(2024, 1, 1), date_from=date(2018, 1, 1), date_to=date(2018, 12, 31))
    assert apply(tiny_book, both).documents.empty  # the two meanings combine with AND


def test_the_new_fields_round_trip_and_old_specs_still_load() -> None:
    spec = FilterSpec(
        date_from=date(2024, 6, 1),
        date_to=date(2024, 6, 30),
        date_match="within",
        published_from=date(2024, 7, 1),
        published_to=date(2024, 11, 30),
    )
    assert FilterSpec.from_json(spec.to_json()) == spec
    assert json.loads(spec.to_json())["published_from"] == "2024-07-01"
    old = '{"schema": "workbook.filterspec", "version": 1, "date_from": "2024-06-01", "date_to": "2024-06-30"}'
    loaded = FilterSpec.from_json(old)
    assert loaded.date_match == "overlaps" and loaded.published_from is None and loaded.published_to is None
    assert "published 2024-07-01 to 2024-11-30" in spec.describe() and "wholly within" in spec.describe()


def test_date_match_alone_constrains_nothing_and_bad_values_are_named(tiny_book: Book) -> None:
    assert FilterSpec(date_match="within").is_empty
    assert apply(tiny_book, FilterSpec(date_match="within")) is tiny_book
    with pytest.raises(FilterSpecError, match="date_match"):
        FilterSpec(date_match="touches")
    with pytest.raises(FilterSpecError, match="published_from"):
        FilterSpec(published_from=date(2024, 2, 1), published_to=date(2024, 1, 1))
    with pytest.raises(FilterSpecError, match="published_to"):
        FilterSpec.from_json('{"published_to": "2024-13-01"}')
