"""ChartCache: lookups that several charts of one Book share, computed once, on first use.

Coding a column of strings as integers (hashing every row) is the main cost of the mention-based charts
on a large Book: ``top_entities``, ``co_mentions``, ``place_map`` and ``mentions_over_time`` all need each
mention's entity, most need its document. Drawing several views of the same (filtered) Book, make one
``ChartCache(book)`` and pass it to each builder as ``cache=``; every builder called without one makes its
own, so results never depend on it. A cache belongs to one Book (a builder given another Book's cache
raises :class:`~workbook.errors.ChartError`) and hands out read-only arrays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from workbook.book import Book
from workbook.charts._text import codes_of
from workbook.errors import ChartError

__all__ = ["ChartCache", "cache_for"]

Codes = tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]


class ChartCache:
    """Lookups shared by the charts of ``book``; see the module docs."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self._values: dict[str, Codes] = {}

    def _get(self, key: str, make: Callable[[], Codes]) -> Codes:
        if key not in self._values:
            codes, values = make()
            codes.flags.writeable = False
            values.flags.writeable = False
            self._values[key] = (codes, values)
        return self._values[key]

    def mention_entities(self) -> Codes:
        """Per mention, the code of its entity (-1: none); and the entity ids, by code."""
        return self._get("mention_entities", lambda: codes_of(self.book.mentions["entity_id"]))

    def mention_docs(self) -> Codes:
        """Per mention, the code of its document (-1: none); and the document ids, by code."""
        return self._get("mention_docs", lambda: codes_of(self.book.mentions["doc_id"]))

    def __repr__(self) -> str:
        return f"<ChartCache of {self.book!r}: {', '.join(self._values) or 'nothing yet'}>"


def cache_for(book: Book, cache: ChartCache | None) -> ChartCache:
    """``cache`` when it was made for ``book``, a new cache when None; raises :class:`ChartError` for the
    cache of another Book."""
    if cache is None:
        return ChartCache(book)
    if cache.book is not book:
        raise ChartError("This ChartCache was made for another Book: make one per Book, ChartCache(book).")
    return cache
