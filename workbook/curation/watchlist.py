"""Analyst watchlists, where the analyst's work is documented: the watchlist itself is read and
matched by the extractor, so it lives in :mod:`workbook.extract.watchlist` (the extractor must not
import the analyst layer above it); every name stays importable from here."""

from __future__ import annotations

from workbook.extract.watchlist import (
    DEFAULT_UNCERTAINTY_KM,
    TYPE_OF_SCHEMA,
    Watchlist,
    WatchlistEntry,
    load_watchlist,
    watchlist_from_ftm,
    write_watchlist,
)

__all__ = [
    "DEFAULT_UNCERTAINTY_KM",
    "TYPE_OF_SCHEMA",
    "Watchlist",
    "WatchlistEntry",
    "load_watchlist",
    "watchlist_from_ftm",
    "write_watchlist",
]
