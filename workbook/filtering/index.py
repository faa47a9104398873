"""FilterIndex: a Book's tables turned into dense integer codes, for fast filtering, part by part.

Building the index does the hashing and per-row work (string ids to codes, exploded list columns,
text columns for case-insensitive search, latest annotation per target); :func:`workbook.filtering.apply.apply`
then works only on numpy arrays and boolean bitmaps. A Book keeps its index: ``FilterIndex.of(book)`` makes
it on first use and returns the same one afterwards, and ``apply(book, spec)`` uses it::

    index = FilterIndex.of(book)          # cheap: nothing but the documents' ids is read yet
    view = apply(book, spec)              # same index; the parts this spec needs are built now

**Parts, built when first read.** Each group of arrays (:data:`PARTS`) is built the first time one of
its attributes is read, then kept: a session that never searches text never reads it, one that
never filters by publisher never codes publishers, and opening the explorer (which filters nothing
until asked) builds nothing. Every spec reads the entity universe, the mentions and the claims' and
events' documents; a text search adds the text columns of documents and claims (the Book's own text,
searched in place; a lower-cased copy only of rows with capitals outside ASCII), a speaker the
claims' speakers, and so on. Building is safe from several threads (one lock per index).

Ids and categories are coded by Arrow's hash kernels (:mod:`workbook.filtering.columns`), which read
the columns' own buffers: no Python string is made per row.

Codes: documents are coded by their row position in ``book.documents``. Entities are coded in a
*universe*: the rows of ``book.entities`` first (code == row position), then any id that only
appears in mentions, claim speakers or ``entity_ids`` lists. Claims and events are coded by row
position. ``-1`` means "refers to nothing"; arrays indexed by such codes carry one extra trailing
``False`` slot so that ``-1`` reads as False.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from workbook.errors import FilterIndexError
from workbook.filtering.columns import (
    CodeArray,
    codes_in,
    dictionary_codes,
    distinct_strings,
    list_elements,
    lower_codes,
    strings_of,
)
from workbook.filtering.marks import AnnotationMarks, annotation_marks
from workbook.filtering.text import TextColumn
from workbook.model import ANNOTATION_TARGET_KINDS, CONFIDENCE_BANDS, ENTITY_TYPES, QUOTE_KINDS

if TYPE_CHECKING:
    from workbook.book import Book

__all__ = [
    "ANNOTATION_TARGETS",
    "NO_DAY",
    "PARTS",
    "BoolArray",
    "CodeArray",
    "FilterIndex",
    "FilterIndexError",
    "IntArray",
]

#: The ``annotations.target_kind`` values the filters read, in the order of their integer codes
#: (:data:`workbook.model.ANNOTATION_TARGET_KINDS`).
ANNOTATION_TARGETS: tuple[str, ...] = ANNOTATION_TARGET_KINDS

IntArray = np.ndarray[Any, np.dtype[np.int64]]
BoolArray = np.ndarray[Any, np.dtype[np.bool_]]
FloatArray = np.ndarray[Any, np.dtype[np.float64]]

NO_DAY = np.iinfo(np.int64).min

#: The tables an index reads (held by the index, not the Book: a cached index must not keep its Book alive).
_READ: tuple[str, ...] = ("documents", "entities", "mentions", "claims", "events", "places", "annotations")


def _arrow_keys(df: pd.DataFrame, table: str, column: str) -> pa.Array:
    """``df[column]`` as one Arrow string array; raises :class:`FilterIndexError` unless its values are unique."""
    keys = strings_of(df[column]).combine_chunks()
    if len(keys) and pc.count_distinct(keys, mode="all").as_py() != len(keys):
        idx = pd.Index(df[column])
        dup = sorted({str(v) for v in idx[idx.duplicated()]})[:5]
        raise FilterIndexError(
            f"Cannot index table {table!r}: {column} is not unique (e.g. {dup}). Pass the table through "
            f"workbook.model.conform({table!r}, ...) to find and fix the duplicated rows."
        )
    return keys


def _cat_codes(values: pd.Series, categories: tuple[str, ...]) -> CodeArray:
    """Positions of ``values`` in ``categories``; -1 for null or any other value."""
    if isinstance(values.dtype, pd.CategoricalDtype) and tuple(values.cat.categories) == categories:
        return np.asarray(values.cat.codes, dtype=np.int32)
    return codes_in(values, pa.array(categories, type=pa.large_string()))


def _csr(keys: CodeArray, n: int) -> tuple[CodeArray | None, IntArray]:
    """Rows grouped by ``keys`` (codes 0..n-1; -1 rows left out): (order, ptr) such that the rows
    of key k are ``order[ptr[k]:ptr[k + 1]]``; ``order`` is None when ``keys`` is already sorted."""
    is_sorted = bool(len(keys) == 0 or np.all(keys[1:] >= keys[:-1]))
    order = None if is_sorted else np.argsort(keys, kind="stable").astype(np.int32)
    ordered = keys if order is None else keys[order]
    ptr = np.searchsorted(ordered, np.arange(n + 1)).astype(np.int64)
    return order, ptr


def _days(values: pd.Series) -> IntArray:
    """Days since 1970-01-01 as int64; missing dates become ``NO_DAY``."""
    dt = pd.to_datetime(values).to_numpy(dtype="datetime64[D]")
    out = dt.astype(np.int64)
    out[np.isnat(dt)] = NO_DAY
    return out


Builder = Callable[["FilterIndex"], dict[str, Any]]
#: Which part builds each lazily built attribute (filled by ``@_part`` below).
PARTS: dict[str, str] = {}
_BUILDERS: dict[str, Builder] = {}


def _part(*names: str) -> Callable[[Builder], Builder]:
    """Register ``fn`` as the builder of the attributes ``names`` (it returns them in a dict)."""

    def register(fn: Builder) -> Builder:
        part = fn.__name__.lstrip("_")
        _BUILDERS[part] = fn
        for name in names:
            PARTS[name] = part
        return fn

    return register


class FilterIndex:
    """Dense integer codes and precomputed arrays of one Book, built part by part on first use
    (see the module docstring)."""

    # built at once (cheap)
    n_docs: int
    n_entity_rows: int
    n_claims: int
    n_events: int
    doc_ids: pa.Array
    # built on first use, part by part (PARTS)
    doc_index: pd.Index
    doc_pub: CodeArray
    publishers: pd.Index
    doc_day: IntArray
    doc_text: TextColumn
    universe: pd.Index
    universe_ids: pa.Array
    n_universe: int
    ent_type: CodeArray
    ent_lon: FloatArray
    ent_lat: FloatArray
    ent_geo: BoolArray
    pl_ent: CodeArray
    pl_lon: FloatArray
    pl_lat: FloatArray
    ce_claim: CodeArray
    ce_ent: CodeArray
    ve_event: CodeArray
    ve_ent: CodeArray
    m_doc: CodeArray
    m_ent: CodeArray
    m_order: CodeArray | None
    m_ptr: IntArray
    m_len: IntArray
    m_orphans: IntArray
    md_ent: CodeArray
    pair_doc: CodeArray
    pair_ptr: IntArray
    pd_ent: CodeArray
    pair_doc_ptr: IntArray
    ent_mentions: IntArray
    ent_docs: IntArray
    ce_rows: CodeArray
    ce_ptr: IntArray
    ve_rows: CodeArray
    ve_ptr: IntArray
    cs_rows: CodeArray
    cs_ptr: IntArray
    c_doc: CodeArray
    c_order: CodeArray | None
    c_ptr: IntArray
    c_speaker: CodeArray
    c_speaker_text: CodeArray
    speaker_texts: pd.Index
    c_kind: CodeArray
    c_conf: CodeArray
    c_text: TextColumn
    v_doc: CodeArray
    v_order: CodeArray | None
    v_ptr: IntArray
    v_start: IntArray
    v_end: IntArray
    v_dated: BoolArray
    tag_kind: CodeArray
    tag_target: CodeArray
    tag_value: CodeArray
    tag_values: pd.Index
    starred: tuple[BoolArray, BoolArray, BoolArray, BoolArray]
    c_status: CodeArray
    statuses: pd.Index

    def __init__(self, book: Book) -> None:
        self.book_ref: weakref.ref[Book] = weakref.ref(book)  # weak: the Book caches its index
        self._tables: dict[str, pd.DataFrame] = {name: book.table(name) for name in _READ}
        self._lock = threading.RLock()
        t = self._tables
        self.doc_ids = _arrow_keys(t["documents"], "documents", "doc_id")
        self.n_docs = len(t["documents"])
        self.n_entity_rows = len(t["entities"])
        self.n_claims = len(t["claims"])
        self.n_events = len(t["events"])

    @classmethod
    def of(cls, book: Book) -> FilterIndex:
        """The index of ``book``, made on first use and cached on the Book (:meth:`Book.memo`): every
        ``apply``, the explorer and exports on the same Book share one index. A Book with other
        tables (curation re-applied, ``with_tables``) is a new Book and gets a new index."""
        return book.memo("filter_index", lambda: cls.build(book))

    @classmethod
    def build(cls, book: Book) -> FilterIndex:
        """A new index of ``book`` (its parts are built on first use). Raises :class:`FilterIndexError`
        when ``doc_id`` is not unique; the other key columns are checked when the part reading them is built."""
        return cls(book)

    def __getattr__(self, name: str) -> Any:
        # Only called when normal lookup fails: a lazily built attribute whose part is not built yet.
        part = PARTS.get(name)
        if part is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        with self._lock:
            if name not in self.__dict__:  # another thread may have built it meanwhile
                self.__dict__.update(_BUILDERS[part](self))
        return self.__dict__[name]

    def build_all(self) -> FilterIndex:
        """Build every part now (e.g. before timing filters); returns the index."""
        for name in PARTS:
            getattr(self, name)
        return self

    @property
    def built(self) -> tuple[str, ...]:
        """The parts built so far."""
        return tuple(sorted({PARTS[n] for n in self.__dict__ if n in PARTS}))

    @property
    def book(self) -> Book | None:
        """The Book this index was built from (None once that Book is gone)."""
        return self.book_ref()

    def __repr__(self) -> str:
        return (
            f"<FilterIndex: {self.n_docs} documents, {self.n_entity_rows} entities, "
            f"{len(self._tables['mentions'])} mentions, {self.n_claims} claims, {self.n_events} events>"
        )

    def check(self, book: Book) -> None:
        """Raise :class:`FilterIndexError` unless this index was built from ``book`` itself."""
        if self.book is not book:  # also when the Book it was built from is gone
            raise FilterIndexError(
                "This FilterIndex was built from another Book; build one for this Book with "
                "FilterIndex.build(book), or call apply(book, spec) without index=."
            )

    def lookup(self, index: pd.Index, values: tuple[str, ...]) -> CodeArray:
        """Codes in ``index`` of ``values`` that exist there (unknown values dropped)."""
        query = pd.Index(list(values), dtype=object)
        if len(index) and query.dtype != index.dtype:
            query = query.astype(index.dtype)  # a dtype mismatch makes get_indexer convert the whole index
        codes = np.asarray(index.get_indexer(query), dtype=np.int32)
        return codes[codes >= 0]

    def value_mask(self, index: pd.Index, values: tuple[str, ...]) -> BoolArray:
        """A lookup table over ``index`` codes (plus the -1 slot): True for codes of ``values``."""
        lut = np.zeros(len(index) + 1, dtype=bool)
        lut[self.lookup(index, values)] = True
        return lut

    # -- parts -----------------------------------------------------------------------------------------

    @_part("doc_index")
    def _doc_index(self) -> dict[str, Any]:
        return {"doc_index": pd.Index(self.doc_ids.to_pylist(), dtype=object)}

    @_part("doc_pub", "publishers")
    def _publishers(self) -> dict[str, Any]:
        codes, publishers = dictionary_codes(self._tables["documents"]["publisher"])
        return {"doc_pub": codes, "publishers": publishers}

    @_part("doc_day")
    def _doc_day(self) -> dict[str, Any]:
        return {"doc_day": _days(self._tables["documents"]["published"])}

    @_part("doc_text")
    def _doc_text(self) -> dict[str, Any]:
        return {"doc_text": TextColumn.build(self._tables["documents"]["text"])}

    @_part("c_text")
    def _claim_text(self) -> dict[str, Any]:
        return {"c_text": TextColumn.build(self._tables["claims"]["text"])}

    @_part(
        "universe", "universe_ids", "n_universe", "ent_type", "ent_lon", "ent_lat", "ent_geo", "pl_ent", "pl_lon",
        "pl_lat", "ce_claim", "ce_ent", "ve_event", "ve_ent",
    )  # fmt: skip
    def _entities(self) -> dict[str, Any]:
        t = self._tables
        ents, places = t["entities"], t["places"]
        rows = _arrow_keys(ents, "entities", "entity_id")
        _arrow_keys(places, "places", "entity_id")
        ce_claim, ce_ids = list_elements(t["claims"]["entity_ids"])
        ve_event, ve_ids = list_elements(t["events"]["entity_ids"])
        referenced = [distinct_strings(t["mentions"]["entity_id"]), distinct_strings(t["claims"]["speaker_id"])]
        referenced += [distinct_strings(ce_ids), distinct_strings(ve_ids)]
        seen = pc.unique(pa.chunked_array(referenced, type=pa.large_string()))
        seen = seen.filter(seen.is_valid())
        extra = seen.filter(pc.invert(pc.is_in(seen, value_set=rows.cast(pa.large_string()))))
        universe_ids = pa.concat_arrays([rows.cast(pa.large_string()), extra]) if len(extra) else rows
        n_uni = len(universe_ids)
        ent_type = np.full(n_uni, -1, dtype=np.int32)
        ent_type[: len(ents)] = _cat_codes(ents["type"], ENTITY_TYPES)

        pl_ent = codes_in(places["entity_id"], universe_ids)
        pl_lon = places["lon"].to_numpy(dtype=np.float64, na_value=np.nan)
        pl_lat = places["lat"].to_numpy(dtype=np.float64, na_value=np.nan)
        ent_lon, ent_lat = np.full(n_uni, np.nan), np.full(n_uni, np.nan)
        known = pl_ent >= 0
        ent_lon[pl_ent[known]] = pl_lon[known]
        ent_lat[pl_ent[known]] = pl_lat[known]
        return {
            "universe": pd.Index(universe_ids.to_pylist(), dtype=object),
            "universe_ids": universe_ids,
            "n_universe": n_uni,
            "ent_type": ent_type,
            "ent_lon": ent_lon,
            "ent_lat": ent_lat,
            "ent_geo": ~(np.isnan(ent_lon) | np.isnan(ent_lat)),
            "pl_ent": pl_ent,
            "pl_lon": pl_lon,
            "pl_lat": pl_lat,
            "ce_claim": ce_claim,
            "ce_ent": codes_in(ce_ids, universe_ids),
            "ve_event": ve_event,
            "ve_ent": codes_in(ve_ids, universe_ids),
        }

    @_part("m_doc", "m_ent", "m_order", "m_ptr", "m_len", "m_orphans", "md_ent", "pair_doc", "pair_ptr", "pd_ent",
           "pair_doc_ptr", "ent_mentions", "ent_docs")  # fmt: skip
    def _mentions(self) -> dict[str, Any]:
        ments, n_docs, n_uni = self._tables["mentions"], self.n_docs, self.n_universe
        m_doc = codes_in(ments["doc_id"], self.doc_ids)
        m_ent = codes_in(ments["entity_id"], self.universe_ids)
        m_doc[(m_ent < 0) | (m_ent >= self.n_entity_rows)] = -1  # a mention of no entities row: selects nothing
        m_order, m_ptr = _csr(m_doc, n_docs)
        ok = m_doc >= 0
        keys = np.sort(m_ent[ok].astype(np.int64) * max(n_docs, 1) + m_doc[ok])  # (entity, document) pairs
        keys = keys[np.concatenate([np.ones(min(len(keys), 1), dtype=bool), keys[1:] != keys[:-1]])]  # distinct
        # (by sorting: numpy's np.unique without counts hashes, 8x slower on 2.5M keys)
        pair_ent64, pair_doc64 = np.divmod(keys, max(n_docs, 1))
        pair_ent, pair_doc = pair_ent64.astype(np.int32), pair_doc64.astype(np.int32)
        pair_order_by_doc, pair_doc_ptr = _csr(pair_doc, n_docs)
        pair_ptr = np.searchsorted(pair_ent, np.arange(n_uni + 1)).astype(np.int64)
        return {
            "m_doc": m_doc,
            "m_ent": m_ent,
            "m_order": m_order,
            "m_ptr": m_ptr,
            "m_len": np.diff(m_ptr),
            "m_orphans": np.flatnonzero(m_doc < 0),
            # the mentions' entities in document order (the rows of document d: md_ent[m_ptr[d]:m_ptr[d + 1]])
            "md_ent": m_ent if m_order is None else m_ent[m_order],
            "pair_doc": pair_doc,
            "pair_ptr": pair_ptr,
            # the pairs' entities in document order (document d: pd_ent[pair_doc_ptr[d]:pair_doc_ptr[d + 1]])
            "pd_ent": pair_ent if pair_order_by_doc is None else pair_ent[pair_order_by_doc],
            "pair_doc_ptr": pair_doc_ptr,
            "ent_mentions": np.bincount(m_ent[ok], minlength=n_uni).astype(np.int64),
            "ent_docs": np.diff(pair_ptr),
        }

    @_part("ce_rows", "ce_ptr", "ve_rows", "ve_ptr")
    def _entity_rows(self) -> dict[str, Any]:
        """The exploded ``entity_ids`` of claims and events as CSRs from entity to rows (an entity's claims:
        ``ce_rows[ce_ptr[e]:ce_ptr[e + 1]]``), so that a filter on a few entities visits only their rows."""
        ce_order, ce_ptr = _csr(self.ce_ent, self.n_universe)
        ve_order, ve_ptr = _csr(self.ve_ent, self.n_universe)
        return {
            "ce_rows": self.ce_claim if ce_order is None else self.ce_claim[ce_order],
            "ce_ptr": ce_ptr,
            "ve_rows": self.ve_event if ve_order is None else self.ve_event[ve_order],
            "ve_ptr": ve_ptr,
        }

    @_part("cs_rows", "cs_ptr")
    def _speaker_rows(self) -> dict[str, Any]:
        """Claims grouped by ``speaker_id`` (a CSR from entity to claims)."""
        order, ptr = _csr(self.c_speaker, self.n_universe)
        rows = np.arange(self.n_claims, dtype=np.int32) if order is None else order
        return {"cs_rows": rows, "cs_ptr": ptr}

    @_part("c_doc", "c_order", "c_ptr")
    def _claim_docs(self) -> dict[str, Any]:
        c_doc = codes_in(self._tables["claims"]["doc_id"], self.doc_ids)
        c_order, c_ptr = _csr(c_doc, self.n_docs)
        return {"c_doc": c_doc, "c_order": c_order, "c_ptr": c_ptr}

    @_part("c_speaker", "c_speaker_text", "speaker_texts")
    def _speakers(self) -> dict[str, Any]:
        claims = self._tables["claims"]
        codes, texts = lower_codes(claims["speaker_text"])
        return {
            "c_speaker": codes_in(claims["speaker_id"], self.universe_ids),
            "c_speaker_text": codes,
            "speaker_texts": texts,
        }

    @_part("c_kind", "c_conf")
    def _claim_bands(self) -> dict[str, Any]:
        claims = self._tables["claims"]
        return {
            "c_kind": _cat_codes(claims["quote_kind"], QUOTE_KINDS),
            "c_conf": _cat_codes(claims["confidence"], CONFIDENCE_BANDS),
        }

    @_part("v_doc", "v_order", "v_ptr")
    def _event_docs(self) -> dict[str, Any]:
        v_doc = codes_in(self._tables["events"]["doc_id"], self.doc_ids)
        v_order, v_ptr = _csr(v_doc, self.n_docs)
        return {"v_doc": v_doc, "v_order": v_order, "v_ptr": v_ptr}

    @_part("v_start", "v_end", "v_dated")
    def _event_days(self) -> dict[str, Any]:
        events = self._tables["events"]
        v_start, v_end = _days(events["date_start"]), _days(events["date_end"])
        v_start = np.where(v_start == NO_DAY, v_end, v_start)  # one bound known: the interval is that day
        v_end = np.where(v_end == NO_DAY, v_start, v_end)
        return {"v_start": v_start, "v_end": v_end, "v_dated": v_start != NO_DAY}

    @_part("tag_kind", "tag_target", "tag_value", "tag_values", "starred", "c_status", "statuses")
    def _annotations(self) -> dict[str, Any]:
        t = self._tables
        targets = (
            self.doc_ids,
            self.universe_ids,
            _arrow_keys(t["claims"], "claims", "claim_id"),
            _arrow_keys(t["events"], "events", "event_id"),
        )
        marks: AnnotationMarks = annotation_marks(t["annotations"], targets)
        return marks._asdict()
