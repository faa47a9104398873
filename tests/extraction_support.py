"""Helpers the extraction tests share: what an extractor reads in a made-up text, as the text shows it."""

from __future__ import annotations

from datetime import date

from workbook.extract.base import DocumentInput, Extractor
from workbook.extract.dates import DateMatch, find_dates

__all__ = ["only_date", "people_in", "typed_mentions"]


def typed_mentions(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    """Every mention of ``text`` as (its surface, its entity's type), in the extractor's order."""
    ex = extractor.extract(DocumentInput("t", text))
    types = {e.key: e.type for e in ex.entities}
    return [(text[m.start : m.end], types[m.entity_key]) for m in ex.mentions]


def only_date(text: str, anchor: date, surface: str) -> DateMatch:
    """The one date :func:`find_dates` reads as ``surface`` in ``text`` published on ``anchor`` (the test
    fails, listing what was read, unless there is exactly one)."""
    found = [m for m in find_dates(text, anchor) if m.text == surface]
    assert len(found) == 1, find_dates(text, anchor)
    return found[0]


def people_in(extractor: Extractor, text: str) -> set[str]:
    """The surfaces of ``text`` the extractor reads as people."""
    return {surface for surface, type_ in typed_mentions(extractor, text) if type_ == "person"}
