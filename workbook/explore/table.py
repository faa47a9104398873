"""The explorer's table of filtered rows, as pure data: which rows, in which order, which page, every cell
HTML-escaped. The table widget only shows a :class:`TablePage` and reports clicks.

A :class:`TableSource` is made once per Book and table kind (claims, events, mentions, documents). A page
computes its display cells (document titles, speaker names, ...) from its own rows only, so showing a
table of a million claims costs one page; a column's row order is computed (then kept) on the first sort
by it. A filter change then costs only a boolean selection over that order, whatever the size of the
table: the filtered rows come as a mask over the Book's rows (``FilterMasks`` from the filter layer).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from workbook.book import Book
from workbook.charts.common import entity_labels, index_in, is_missing
from workbook.errors import TableError

__all__ = [
    "TABLE_KINDS",
    "TableColumn",
    "TableError",
    "TablePage",
    "TableSource",
    "TableState",
    "next_sort",
    "table_page",
    "table_state_after",
]

#: The tables the explorer can list, with the id column of each.
TABLE_KINDS: dict[str, str] = {
    "claims": "claim_id",
    "events": "event_id",
    "mentions": "mention_id",
    "documents": "doc_id",
}
#: The id column of the tables whose rows a cell looks up.
TABLE_IDS: dict[str, str] = {"documents": "doc_id", "entities": "entity_id"}
#: Longest text shown in a cell (the reader shows the whole document).
CELL_CHARS = 240
#: Up to this many rows (a page) are taken from an Arrow column chunk by chunk.
_FEW_ROWS = 1000


@dataclass(frozen=True)
class TableColumn:
    """A shown column: ``key`` in the source frame, its header ``label`` and ``kind`` (text, number, date)."""

    key: str
    label: str
    kind: str = "text"

    def to_dict(self) -> dict[str, str]:
        return {"key": self.key, "label": self.label, "kind": self.kind}


#: The shown columns of each table kind.
_COLUMNS: dict[str, tuple[TableColumn, ...]] = {
    "claims": (
        TableColumn("document", "Document"),
        TableColumn("published", "Published", "date"),
        TableColumn("speaker", "Speaker"),
        TableColumn("quote_kind", "Kind"),
        TableColumn("confidence", "Confidence"),
        TableColumn("hedge", "Hedge"),
        TableColumn("text", "Claim"),
    ),
    "events": (
        TableColumn("date_start", "From", "date"),
        TableColumn("date_end", "To", "date"),
        TableColumn("precision", "Precision"),
        TableColumn("text", "Expression"),
        TableColumn("kind", "Kind"),
        TableColumn("context", "Sentence"),
        TableColumn("document", "Document"),
    ),
    "mentions": (
        TableColumn("entity", "Entity"),
        TableColumn("type", "Type"),
        TableColumn("surface", "As written"),
        TableColumn("document", "Document"),
        TableColumn("sentence", "Sentence", "number"),
    ),
    "documents": (
        TableColumn("title", "Title"),
        TableColumn("publisher", "Publisher"),
        TableColumn("published", "Published", "date"),
        TableColumn("n_chars", "Characters", "number"),
        TableColumn("source", "Source"),
    ),
}
_OBJ, _INT = np.dtype(object), np.dtype(np.int64)
#: Shown columns that are the table's column of that name, as it is (None) or as this dtype.
_RAW: dict[str, dict[str, np.dtype[Any] | None]] = {
    "claims": {"quote_kind": None, "confidence": None, "hedge": _OBJ, "text": _OBJ},
    "events": {"date_start": None, "date_end": None, "precision": None, "text": _OBJ, "kind": _OBJ, "context": _OBJ},
    "mentions": {"surface": _OBJ, "sentence": _INT},
    "documents": {"title": _OBJ, "publisher": _OBJ, "published": None, "n_chars": _INT, "source": _OBJ},
}


def _at(column: pd.Series, rows: np.ndarray[Any, Any] | None) -> pd.Series:
    """``column`` at positions ``rows`` (all rows when None), with a fresh RangeIndex. An Arrow column of
    several chunks is taken from chunk by chunk: Arrow's take over the whole column joins its chunks first
    (30-300 ms for a page of a million-row text column; well under 1 ms this way)."""
    if rows is None:
        return column.reset_index(drop=True)
    chunked = getattr(column.array, "_pa_array", None)
    if not isinstance(chunked, pa.ChunkedArray) or chunked.num_chunks < 2 or len(rows) > _FEW_ROWS:
        return column.iloc[rows].reset_index(drop=True)
    rows = np.asarray(rows, dtype=np.int64)
    rows = np.where(rows < 0, rows + len(column), rows)
    bounds = np.cumsum([0, *(len(c) for c in chunked.chunks)])
    which = np.searchsorted(bounds, rows, side="right") - 1
    order = np.argsort(which, kind="stable")
    parts = [chunked.chunk(int(k)).take(pa.array(rows[order][which[order] == k] - bounds[k])) for k in np.unique(which)]
    back = np.empty(len(order), dtype=np.int64)
    back[order] = np.arange(len(order))
    taken = pa.chunked_array(parts, type=chunked.type).take(pa.array(back))
    return pd.Series(taken, dtype=column.dtype)


@dataclass(eq=False)
class _Cells:
    """Computes the shown columns of one table kind of a Book, for some rows (None: all of them)."""

    book: Book
    kind: str
    _labels: dict[str, str] | None = None
    _keys: dict[str, pd.Index] = field(default_factory=dict)

    @property
    def labels(self) -> dict[str, str]:
        """entity_id -> display name (the entities table is small: made once, on first use)."""
        if self._labels is None:
            self._labels = entity_labels(self.book.entities)
        return self._labels

    def rows_of(self, name: str, keys: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """The row of table ``name`` (documents or entities) of each of ``keys`` (its id), -1 for none: a
        page's few keys through an index of the table's ids made once (no pass over the table per page)."""
        table, id_column = self.book.table(name), TABLE_IDS[name]
        if not len(table) or not len(keys):
            return np.full(len(keys), -1, dtype=np.int64)
        if len(keys) > _FEW_ROWS:
            return index_in(keys, table[id_column].astype(str))
        if name not in self._keys:
            self._keys[name] = pd.Index(table[id_column].astype(str).to_numpy(dtype=object), dtype=object)
        index = self._keys[name]
        if not index.is_unique:
            return index_in(keys, table[id_column].astype(str))
        return np.asarray(index.get_indexer(pd.Index(keys, dtype=object)), dtype=np.int64)

    def lookup(self, keys: pd.Series, name: str, values: pd.Series) -> pd.Series:
        """``keys`` (as strings) mapped to ``values`` (as strings) of their row of table ``name``, the key
        itself where there is none (``keys.astype(str).map(dict(zip(ids, values.astype(str))))``)."""
        k = keys.astype(str).to_numpy(dtype=object)
        out = k.copy()
        pos = self.rows_of(name, k)
        found = np.flatnonzero(pos >= 0)
        out[found] = values.iloc[pos[found]].astype(str).to_numpy(dtype=object)
        return pd.Series(out, dtype=object)

    def column(self, key: str, rows: np.ndarray[Any, Any] | None) -> pd.Series:
        table = self.book.table(self.kind)
        if key in _RAW[self.kind]:
            dtype, s = _RAW[self.kind][key], _at(table[key], rows)
            return s if dtype is None else s.astype(dtype)
        docs = self.book.documents
        if key == "document":
            return self.lookup(_at(table["doc_id"], rows), "documents", docs["title"])
        if key == "published":  # a claim's document's publication date
            pos = self.rows_of("documents", _at(table["doc_id"], rows).astype(str).to_numpy(dtype=object))
            published = np.append(docs["published"].to_numpy(dtype="datetime64[s]"), np.datetime64("NaT", "s"))
            return pd.Series(published[pos], dtype="datetime64[s]")
        if key == "speaker":
            names = self.labels
            sid = _at(table["speaker_id"], rows).astype(object)
            speaker = sid.map(lambda v: names.get(v, v) if isinstance(v, str) else None)
            return speaker.where(speaker.notna(), _at(table["speaker_text"], rows).astype(object))
        if key == "entity":
            entity_ids = _at(table["entity_id"], rows).astype(str)
            return entity_ids.map(self.labels).fillna(entity_ids)
        if key == "type":
            return self.lookup(_at(table["entity_id"], rows), "entities", self.book.entities["type"])
        raise TableError(f"table {self.kind!r} has no column {key!r}.")  # pragma: no cover - _COLUMNS lists them

    def frame(self, rows: np.ndarray[Any, Any] | None) -> pd.DataFrame:
        return pd.DataFrame({c.key: self.column(c.key, rows) for c in _COLUMNS[self.kind]})


@dataclass(eq=False)
class TableSource:
    """One table kind of one Book, ready to be sorted and paged (build with :meth:`build`). Nothing is
    computed for all rows until it sorts by a column: a page computes its cells from its own rows (so a table
    of a million claims costs one page to show), and a column's order is computed on the first sort by it."""

    kind: str
    columns: tuple[TableColumn, ...]
    book: Book
    _cells: _Cells = field(repr=False)
    _orders: dict[str, tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, book: Book, kind: str) -> TableSource:
        if kind not in TABLE_KINDS:
            raise TableError(f"unknown table {kind!r}; the tables are {', '.join(TABLE_KINDS)}.")
        return cls(kind=kind, columns=_COLUMNS[kind], book=book, _cells=_Cells(book, kind))

    def __len__(self) -> int:
        return len(self.book.table(self.kind))

    def column(self, key: str) -> TableColumn:
        for c in self.columns:
            if c.key == key:
                return c
        raise TableError(
            f"table {self.kind!r} has no column {key!r}; its columns are {', '.join(c.key for c in self.columns)}."
        )

    def cells(self, rows: np.ndarray[Any, Any]) -> pd.DataFrame:
        """The shown columns (raw values) of the rows at positions ``rows``."""
        return self._cells.frame(np.asarray(rows, dtype=np.int64))

    def ids(self, rows: np.ndarray[Any, Any]) -> list[str]:
        """The ids of the rows at ``rows`` (claim_id, event_id, ...)."""
        return [str(v) for v in _at(self.book.table(self.kind)[TABLE_KINDS[self.kind]], rows)]

    def doc_ids(self, rows: np.ndarray[Any, Any]) -> list[str]:
        return [str(v) for v in _at(self.book.table(self.kind)["doc_id"], rows)]

    def spans(self, rows: np.ndarray[Any, Any]) -> list[tuple[int, int]]:
        """(start, end) of the rows at ``rows`` ((0, 0) for documents)."""
        if self.kind == "documents":
            return [(0, 0)] * len(rows)
        df = self.book.table(self.kind)
        starts, ends = _at(df["start"], rows).astype("int64"), _at(df["end"], rows).astype("int64")
        return [(int(a), int(b)) for a, b in zip(starts, ends, strict=True)]

    def order(self, key: str) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """(row positions sorted ascending by column ``key`` with missing values last, is-missing flags in
        that order); computed once per column. Text sorts case-insensitively, categories (confidence bands,
        quote kinds, precisions) in their declared order; ties keep the Book's order."""
        if key not in self._orders:
            col = self.column(key)
            s = self._cells.column(key, None)
            missing = s.isna().to_numpy()
            if isinstance(s.dtype, pd.CategoricalDtype):  # declared order: confidence bands, precisions, ...
                s = pd.Series(s.cat.codes.to_numpy(), index=s.index)
            elif col.kind == "text":
                s = s.astype(object).where(~missing, "").map(lambda v: str(v).lower())
            values = s.to_numpy()
            if col.kind == "date":
                values = pd.to_datetime(s).to_numpy(dtype="datetime64[s]").astype(np.int64)
            order = np.argsort(values, kind="stable")
            order = np.concatenate([order[~missing[order]], order[missing[order]]])
            self._orders[key] = (order, missing[order])
        return self._orders[key]


@dataclass(frozen=True)
class TablePage:
    """One page of a table: escaped cells, the rows' ids, documents and spans, and where it stands."""

    kind: str
    columns: tuple[TableColumn, ...]
    rows: list[list[str]]
    row_ids: list[str]
    doc_ids: list[str]
    spans: list[tuple[int, int]]
    total: int
    page: int
    n_pages: int
    sort_by: str
    descending: bool

    def target(self, row_id: str) -> tuple[str, str] | None:
        """(doc_id, row id to select in the reader) for a row of this page, or None when it is not here."""
        if row_id not in self.row_ids:
            return None
        doc_id = self.doc_ids[self.row_ids.index(row_id)]
        return doc_id, "" if self.kind == "documents" else row_id


def _cell(value: Any, kind: str) -> str:
    if is_missing(value):
        return ""
    if kind == "date":
        return f"{pd.Timestamp(value):%Y-%m-%d}"
    if kind == "number":
        return f"{value:,}" if isinstance(value, int | np.integer) else html.escape(str(value))
    s = " ".join(str(value).split())
    if len(s) > CELL_CHARS:
        s = s[: CELL_CHARS - 1].rstrip() + "…"
    return html.escape(s, quote=True)


def table_page(
    source: TableSource,
    keep: np.ndarray[Any, Any] | None,
    sort_by: str = "",
    descending: bool = False,
    page: int = 0,
    page_size: int = 25,
) -> TablePage:
    """Page ``page`` (0-based, clamped) of the rows of ``source`` where ``keep`` (a boolean mask over the
    Book's rows; None keeps all) is True, sorted by ``sort_by`` (the Book's order when empty)."""
    if page_size < 1:
        raise TableError(f"page_size must be at least 1, got {page_size}.")
    n = len(source)
    mask = np.ones(n, dtype=bool) if keep is None else np.asarray(keep, dtype=bool)
    if len(mask) != n:
        raise TableError(f"the row mask has {len(mask)} rows but table {source.kind!r} has {n}.")
    if sort_by:
        order, missing = source.order(sort_by)
        sel = mask[order]
        positions, gaps = order[sel], missing[sel]
        if descending:
            positions = np.concatenate([positions[~gaps][::-1], positions[gaps]])
    else:
        positions = np.flatnonzero(mask)
    total = len(positions)
    n_pages = max(1, -(-total // page_size))
    page = min(max(int(page), 0), n_pages - 1)
    shown = positions[page * page_size : (page + 1) * page_size]
    sub = source.cells(shown)
    rows = [
        [_cell(v, c.kind) for c, v in zip(source.columns, vals, strict=True)]
        for vals in sub[[c.key for c in source.columns]].itertuples(index=False, name=None)
    ]
    return TablePage(
        kind=source.kind,
        columns=source.columns,
        rows=rows,
        row_ids=source.ids(shown),
        doc_ids=source.doc_ids(shown),
        spans=source.spans(shown),
        total=total,
        page=page,
        n_pages=n_pages,
        sort_by=sort_by,
        descending=descending,
    )


def next_sort(sort_by: str, descending: bool, clicked: str) -> tuple[str, bool]:
    """The sort after a click on header ``clicked``: a new column sorts ascending; the same column flips
    to descending, then back to the Book's order."""
    if clicked != sort_by:
        return clicked, False
    if not descending:
        return clicked, True
    return "", False


@dataclass(frozen=True)
class TableState:
    """What the table shows, apart from the filter: which table, sorted how, which page, which row."""

    kind: str = "claims"
    sort_by: str = ""
    descending: bool = False
    page: int = 0
    page_size: int = 25
    selected: str = ""


def table_state_after(state: TableState, message: Mapping[str, Any]) -> TableState:
    """The state after a message from the table (``{"type": "sort", "column": key}``, ``{"type": "page",
    "page": n}``, ``{"type": "select", "row_id": id}``, ``{"type": "kind", "kind": name}``,
    ``{"type": "page_size", "page_size": n}``); raises :class:`TableError` for anything else."""
    kind = message.get("type")
    if kind == "sort":
        column = message.get("column")
        if not isinstance(column, str) or not column:
            raise TableError(f"a sort message names a column, got {column!r}.")
        sort_by, descending = next_sort(state.sort_by, state.descending, column)
        return replace(state, sort_by=sort_by, descending=descending, page=0)
    if kind == "page":
        page = message.get("page")
        if isinstance(page, bool) or not isinstance(page, int):
            raise TableError(f"a page message carries a page number, got {page!r}.")
        return replace(state, page=max(page, 0))
    if kind == "page_size":
        size = message.get("page_size")
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise TableError(f"a page_size message carries a positive number, got {size!r}.")
        return replace(state, page_size=size, page=0)
    if kind == "select":
        row_id = message.get("row_id")
        if not isinstance(row_id, str):
            raise TableError(f"a select message carries a row id, got {row_id!r}.")
        return replace(state, selected=row_id)
    if kind == "kind":
        name = message.get("kind")
        if name not in TABLE_KINDS:
            raise TableError(f"unknown table {name!r}; the tables are {', '.join(TABLE_KINDS)}.")
        if name == state.kind:
            return state
        return replace(state, kind=str(name), sort_by="", descending=False, page=0, selected="")
    raise TableError(f"unknown table message {kind!r}.")
