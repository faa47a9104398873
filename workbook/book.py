"""The Book: one workspace's tables in memory, as pandas DataFrames.

A Book is an immutable value: filtering (``workbook.filters.apply``) returns a new Book whose
tables are consistent subsets of the original. It holds no widgets and does no I/O; reading and
writing workspaces is :mod:`workbook.workspace`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from workbook.model import TABLES, empty_frame

__all__ = ["TABLE_NAMES", "Book"]

TABLE_NAMES: tuple[str, ...] = tuple(TABLES)


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
