"""Per-document rows streamed into column batches during a build, so memory grows with the output.

Extraction turns each document into a :class:`DocRows` (lists of row dicts:
hundreds of bytes of Python objects per row). Kept until assembly, those dicts dominated a build's
memory (740 MB for 5,000 synthetic articles, 6.85 GB for 100,000). Instead, the build hands every
document's rows to a :class:`RowCollector` as they come (engines deliver them batch by batch, see
:func:`iter_results`); every ``flush_docs`` documents the collector turns the buffered dicts into one
:class:`RowBatch` of DataFrames with the declared dtypes (Arrow-backed strings, categoricals, numpy
numbers) and drops the dicts. :func:`workbook.assemble.assemble_tables` concatenates the batches
(:func:`concat_rows`), in document order, into tables equal to those made from the dicts at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from workbook.labels import concat_frames
from workbook.lists import list_series
from workbook.model import conform
from workbook.rowspill import FrameSpill

__all__ = [
    "FLUSH_ROWS",
    "PRIVATE_COLUMNS",
    "PRIVATE_LIST_COLUMNS",
    "ROW_KINDS",
    "STREAM_CHARS",
    "DocRows",
    "RowBatch",
    "RowCollector",
    "concat_rows",
    "rows_frame",
]

#: The kinds of rows a document yields (the attributes of ``DocRows`` and :class:`RowBatch`).
ROW_KINDS: tuple[str, ...] = ("doc_entities", "doc_places", "mentions", "claims", "events")


@dataclass
class DocRows:
    """Rows derived from one document, ready to concatenate with other documents' rows."""

    doc_entities: list[dict[str, Any]] = field(default_factory=list)
    doc_places: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


#: Columns of the per-document private tables (kept in snapshots for incremental rebuilds); the other
#: kinds are the declared tables of the same name.
PRIVATE_COLUMNS: dict[str, list[str]] = {
    "doc_entities": ["doc_id", "entity_id", "name", "type", "aliases", "origin"],
    "doc_places": ["doc_id", "entity_id", "lat", "lon", "uncertainty_km", "coord_source", "source_name", "admin_area"],
}
#: The list columns of the private tables.
PRIVATE_LIST_COLUMNS: dict[str, tuple[str, ...]] = {"doc_entities": ("aliases",)}
#: An engine running in this process extracts batches of about this many characters of text, so
#: that the row dicts of one batch at most are alive at a time.
STREAM_CHARS = 500_000
#: Documents whose rows a :class:`RowCollector` buffers as dicts before making them columns (at most).
FLUSH_DOCS = 1024
#: Rows (of all kinds) a :class:`RowCollector` buffers as dicts before making them columns: a batch costs
#: about 6 ms of pandas per kind whatever its size, so batches of 256 documents (about 6,000 rows of KCNA
#: 2024) spent more on that than on their rows; 16k rows hold about 10 MB of dicts.
FLUSH_ROWS = 16_384


def rows_frame(kind: str, rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """Row dicts of one kind as a DataFrame: a declared table (``conform``) or a private table. List
    columns (the declared ones, and ``aliases`` of ``doc_entities``) become Arrow lists
    (:data:`workbook.lists.LIST_DTYPE`): one buffer per batch instead of one Python list per row."""
    if kind in PRIVATE_COLUMNS:
        df = pd.DataFrame(list(rows), columns=PRIVATE_COLUMNS[kind])
        for col in PRIVATE_LIST_COLUMNS.get(kind, ()):
            df[col] = list_series(df[col])
        return df
    return conform(kind, rows)


@dataclass(frozen=True, eq=False)
class RowBatch:
    """The rows of a run of documents, one DataFrame per kind (see :data:`ROW_KINDS`)."""

    doc_entities: pd.DataFrame
    doc_places: pd.DataFrame
    mentions: pd.DataFrame
    claims: pd.DataFrame
    events: pd.DataFrame
    n_docs: int

    @classmethod
    def of(cls, per_doc: Sequence[DocRows]) -> RowBatch:
        """One batch from several documents' rows, in order."""
        frames = {k: rows_frame(k, [r for d in per_doc for r in getattr(d, k)]) for k in ROW_KINDS}
        return cls(**frames, n_docs=len(per_doc))


class RowCollector:
    """Documents' rows in, column batches out: :meth:`add` each document's rows in order, then either
    :meth:`batches`, or :meth:`take` each kind once (a build does: the batches of a kind are dropped
    as soon as they are concatenated, so the batches and the tables are not both held whole). At
    most ``flush_docs`` documents' row dicts, or about ``flush_rows`` rows, are held at a time. With a ``spill``
    (:class:`workbook.rowspill.FrameSpill`, as a build gives it), each batch goes to disk as soon as it
    is made, and a kind's batches come back only when that kind is taken: the batches of the other kinds
    are not in memory meanwhile."""

    def __init__(
        self, flush_docs: int = FLUSH_DOCS, spill: FrameSpill | None = None, flush_rows: int = FLUSH_ROWS
    ) -> None:
        if flush_docs < 1:
            raise ValueError(f"flush_docs must be at least 1; got {flush_docs}.")
        if flush_rows < 1:
            raise ValueError(f"flush_rows must be at least 1; got {flush_rows}.")
        self.flush_docs = flush_docs
        self.flush_rows = flush_rows
        self._spill = spill
        self._buffer: list[DocRows] = []
        self._buffered_rows = 0
        self._frames: dict[str, list[pd.DataFrame]] = {k: [] for k in ROW_KINDS}
        self._n_docs: list[int] = []
        self._taken: set[str] = set()

    def add(self, rows: DocRows) -> None:
        """The rows of the next document."""
        if self._taken:
            raise ValueError(f"Rows were added after {sorted(self._taken)} were taken; add every document first.")
        self._buffer.append(rows)
        self._buffered_rows += (
            len(rows.doc_entities) + len(rows.doc_places) + len(rows.mentions) + len(rows.claims) + len(rows.events)
        )
        if len(self._buffer) >= self.flush_docs or self._buffered_rows >= self.flush_rows:
            self._flush()

    def add_batch(self, batch: RowBatch) -> None:
        """The rows of the next run of documents, already in columns (rows replayed from a workspace)."""
        if self._taken:
            raise ValueError(f"Rows were added after {sorted(self._taken)} were taken; add every document first.")
        self._flush()
        self._keep(batch)

    def _keep(self, batch: RowBatch) -> None:
        for k in ROW_KINDS:
            if self._spill is not None:
                self._spill.append(k, getattr(batch, k))
            else:
                self._frames[k].append(getattr(batch, k))
        self._n_docs.append(batch.n_docs)

    def _flush(self) -> None:
        if self._buffer:
            batch = RowBatch.of(self._buffer)
            self._buffer = []
            self._buffered_rows = 0
            self._keep(batch)

    def _unspill(self, *kinds: str) -> None:
        """The spilled batches of ``kinds`` (default: all) back in memory, in order."""
        if self._spill is not None:
            for k in kinds or ROW_KINDS:
                self._frames[k] = self._spill.read(k)

    def batches(self) -> list[RowBatch]:
        """Every document's rows so far, as column batches in order; the collector is emptied."""
        if self._taken:
            raise ValueError(f"{sorted(self._taken)} were taken already: use take() for every kind.")
        self._flush()
        self._unspill()
        out = [RowBatch(**{k: self._frames[k][i] for k in ROW_KINDS}, n_docs=n) for i, n in enumerate(self._n_docs)]
        self._frames = {k: [] for k in ROW_KINDS}
        self._n_docs = []
        return out

    def take(self, kind: str) -> pd.DataFrame:
        """Every document's rows of ``kind`` as one DataFrame (as :func:`concat_rows` gives it); that
        kind's batches are dropped, so each kind can be taken once."""
        if kind not in self._frames:
            raise ValueError(f"Unknown kind of rows {kind!r}; the kinds are {list(ROW_KINDS)}.")
        if kind in self._taken:
            raise ValueError(f"The {kind} rows were taken already; each kind can be taken once.")
        self._flush()
        self._unspill(kind)
        frames, self._frames[kind] = self._frames[kind], []
        self._taken.add(kind)
        if not frames:
            return rows_frame(kind, [])
        non_empty = [f for f in frames if len(f)]
        if len(non_empty) <= 1:
            return non_empty[0] if non_empty else frames[0]
        out = concat_frames(non_empty)  # labels columns stay categorical
        del frames, non_empty
        return out


def concat_rows(per_doc: Sequence[DocRows | RowBatch], kind: str) -> pd.DataFrame:
    """The rows of ``kind`` of every item (a document's rows or a batch), in order, as one DataFrame
    (declared dtypes for declared tables; pass it through ``conform`` for the checks across batches)."""
    frames: list[pd.DataFrame] = []
    pending: list[dict[str, Any]] = []
    for item in per_doc:
        if isinstance(item, RowBatch):
            if pending:
                frames.append(rows_frame(kind, pending))
                pending = []
            frames.append(getattr(item, kind))
        else:
            pending.extend(getattr(item, kind))
    if pending or not frames:
        frames.append(rows_frame(kind, pending))
    non_empty = [f for f in frames if len(f)]
    if len(non_empty) <= 1:
        return non_empty[0] if non_empty else frames[0]
    return concat_frames(non_empty)
