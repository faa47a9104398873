"""The Book the explorer's views are drawn from: the Book's rows, but only the columns the views read.

A filtered Book (:func:`workbook.filtering.apply`) copies a table's every column when it is first read: at
100,000 documents a broad filter took seconds to copy the documents' texts and the mentions' ids, which no
view reads. The views are drawn instead from :func:`views_source` (the Book with, of its big tables, only
the columns the views' charts read: :func:`workbook.charts.catalog.chart_columns`) narrowed by the filter's
row masks (:func:`views_book`), with a :class:`~workbook.charts.ChartCache` that takes the mentions' codes
from the unfiltered Book's (:func:`views_cache`). The figures are the same as drawn from the filtered Book.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbook.book import Book
from workbook.charts import ChartCache
from workbook.charts.catalog import chart_columns
from workbook.filtering import FILTERED_TABLES, FilterMasks
from workbook.lazybook import SelectedBook

__all__ = ["views_book", "views_cache", "views_source"]


def views_source(book: Book, views: Iterable[str]) -> Book:
    """``book`` with, of its big tables, only the columns the charts ``views`` read (no copy: column
    selections share the Book's data)."""
    tables = {}
    for name, wanted in chart_columns(views).items():
        df = book.table(name)
        tables[name] = df[[c for c in df.columns if c in wanted]]
    return book.with_tables(**tables)


def views_book(source: Book, masks: FilterMasks | None) -> Book:
    """``source`` (a :func:`views_source`) narrowed to the rows of ``masks`` (masks of the Book it was made
    from; None: every row), as row selections built when read."""
    if masks is None:
        return source
    return SelectedBook.from_selections(source, {n: masks.selection(source, n) for n in FILTERED_TABLES})


def views_cache(book: Book, source_cache: ChartCache, masks: FilterMasks | None) -> ChartCache:
    """The chart cache of ``book`` (:func:`views_book` of ``source_cache.book`` and ``masks``): the source's
    own when nothing is filtered, else one taking its codes from the source's."""
    if masks is None:
        return source_cache
    return ChartCache.of_rows(book, source_cache, masks.mentions)
