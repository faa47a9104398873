"""ChartCache: lookups that several charts of one Book share, computed once, on first use.

Coding a column of strings as integers (hashing every row) is the main cost of the mention-based charts
on a large Book: ``top_entities``, ``co_mentions``, ``place_map`` and ``mentions_over_time`` all need each
mention's entity, most need its document. Drawing several views of the same (filtered) Book, make one
``ChartCache(book)`` and pass it to each builder as ``cache=``; every builder called without one makes its
own, so results never depend on it. A cache belongs to one Book (a builder given another Book's cache
raises :class:`~workbook.errors.ChartError`) and hands out read-only arrays.

A filtered Book's codes can come from its source Book's instead (:meth:`ChartCache.of_rows`: the source's
codes at the surviving mentions, renumbered in order of first appearance): the same codes and values as
coding the filtered column again, for the cost of integer passes, so the explorer codes each column of
the unfiltered Book once, not once per filter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from workbook.book import Book
from workbook.charts._text import codes_of
from workbook.errors import ChartError

__all__ = ["ChartCache", "cache_for", "selected_codes"]

Codes = tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]


class ChartCache:
    """Lookups shared by the charts of ``book``; see the module docs."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self._values: dict[str, Codes] = {}
        self._arrays: dict[str, np.ndarray[Any, Any]] = {}
        self._source: tuple[ChartCache, np.ndarray[Any, Any]] | None = None

    @classmethod
    def of_rows(cls, book: Book, source: ChartCache, mentions: np.ndarray[Any, Any]) -> ChartCache:
        """The cache of ``book``, whose mentions are the rows of ``source.book``'s where the boolean
        ``mentions`` is True (a filtered Book): its codes are taken from ``source``'s (coded there once)."""
        mask = np.asarray(mentions, dtype=bool)
        if len(mask) != len(source.book.mentions):
            raise ChartError(
                f"{len(mask):,} rows in the mentions mask; the source Book has {len(source.book.mentions):,}."
            )
        cache = cls(book)
        cache._source = (source, mask)
        return cache

    def _get(self, key: str, make: Callable[[], Codes]) -> Codes:
        if key not in self._values:
            codes, values = make()
            codes.flags.writeable = False
            values.flags.writeable = False
            self._values[key] = (codes, values)
        return self._values[key]

    def _mention_codes(self, key: str, column: str) -> Codes:
        source = self._source

        def make() -> Codes:
            if source is None:
                return codes_of(self.book.mentions[column])
            codes, values = getattr(source[0], key)()
            return selected_codes(codes, values, source[1])

        return self._get(key, make)

    def mention_entities(self) -> Codes:
        """Per mention, the code of its entity (-1: none); and the entity ids, by code."""
        return self._mention_codes("mention_entities", "entity_id")

    def mention_docs(self) -> Codes:
        """Per mention, the code of its document (-1: none); and the document ids, by code."""
        return self._mention_codes("mention_docs", "doc_id")

    def n_mentions(self) -> int:
        """How many mentions the Book has (counted from the source's mask: the table is not read)."""
        if self._source is None:
            return len(self.book.mentions)
        return int(np.count_nonzero(self._source[1]))

    def mention_sentences(self) -> np.ndarray[Any, Any]:
        """Per mention, the number of its sentence (int64)."""
        if "mention_sentences" not in self._arrays:
            if self._source is None:
                out = self.book.mentions["sentence"].to_numpy(dtype=np.int64)
            else:
                out = self._source[0].mention_sentences()[self._source[1]]
            out.flags.writeable = False
            self._arrays["mention_sentences"] = out
        return self._arrays["mention_sentences"]

    def __repr__(self) -> str:
        return f"<ChartCache of {self.book!r}: {', '.join([*self._values, *self._arrays]) or 'nothing yet'}>"


def selected_codes(codes: np.ndarray[Any, Any], values: np.ndarray[Any, Any], mask: np.ndarray[Any, Any]) -> Codes:
    """``(codes, values)`` of a column (as :func:`~workbook.charts._text.codes_of` gives them) for its rows
    where ``mask`` is True: what ``codes_of`` of those rows gives (values in order of first appearance, the
    values of no row dropped), from integers alone."""
    sub = codes[mask]
    seen = pd.unique(sub[sub >= 0])  # in order of first appearance
    renumber = np.full(len(values) + 1, -1, dtype=np.int64)  # the last slot: -1 stays -1
    renumber[seen] = np.arange(len(seen))
    return renumber[sub], np.asarray(values[seen], dtype=object)


def cache_for(book: Book, cache: ChartCache | None) -> ChartCache:
    """``cache`` when it was made for ``book``, a new cache when None; raises :class:`ChartError` for the
    cache of another Book."""
    if cache is None:
        return ChartCache(book)
    if cache.book is not book:
        raise ChartError("This ChartCache was made for another Book: make one per Book, ChartCache(book).")
    return cache
