"""A Book whose tables are row selections of another Book's, made into DataFrames when read.

:func:`workbook.filtering.apply` returns a :class:`SelectedBook`: it holds, per filtered table, the
source DataFrame and the positions of the surviving rows (plus recomputed columns, e.g. the
entities' counts), and builds the DataFrame the first time the table is read. A broad filter then
costs no more than a narrow one until a table is used, and a view that reads only the mentions
pays only for the mentions.

A SelectedBook is a :class:`~workbook.book.Book` in every respect: attribute access
(``view.mentions``), :meth:`~workbook.book.Book.table`, :meth:`~workbook.book.Book.counts` (from the
selections, without building a table), :meth:`~workbook.book.Book.with_tables` (the untouched
tables stay selections), ``dataclasses.replace`` and ``copy`` (which read, hence build, every
table) and pickling (which builds every table first, so a pickle never carries the unfiltered
source tables). A table once built is kept, so reading it again is free and returns the same
DataFrame.

How a table is built: all rows selected -> the source DataFrame itself (as eager ``apply`` did);
one contiguous run of rows -> a zero-copy slice (``iloc[a:b]``, a view under copy-on-write);
otherwise ``DataFrame.take`` (Arrow-backed columns take through Arrow).

:class:`RecentViews` keeps the last few filtered Books of a Book by their spec (``apply`` keeps one on
every Book, through :meth:`~workbook.book.Book.memo`): asking again for a spec asked recently returns
the same filtered Book, with the tables already read already built. A Book never changes, so these
never go stale; a Book with other tables starts with none.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from workbook.book import TABLE_NAMES, Book

__all__ = ["RecentViews", "RowSelection", "SelectedBook", "table_columns"]

_TABLES = frozenset(TABLE_NAMES)


@dataclass(frozen=True, eq=False)
class RowSelection:
    """Rows ``positions`` (ascending int64 positions; None = every row) of ``source``, with the
    columns of ``assign`` (arrays aligned with the selected rows) replacing the source's."""

    source: pd.DataFrame
    positions: np.ndarray[Any, np.dtype[np.int64]] | None = None
    assign: Mapping[str, np.ndarray[Any, Any]] = field(default_factory=dict)

    @classmethod
    def of_mask(
        cls, source: pd.DataFrame, mask: np.ndarray[Any, Any], assign: Mapping[str, np.ndarray[Any, Any]] | None = None
    ) -> RowSelection:
        """The rows of ``source`` where the boolean ``mask`` is True."""
        positions = None if bool(mask.all()) else np.flatnonzero(mask)
        return cls(source, positions, dict(assign or {}))

    def __len__(self) -> int:
        return len(self.source) if self.positions is None else len(self.positions)

    def materialise(self) -> pd.DataFrame:
        """The selected rows as a DataFrame with a fresh RangeIndex (the source itself when every
        row is selected and nothing is assigned)."""
        pos = self.positions
        if pos is None:
            df = self.source
        elif len(pos) and int(pos[-1]) - int(pos[0]) + 1 == len(pos):  # one run: a zero-copy slice
            df = self.source.iloc[int(pos[0]) : int(pos[-1]) + 1].reset_index(drop=True)
        else:
            df = self.source.take(pos).reset_index(drop=True)
        return df.assign(**self.assign) if self.assign else df


@dataclass(frozen=True, eq=False, repr=False)  # Book.__repr__: counts, no table built
class SelectedBook(Book):
    """A :class:`Book` some of whose tables are :class:`RowSelection` s, built when first read
    (see the module docstring). Make one with :meth:`from_selections`."""

    _pending: dict[str, RowSelection] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def from_selections(cls, base: Book, selections: Mapping[str, RowSelection]) -> SelectedBook:
        """``base`` with the tables in ``selections`` replaced by those row selections (nothing is
        copied now). Tables of ``base`` that are themselves still pending stay pending."""
        for name in selections:
            if name not in _TABLES:
                raise KeyError(f"No table {name!r}; the tables are {', '.join(TABLE_NAMES)}.")
        pending = dict(base._pending) if isinstance(base, SelectedBook) else {}
        pending.update(selections)
        book = cls.__new__(cls)
        state: dict[str, Any] = {n: getattr(base, n) for n in TABLE_NAMES if n not in pending}
        state.update(manifest=base.manifest, workspace=base.workspace, _memo={}, _pending=pending)
        book.__dict__.update(state)
        return book

    def __getattr__(self, name: str) -> Any:
        # Only called when normal lookup fails: a table still pending is not in the instance dict.
        if name in _TABLES:
            pending = self.__dict__.get("_pending", {})
            selection = pending.get(name)
            if selection is not None:
                df = selection.materialise()
                df = self.__dict__.setdefault(name, df)  # frozen: set once, behind the dataclass's back
                pending.pop(name, None)  # two threads reading at once both get the first one stored
                return df
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def pending(self) -> tuple[str, ...]:
        """Names of the tables not built yet."""
        return tuple(n for n in TABLE_NAMES if n in self._pending)

    def counts(self) -> dict[str, int]:
        """Row count of every table (pending tables are counted from their selections, not built)."""
        return {n: len(self._pending[n]) if n in self._pending else len(self.table(n)) for n in TABLE_NAMES}

    def with_tables(self, **tables: pd.DataFrame) -> Book:
        """A copy of this Book with some tables replaced; the other pending tables stay pending."""
        for name in tables:
            if name not in _TABLES:
                raise TypeError(f"with_tables() got an unexpected table {name!r}")
        book = SelectedBook.from_selections(self, {})
        book.__dict__.update(tables)
        for name in tables:
            book._pending.pop(name, None)
        return book

    def __getstate__(self) -> dict[str, Any]:
        for name in self.pending:
            getattr(self, name)  # pickles and copies carry DataFrames, not the source tables
        state = super().__getstate__()
        state["_pending"] = {}
        return state


def table_columns(book: Book, name: str, columns: list[str]) -> pd.DataFrame:
    """``columns`` of ``book``'s table ``name`` (those it has, in its order): of a :class:`SelectedBook`'s table
    not built yet, only those columns are taken (the table stays pending), so a reader of a few columns of a
    filtered Book does not pay for the others (a timeline's counts need dates, not the events' texts)."""
    selection = book._pending.get(name) if isinstance(book, SelectedBook) else None
    if selection is None:
        df = book.table(name)
        return df[[c for c in df.columns if c in columns]]
    keep = [c for c in selection.source.columns if c in columns]
    assign = {k: v for k, v in selection.assign.items() if k in columns}
    return RowSelection(selection.source[keep], selection.positions, assign).materialise()


class RecentViews:
    """The ``size`` most recently used filtered Books of one Book, by key (a spec): see the module
    docstring. Safe to share between threads."""

    def __init__(self, size: int) -> None:
        if size < 0:
            raise ValueError(f"size must be 0 or more; got {size}")
        self.size = size
        self._views: OrderedDict[Hashable, Book] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._views)

    def get(self, key: Hashable, make: Callable[[], Book]) -> Book:
        """The Book kept under ``key``, or ``make()``'s, kept (the least recently used one is dropped
        beyond ``size``)."""
        with self._lock:
            view = self._views.get(key)
            if view is not None:
                self._views.move_to_end(key)
                return view
        view = make()  # outside the lock: two threads may both make it; the first one kept wins
        with self._lock:
            view = self._views.setdefault(key, view)
            self._views.move_to_end(key)
            while len(self._views) > self.size:
                self._views.popitem(last=False)
        return view
