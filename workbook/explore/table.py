"""The explorer's table of filtered rows, as pure data: which rows, in which order, which page, every cell
HTML-escaped. The table widget only shows a :class:`TablePage` and reports clicks.

A :class:`TableSource` is built once per Book and table kind (claims, events, mentions, documents): the
display columns with sortable raw values, and per column (lazily, then kept) the row order. A filter
change then costs only a boolean selection over that order, whatever the size of the table: the
filtered rows come as a mask over the Book's rows (``FilterMasks`` from the filter layer).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from workbook.book import Book
from workbook.charts.common import doc_titles, entity_labels, is_missing
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
#: Longest text shown in a cell (the reader shows the whole document).
CELL_CHARS = 240


@dataclass(frozen=True)
class TableColumn:
    """A shown column: ``key`` in the source frame, its header ``label`` and ``kind`` (text, number, date)."""

    key: str
    label: str
    kind: str = "text"

    def to_dict(self) -> dict[str, str]:
        return {"key": self.key, "label": self.label, "kind": self.kind}


def _names(book: Book) -> tuple[dict[str, str], dict[str, str]]:
    return doc_titles(book.documents), entity_labels(book.entities)


def _map(values: pd.Series, lookup: Mapping[str, str]) -> pd.Series:
    return values.astype(str).map(lookup).fillna(values.astype(str))


def _claims(book: Book) -> tuple[pd.DataFrame, list[TableColumn]]:
    titles, names = _names(book)
    c = book.claims
    published = pd.Series(book.documents["published"].to_numpy(), index=book.documents["doc_id"].astype(str))
    pub = pd.Series(published.reindex(c["doc_id"].astype(str)).to_numpy(), index=c.index)
    speaker = c["speaker_id"].astype(object).map(lambda v: names.get(v, v) if isinstance(v, str) else None)
    speaker = speaker.where(speaker.notna(), c["speaker_text"].astype(object))
    frame = pd.DataFrame(
        {
            "document": _map(c["doc_id"], titles),
            "published": pub,
            "speaker": speaker,
            "quote_kind": c["quote_kind"],
            "confidence": c["confidence"],
            "hedge": c["hedge"].astype(object),
            "text": c["text"].astype(object),
        }
    )
    cols = [
        TableColumn("document", "Document"),
        TableColumn("published", "Published", "date"),
        TableColumn("speaker", "Speaker"),
        TableColumn("quote_kind", "Kind"),
        TableColumn("confidence", "Confidence"),
        TableColumn("hedge", "Hedge"),
        TableColumn("text", "Claim"),
    ]
    return frame, cols


def _events(book: Book) -> tuple[pd.DataFrame, list[TableColumn]]:
    titles, _ = _names(book)
    v = book.events
    frame = pd.DataFrame(
        {
            "date_start": v["date_start"],
            "date_end": v["date_end"],
            "precision": v["precision"],
            "text": v["text"].astype(object),
            "kind": v["kind"].astype(object),
            "context": v["context"].astype(object),
            "document": _map(v["doc_id"], titles),
        }
    )
    cols = [
        TableColumn("date_start", "From", "date"),
        TableColumn("date_end", "To", "date"),
        TableColumn("precision", "Precision"),
        TableColumn("text", "Expression"),
        TableColumn("kind", "Kind"),
        TableColumn("context", "Sentence"),
        TableColumn("document", "Document"),
    ]
    return frame, cols


def _mentions(book: Book) -> tuple[pd.DataFrame, list[TableColumn]]:
    titles, names = _names(book)
    m = book.mentions
    types = dict(zip(book.entities["entity_id"].astype(str), book.entities["type"].astype(str), strict=True))
    frame = pd.DataFrame(
        {
            "entity": _map(m["entity_id"], names),
            "type": _map(m["entity_id"], types),
            "surface": m["surface"].astype(object),
            "document": _map(m["doc_id"], titles),
            "sentence": m["sentence"].astype("int64"),
        }
    )
    cols = [
        TableColumn("entity", "Entity"),
        TableColumn("type", "Type"),
        TableColumn("surface", "As written"),
        TableColumn("document", "Document"),
        TableColumn("sentence", "Sentence", "number"),
    ]
    return frame, cols


def _documents(book: Book) -> tuple[pd.DataFrame, list[TableColumn]]:
    d = book.documents
    frame = pd.DataFrame(
        {
            "title": d["title"].astype(object),
            "publisher": d["publisher"].astype(object),
            "published": d["published"],
            "n_chars": d["n_chars"].astype("int64"),
            "source": d["source"].astype(object),
        }
    )
    cols = [
        TableColumn("title", "Title"),
        TableColumn("publisher", "Publisher"),
        TableColumn("published", "Published", "date"),
        TableColumn("n_chars", "Characters", "number"),
        TableColumn("source", "Source"),
    ]
    return frame, cols


_BUILDERS = {"claims": _claims, "events": _events, "mentions": _mentions, "documents": _documents}


@dataclass(eq=False)
class TableSource:
    """One table kind of one Book, ready to be sorted and paged (build with :meth:`build`)."""

    kind: str
    columns: tuple[TableColumn, ...]
    frame: pd.DataFrame
    ids: np.ndarray[Any, Any]
    doc_ids: np.ndarray[Any, Any]
    spans: np.ndarray[Any, Any]
    _orders: dict[str, tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, book: Book, kind: str) -> TableSource:
        if kind not in TABLE_KINDS:
            raise TableError(f"unknown table {kind!r}; the tables are {', '.join(TABLE_KINDS)}.")
        df = book.table(kind)
        frame, cols = _BUILDERS[kind](book)
        if kind == "documents":
            spans = np.zeros((len(df), 2), dtype=np.int64)
        else:
            spans = np.column_stack([df["start"].to_numpy(dtype=np.int64), df["end"].to_numpy(dtype=np.int64)])
        return cls(
            kind=kind,
            columns=tuple(cols),
            frame=frame.reset_index(drop=True),
            ids=df[TABLE_KINDS[kind]].astype(str).to_numpy(dtype=object),
            doc_ids=df["doc_id"].astype(str).to_numpy(dtype=object),
            spans=spans,
        )

    def __len__(self) -> int:
        return len(self.frame)

    def column(self, key: str) -> TableColumn:
        for c in self.columns:
            if c.key == key:
                return c
        raise TableError(
            f"table {self.kind!r} has no column {key!r}; its columns are {', '.join(c.key for c in self.columns)}."
        )

    def order(self, key: str) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """(row positions sorted ascending by column ``key`` with missing values last, is-missing flags in
        that order); computed once per column. Text sorts case-insensitively, categories (confidence bands,
        quote kinds, precisions) in their declared order; ties keep the Book's order."""
        if key not in self._orders:
            col = self.column(key)
            s = self.frame[key]
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
    sub = source.frame.iloc[shown]
    rows = [
        [_cell(v, c.kind) for c, v in zip(source.columns, vals, strict=True)]
        for vals in sub[[c.key for c in source.columns]].itertuples(index=False, name=None)
    ]
    return TablePage(
        kind=source.kind,
        columns=source.columns,
        rows=rows,
        row_ids=[str(v) for v in source.ids[shown]],
        doc_ids=[str(v) for v in source.doc_ids[shown]],
        spans=[(int(a), int(b)) for a, b in source.spans[shown]],
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
