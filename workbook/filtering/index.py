"""FilterIndex: a Book's tables turned once into dense integer codes, for fast filtering.

Building the index does all the hashing and per-row work (string ids to codes, exploded list
columns, lower-cased text, latest annotation per target); :func:`workbook.filtering.apply.apply`
then works only on numpy arrays and boolean bitmaps. A Book keeps its index: ``FilterIndex.of(book)``
builds it on first use and returns the same one afterwards, and ``apply(book, spec)`` uses it::

    index = FilterIndex.of(book)          # built once, cached on the Book
    view = apply(book, spec)              # same index, no rebuild

Codes: documents are coded by their row position in ``book.documents``. Entities are coded in a
*universe*: the rows of ``book.entities`` first (code == row position), then any id that only
appears in mentions, claim speakers or ``entity_ids`` lists. Claims and events are coded by row
position. ``-1`` means "refers to nothing"; arrays indexed by such codes carry one extra trailing
``False`` slot so that ``-1`` reads as False.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from workbook.errors import FilterIndexError
from workbook.filtering.text import TextColumn
from workbook.lists import flat_values
from workbook.model import ANNOTATION_TARGET_KINDS, CONFIDENCE_BANDS, ENTITY_TYPES, QUOTE_KINDS, is_starred

if TYPE_CHECKING:
    from workbook.book import Book

__all__ = [
    "ANNOTATION_TARGETS",
    "NO_DAY",
    "BoolArray",
    "CodeArray",
    "FilterIndex",
    "FilterIndexError",
    "IntArray",
    "lower_text",
]

#: The ``annotations.target_kind`` values the filters read, in the order of their integer codes
#: (:data:`workbook.model.ANNOTATION_TARGET_KINDS`).
ANNOTATION_TARGETS: tuple[str, ...] = ANNOTATION_TARGET_KINDS

IntArray = np.ndarray[Any, np.dtype[np.int64]]
CodeArray = np.ndarray[Any, np.dtype[np.int32]]
BoolArray = np.ndarray[Any, np.dtype[np.bool_]]


def lower_text(values: pd.Series | pa.ChunkedArray | pa.Array) -> pa.ChunkedArray:
    """Lower-cased text as an Arrow array: the same Unicode lower-casing is applied to the haystack
    (here, once) and to the needle (per query), so the match is case-insensitive."""
    arr = pa.array(values.array, from_pandas=True) if isinstance(values, pd.Series) else values
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        arr = arr.cast(pa.large_string())
    if isinstance(arr, pa.Array):
        arr = pa.chunked_array([arr], type=arr.type)
    lowered: pa.ChunkedArray = pc.utf8_lower(arr)
    return lowered


def _codes(index: pd.Index, values: pd.Series | pd.Index) -> CodeArray:
    """Codes (positions in ``index``) of ``values``, -1 for values not in it."""
    query = pd.Index(values)
    if query.dtype != index.dtype and len(index):
        query = query.astype(index.dtype)  # a dtype mismatch makes get_indexer convert the whole index
    return np.asarray(index.get_indexer(query), dtype=np.int32)


def _unique_index(df: pd.DataFrame, table: str, column: str) -> pd.Index:
    idx = pd.Index(df[column])
    if not idx.is_unique:
        dup = sorted({str(v) for v in idx[idx.duplicated()]})[:5]
        raise FilterIndexError(
            f"Cannot index table {table!r}: {column} is not unique (e.g. {dup}). Pass the table through "
            f"workbook.model.conform({table!r}, ...) to find and fix the duplicated rows."
        )
    return idx


def _cat_codes(values: pd.Series, categories: tuple[str, ...]) -> CodeArray:
    """Positions of ``values`` in ``categories``; -1 for null or any other value."""
    if isinstance(values.dtype, pd.CategoricalDtype) and tuple(values.cat.categories) == categories:
        return np.asarray(values.cat.codes, dtype=np.int32)
    return np.asarray(pd.Index(categories, dtype=object).get_indexer(pd.Index(values.astype(object))), dtype=np.int32)


def _explode(lists: pd.Series) -> tuple[CodeArray, pd.Series]:
    """(row positions, values) of a list column, one pair per list element."""
    positions, values = flat_values(lists)  # from the Arrow offsets: no Python list per row
    return positions.astype(np.int32), values.astype(str)


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


NO_DAY = np.iinfo(np.int64).min


@dataclass(frozen=True, eq=False)
class FilterIndex:
    """Dense integer codes and precomputed arrays of one Book (see the module docstring)."""

    book_ref: weakref.ref[Book]  # weak: a Book caches its index, which must not keep the Book alive
    n_docs: int
    n_universe: int
    n_entity_rows: int
    doc_index: pd.Index
    doc_pub: CodeArray
    doc_day: IntArray
    publishers: pd.Index
    doc_text: TextColumn
    universe: pd.Index
    ent_type: CodeArray
    ent_lon: np.ndarray[Any, np.dtype[np.float64]]
    ent_lat: np.ndarray[Any, np.dtype[np.float64]]
    ent_geo: BoolArray
    m_doc: CodeArray
    m_ent: CodeArray
    m_order: CodeArray | None
    m_ptr: IntArray
    pair_doc: CodeArray
    pair_ent: CodeArray
    pair_ptr: IntArray
    pair_mentions: IntArray
    pair_order_by_doc: CodeArray | None
    pair_doc_ptr: IntArray
    c_doc: CodeArray
    c_speaker: CodeArray
    c_speaker_text: CodeArray
    speaker_texts: pd.Index
    c_kind: CodeArray
    c_conf: CodeArray
    c_text: TextColumn
    ce_claim: CodeArray
    ce_ent: CodeArray
    v_doc: CodeArray
    v_start: IntArray
    v_end: IntArray
    v_dated: BoolArray
    ve_event: CodeArray
    ve_ent: CodeArray
    pl_ent: CodeArray
    pl_lon: np.ndarray[Any, np.dtype[np.float64]]
    pl_lat: np.ndarray[Any, np.dtype[np.float64]]
    tag_kind: CodeArray
    tag_target: CodeArray
    tag_value: CodeArray
    tag_values: pd.Index
    starred: tuple[BoolArray, BoolArray, BoolArray, BoolArray]
    c_status: CodeArray
    statuses: pd.Index

    @classmethod
    def of(cls, book: Book) -> FilterIndex:
        """The index of ``book``, built on first use and cached on the Book (:meth:`Book.memo`): every
        ``apply``, the explorer and exports on the same Book share one index. A Book with other
        tables (curation re-applied, ``with_tables``) is a new Book and gets a new index."""
        return book.memo("filter_index", lambda: cls.build(book))

    @classmethod
    def build(cls, book: Book) -> FilterIndex:
        """Index ``book``. Raises :class:`FilterIndexError` when a key column is not unique."""
        docs, ents, ments, claims, events, places = (
            book.documents,
            book.entities,
            book.mentions,
            book.claims,
            book.events,
            book.places,
        )
        doc_index = _unique_index(docs, "documents", "doc_id")
        ent_rows = _unique_index(ents, "entities", "entity_id")
        claim_index = _unique_index(claims, "claims", "claim_id")
        event_index = _unique_index(events, "events", "event_id")
        _unique_index(places, "places", "entity_id")

        ce_claim, ce_ids = _explode(claims["entity_ids"])
        ve_event, ve_ids = _explode(events["entity_ids"])
        referenced = pd.Index(
            pd.concat(
                [ments["entity_id"].astype(str), claims["speaker_id"].dropna().astype(str), ce_ids, ve_ids],
                ignore_index=True,
            ).unique()
        )
        extra = referenced[~referenced.isin(ent_rows)]
        universe = ent_rows.append(extra) if len(extra) else ent_rows
        n_uni = len(universe)
        ent_type = np.full(n_uni, -1, dtype=np.int32)
        ent_type[: len(ents)] = _cat_codes(ents["type"], ENTITY_TYPES)

        pl_ent = _codes(universe, places["entity_id"])
        pl_lon = places["lon"].to_numpy(dtype=np.float64, na_value=np.nan)
        pl_lat = places["lat"].to_numpy(dtype=np.float64, na_value=np.nan)
        ent_lon = np.full(n_uni, np.nan)
        ent_lat = np.full(n_uni, np.nan)
        known = pl_ent >= 0
        ent_lon[pl_ent[known]] = pl_lon[known]
        ent_lat[pl_ent[known]] = pl_lat[known]
        ent_geo = ~(np.isnan(ent_lon) | np.isnan(ent_lat))

        n_docs = len(docs)
        m_doc = _codes(doc_index, ments["doc_id"])
        m_ent = _codes(universe, ments["entity_id"])
        m_doc[(m_ent < 0) | (m_ent >= len(ents))] = -1  # a mention of no entities row: dropped, selects nothing
        m_order, m_ptr = _csr(m_doc, n_docs)
        ok = m_doc >= 0
        keys, pair_mentions = np.unique(m_ent[ok].astype(np.int64) * max(n_docs, 1) + m_doc[ok], return_counts=True)
        pair_ent64, pair_doc64 = np.divmod(keys, max(n_docs, 1))
        pair_ent, pair_doc = pair_ent64.astype(np.int32), pair_doc64.astype(np.int32)
        pair_ptr = np.searchsorted(pair_ent, np.arange(n_uni + 1)).astype(np.int64)
        pair_order_by_doc, pair_doc_ptr = _csr(pair_doc, n_docs)

        v_start, v_end = _days(events["date_start"]), _days(events["date_end"])
        v_start = np.where(v_start == NO_DAY, v_end, v_start)  # one bound known: the interval is that day
        v_end = np.where(v_end == NO_DAY, v_start, v_end)
        pubs, publishers = pd.factorize(docs["publisher"])
        sp_text, speaker_texts = pd.factorize(lower_text(claims["speaker_text"]).to_pandas())

        tag_kind, tag_target, tag_value, tag_values, starred, c_status, statuses = _annotations(
            book.annotations, (doc_index, universe, claim_index, event_index)
        )
        return cls(
            book_ref=weakref.ref(book),
            n_docs=n_docs,
            n_universe=n_uni,
            n_entity_rows=len(ents),
            doc_index=doc_index,
            doc_pub=np.asarray(pubs, dtype=np.int32),
            doc_day=_days(docs["published"]),
            publishers=pd.Index(publishers),
            doc_text=TextColumn.build(docs["text"]),
            universe=universe,
            ent_type=ent_type,
            ent_lon=ent_lon,
            ent_lat=ent_lat,
            ent_geo=ent_geo,
            m_doc=m_doc,
            m_ent=m_ent,
            m_order=m_order,
            m_ptr=m_ptr,
            pair_doc=pair_doc,
            pair_ent=pair_ent,
            pair_ptr=pair_ptr,
            pair_mentions=pair_mentions.astype(np.int64),
            pair_order_by_doc=pair_order_by_doc,
            pair_doc_ptr=pair_doc_ptr,
            c_doc=_codes(doc_index, claims["doc_id"]),
            c_speaker=_codes(universe, claims["speaker_id"]),
            c_speaker_text=np.asarray(sp_text, dtype=np.int32),
            speaker_texts=pd.Index(speaker_texts),
            c_kind=_cat_codes(claims["quote_kind"], QUOTE_KINDS),
            c_conf=_cat_codes(claims["confidence"], CONFIDENCE_BANDS),
            c_text=TextColumn.build(claims["text"]),
            ce_claim=ce_claim,
            ce_ent=_codes(universe, ce_ids),
            v_doc=_codes(doc_index, events["doc_id"]),
            v_start=v_start,
            v_end=v_end,
            v_dated=v_start != NO_DAY,
            ve_event=ve_event,
            ve_ent=_codes(universe, ve_ids),
            pl_ent=pl_ent,
            pl_lon=pl_lon,
            pl_lat=pl_lat,
            tag_kind=tag_kind,
            tag_target=tag_target,
            tag_value=tag_value,
            tag_values=tag_values,
            starred=starred,
            c_status=c_status,
            statuses=statuses,
        )

    @property
    def book(self) -> Book | None:
        """The Book this index was built from (None once that Book is gone)."""
        return self.book_ref()

    def __repr__(self) -> str:
        return (
            f"<FilterIndex: {self.n_docs} documents, {self.n_entity_rows} entities, {len(self.m_doc)} mentions, "
            f"{len(self.c_doc)} claims, {len(self.v_doc)} events>"
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
        codes = _codes(index, pd.Index(list(values), dtype=object))
        return codes[codes >= 0]

    def value_mask(self, index: pd.Index, values: tuple[str, ...]) -> BoolArray:
        """A lookup table over ``index`` codes (plus the -1 slot): True for codes of ``values``."""
        lut = np.zeros(len(index) + 1, dtype=bool)
        lut[self.lookup(index, values)] = True
        return lut


def _annotations(
    ann: pd.DataFrame, targets: tuple[pd.Index, pd.Index, pd.Index, pd.Index]
) -> tuple[
    CodeArray, CodeArray, CodeArray, pd.Index, tuple[BoolArray, BoolArray, BoolArray, BoolArray], CodeArray, pd.Index
]:
    """Tags (one row per tag annotation), starred flags per target table, latest status per claim."""
    kind_code = _cat_codes(ann["target_kind"].astype(object), ANNOTATION_TARGETS)
    target = np.full(len(ann), -1, dtype=np.int32)
    for k, idx in enumerate(targets):
        rows = np.flatnonzero(kind_code == k)
        if len(rows):
            target[rows] = _codes(idx, ann["target_id"].iloc[rows])
    valid = (kind_code >= 0) & (target >= 0)

    def kind_is(which: str) -> BoolArray:
        return np.asarray((ann["kind"] == which).fillna(False).to_numpy(dtype=bool), dtype=bool)

    is_tag = valid & kind_is("tag") & ann["value"].notna().to_numpy()
    tag_value, tag_values = pd.factorize(ann["value"][is_tag])

    # latest first: sort by creation time, later rows winning ties (stable sort keeps table order)
    order = np.argsort(ann["created"].to_numpy(dtype="datetime64[s]"), kind="stable")

    def latest(which: str) -> tuple[CodeArray, CodeArray, pd.Series]:
        rows = order[(valid & kind_is(which))[order]]
        frame = pd.DataFrame({"k": kind_code[rows], "t": target[rows], "row": rows})
        last = frame.drop_duplicates(["k", "t"], keep="last")
        return (
            last["k"].to_numpy(dtype=np.int32),
            last["t"].to_numpy(dtype=np.int32),
            ann["value"].iloc[last["row"].to_numpy()],
        )

    starred_list: list[BoolArray] = []
    sk, st, sv = latest("star")
    on = np.fromiter((is_starred(v) for v in sv.astype(object)), dtype=bool, count=len(sv))
    for k, idx in enumerate(targets):
        flags = np.zeros(len(idx) + 1, dtype=bool)
        sel = (sk == k) & on
        flags[st[sel]] = True
        starred_list.append(flags)

    qk, qt, qv = latest("status")
    claims_k = qk == ANNOTATION_TARGETS.index("claim")
    status_codes, statuses = pd.factorize(qv[claims_k])
    c_status = np.full(len(targets[2]), -1, dtype=np.int32)
    c_status[qt[claims_k]] = status_codes
    starred = (starred_list[0], starred_list[1], starred_list[2], starred_list[3])
    return (
        kind_code[is_tag],
        target[is_tag],
        np.asarray(tag_value, dtype=np.int32),
        pd.Index(tag_values),
        starred,
        c_status,
        pd.Index(statuses),
    )
