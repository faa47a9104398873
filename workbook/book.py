"""The Book: one workspace's tables in memory, as pandas DataFrames.

A Book is an immutable value: filtering (``workbook.filtering.apply``) returns a new Book whose
tables are consistent subsets of the original. It holds no widgets and does no I/O; reading and
writing workspaces is :mod:`workbook.workspace`'s job.

Values derived from a Book's tables (its filter index) are computed once, on first use, and kept
on the Book (:meth:`Book.memo`). A Book never changes, so they never go stale: a Book with other
tables (``with_tables``, ``dataclasses.replace``, curation re-applied) is a new Book that starts
with an empty cache. Pickling leaves the cache out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from workbook.model import TABLES, empty_frame

__all__ = ["TABLE_NAMES", "Book"]

TABLE_NAMES: tuple[str, ...] = tuple(TABLES)

_T = TypeVar("_T")


@dataclass(frozen=True, eq=False)
class Book:
    """The tables of a workspace. Every table has the columns declared in :mod:`workbook.model`."""

    documents: pd.DataFrame = field(default_factory=lambda: empty_frame("documents"))
    entities: pd.DataFrame = field(default_factory=lambda: empty_frame("entities"))
    mentions: pd.DataFrame = field(default_factory=lambda: empty_frame("mentions"))
    claims: pd.DataFrame = field(default_factory=lambda: empty_frame("claims"))
    events: pd.DataFrame = field(default_factory=lambda: empty_frame("events"))
    places: pd.DataFrame = field(default_factory=lambda: empty_frame("places"))
    build_issues: pd.DataFrame = field(default_factory=lambda: empty_frame("build_issues"))
    annotations: pd.DataFrame = field(default_factory=lambda: empty_frame("annotations"))
    manifest: dict[str, Any] = field(default_factory=dict)
    workspace: Path | None = None
    _memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def memo(self, key: str, make: Callable[[], _T]) -> _T:
        """The value cached on this Book under ``key``, made by ``make()`` the first time it is asked
        for (e.g. ``FilterIndex.of(book)``). A Book is immutable, so the value stays valid for its
        life; Books made from it with other tables start with an empty cache."""
        if key not in self._memo:
            self._memo[key] = make()
        value: _T = self._memo[key]
        return value

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_memo", None)  # derived values are rebuilt on demand, not pickled
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        object.__setattr__(self, "_memo", {})

    def table(self, name: str) -> pd.DataFrame:
        """The table called ``name`` (one of :data:`TABLE_NAMES`)."""
        if name not in TABLE_NAMES:
            raise KeyError(f"No table {name!r}; the tables are {', '.join(TABLE_NAMES)}.")
        df: pd.DataFrame = getattr(self, name)
        return df

    def with_tables(self, **tables: pd.DataFrame) -> Book:
        """A copy of this Book with some tables replaced."""
        return replace(self, **tables)  # type: ignore[arg-type]

    def counts(self) -> dict[str, int]:
        """Row count of every table."""
        return {name: len(self.table(name)) for name in TABLE_NAMES}

    def __repr__(self) -> str:
        where = f" at {self.workspace}" if self.workspace else ""
        parts = ", ".join(f"{k}={v}" for k, v in self.counts().items())
        return f"<Book{where}: {parts}>"
